package dev.snapdeck.ui.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DagLayoutTest {

    private static DagNode node(String id) {
        return new DagNode(id, id, "completed");
    }

    @Test
    void placesEveryNodeRightOfItsUpstreamNodes() {
        List<DagNode> nodes = List.of(node("evaluate"), node("train"), node("load"),
                node("split"), node("report"));
        List<DagEdge> edges = List.of(new DagEdge("load", "split"), new DagEdge("split", "train"),
                new DagEdge("train", "evaluate"), new DagEdge("load", "evaluate"),
                new DagEdge("evaluate", "report"), new DagEdge("load", "report"));

        Map<String, DagLayout.Cell> cells = DagLayout.layout(nodes, edges);

        for (DagEdge edge : edges) {
            assertTrue(cells.get(edge.from()).layer() < cells.get(edge.to()).layer(), edge::toString);
        }
        assertEquals(3, cells.get("evaluate").layer());
        assertEquals(4, cells.get("report").layer());
    }

    @Test
    void stacksIndependentNodesInOneColumn() {
        List<DagNode> nodes = List.of(node("load"), node("a"), node("b"), node("join"));
        List<DagEdge> edges = List.of(new DagEdge("load", "a"), new DagEdge("load", "b"),
                new DagEdge("a", "join"), new DagEdge("b", "join"));

        Map<String, DagLayout.Cell> cells = DagLayout.layout(nodes, edges);

        assertEquals(new DagLayout.Cell(1, 0), cells.get("a"));
        assertEquals(new DagLayout.Cell(1, 1), cells.get("b"));
        assertEquals(new DagLayout.Cell(2, 0), cells.get("join"));
    }

    @Test
    void rejectsACycleNamingItsNodes() {
        List<DagNode> nodes = List.of(node("a"), node("b"), node("c"));
        List<DagEdge> edges = List.of(new DagEdge("a", "b"), new DagEdge("b", "c"),
                new DagEdge("c", "b"));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DagLayout.layout(nodes, edges));

        assertTrue(error.getMessage().contains("cycle") && error.getMessage().contains("[b, c]"),
                error.getMessage());
    }

    @Test
    void rejectsAnEdgeToAnUnknownNode() {
        List<DagNode> nodes = List.of(node("a"));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DagLayout.layout(nodes, List.of(new DagEdge("a", "ghost"))));

        assertTrue(error.getMessage().contains("a -> ghost"), error.getMessage());
    }
}
