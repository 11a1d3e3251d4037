package dev.snapdeck.ui.controls;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Places DAG nodes in columns: a node's column is the length of the longest path reaching it
 * (longest-path layering), so every node sits right of all its upstream nodes. Within a column,
 * nodes are ordered by the mean row of their upstream nodes to keep edges short. Pure; no toolkit.
 */
public final class DagLayout {

    /** Column (layer, from 0 at the left) and row (from 0 at the top) of a node. */
    public record Cell(int layer, int row) {
    }

    private DagLayout() {
    }

    /**
     * Lays out the graph.
     *
     * @throws IllegalArgumentException if an edge names an unknown node, an id repeats, or the
     *     edges form a cycle; the message names the nodes involved
     */
    public static Map<String, Cell> layout(List<DagNode> nodes, List<DagEdge> edges) {
        Map<String, List<String>> upstream = upstreamOf(nodes, edges);
        Map<String, Integer> layers = layers(nodes, edges, upstream);

        Map<Integer, List<String>> columns = new TreeMap<>();
        for (DagNode node : nodes) {
            columns.computeIfAbsent(layers.get(node.id()), k -> new ArrayList<>()).add(node.id());
        }
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (Map.Entry<Integer, List<String>> column : columns.entrySet()) {
            List<String> ids = column.getValue();
            Map<String, Double> weight = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                weight.put(ids.get(i), meanUpstreamRow(ids.get(i), upstream, cells, i));
            }
            ids.sort(Comparator.comparingDouble(weight::get));
            for (int row = 0; row < ids.size(); row++) {
                cells.put(ids.get(row), new Cell(column.getKey(), row));
            }
        }
        return cells;
    }

    private static double meanUpstreamRow(String id, Map<String, List<String>> upstream,
            Map<String, Cell> placed, int fallback) {
        List<String> parents = upstream.get(id);
        if (parents.isEmpty()) {
            return fallback;
        }
        return parents.stream().mapToInt(p -> placed.get(p).row()).average().orElse(fallback);
    }

    private static Map<String, List<String>> upstreamOf(List<DagNode> nodes, List<DagEdge> edges) {
        Map<String, List<String>> upstream = new LinkedHashMap<>();
        for (DagNode node : nodes) {
            if (upstream.put(node.id(), new ArrayList<>()) != null) {
                throw new IllegalArgumentException("DAG node id '" + node.id() + "' appears twice");
            }
        }
        for (DagEdge edge : edges) {
            if (!upstream.containsKey(edge.from()) || !upstream.containsKey(edge.to())) {
                throw new IllegalArgumentException("DAG edge " + edge.from() + " -> " + edge.to()
                        + " names a node that is not in the graph");
            }
            upstream.get(edge.to()).add(edge.from());
        }
        return upstream;
    }

    /** Kahn's algorithm; each node's layer is one more than its deepest upstream node. */
    private static Map<String, Integer> layers(List<DagNode> nodes, List<DagEdge> edges,
            Map<String, List<String>> upstream) {
        Map<String, List<String>> downstream = new HashMap<>();
        Map<String, Integer> waiting = new HashMap<>();
        for (DagNode node : nodes) {
            waiting.put(node.id(), upstream.get(node.id()).size());
        }
        for (DagEdge edge : edges) {
            downstream.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(edge.to());
        }

        Deque<String> ready = new ArrayDeque<>();
        nodes.stream().map(DagNode::id).filter(id -> waiting.get(id) == 0).forEach(ready::add);
        Map<String, Integer> layers = new HashMap<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            int layer = upstream.get(id).stream().mapToInt(layers::get).max().orElse(-1) + 1;
            layers.put(id, layer);
            for (String child : downstream.getOrDefault(id, List.of())) {
                if (waiting.merge(child, -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }

        if (layers.size() < nodes.size()) {
            List<String> stuck = new ArrayList<>(waiting.keySet());
            stuck.removeAll(layers.keySet());
            stuck.sort(Comparator.naturalOrder());
            throw new IllegalArgumentException("DAG has a cycle; these nodes are on it or after it: "
                    + stuck);
        }
        return layers;
    }
}
