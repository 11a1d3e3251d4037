package dev.snapdeck.ui.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;

import atlantafx.base.theme.PrimerLight;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class DagViewTest {

    private static final List<DagNode> NODES = List.of(
            new DagNode("load", "load_data", "completed"),
            new DagNode("train", "train_model", "running"),
            new DagNode("evaluate", "evaluate", "initializing"),
            new DagNode("export", "export", "weird"));
    private static final List<DagEdge> EDGES = List.of(new DagEdge("load", "train"),
            new DagEdge("train", "evaluate"), new DagEdge("load", "export"));

    /** ZenML's ExecutionStatus values (reference §7.4). */
    private static final List<String> ZENML_STATUSES = List.of("initializing", "provisioning",
            "queued", "running", "retrying", "paused", "resuming", "stopping", "cancelling",
            "completed", "cached", "skipped", "retried", "failed", "stopped", "cancelled");

    private DagView dag;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        dag = new DagView();
        dag.setGraph(NODES, EDGES);
        stage.setScene(new Scene(dag, 800, 400));
        stage.show();
    }

    private Node box(FxRobot robot, String id) {
        return robot.lookup("#" + DagView.NODE_ID_PREFIX + id).query();
    }

    @Test
    void drawsEachNodeRightOfItsUpstreamNodes(FxRobot robot) {
        List<Node> drawnEdges = List.copyOf(robot.lookup("." + DagView.EDGE_CLASS).queryAll());

        for (DagEdge edge : EDGES) {
            Node from = box(robot, edge.from());
            Node to = box(robot, edge.to());
            assertTrue(from.getBoundsInParent().getMaxX() < to.getBoundsInParent().getMinX(),
                    edge::toString);
        }
        assertEquals(EDGES.size(), drawnEdges.size());
        assertEquals(EDGES.size(), robot.lookup("." + DagView.ARROW_CLASS).queryAll().size());
    }

    @Test
    void coloursNodesThroughStatusClasses(FxRobot robot) {
        assertTrue(box(robot, "load").getStyleClass().contains("status-completed"));
        assertTrue(box(robot, "train").getStyleClass().contains("status-running"));
        assertTrue(box(robot, "export").getStyleClass().contains(DagView.STATUS_OTHER));
    }

    @Test
    void aQueuedStepHasAStatusClassOfItsOwn() {
        assertEquals("status-queued", DagView.statusStyleClass("queued"));
    }

    /** A status class with no rule would draw its step, or its pill on Runs, uncoloured. */
    @Test
    void everyStatusClassHasARuleForDagNodesAndStatusPills() throws IOException {
        String nodes = stylesheet("/dev/snapdeck/ui/controls/DagView.css");
        String pills = stylesheet("/dev/snapdeck/ui/runs/RunsView.css");

        for (String status : ZENML_STATUSES) {
            String styleClass = DagView.statusStyleClass(status);
            if (!styleClass.equals(DagView.STATUS_OTHER)) {
                assertTrue(hasRule(nodes, ".dag-node." + styleClass), styleClass + " node");
                assertTrue(hasRule(pills, ".status-pill." + styleClass), styleClass + " pill");
            }
        }
    }

    /** Whether a rule's selector ends with {@code selector} ("x-run" is no rule for "x-running"). */
    private static boolean hasRule(String css, String selector) {
        return Pattern.compile(Pattern.quote(selector) + "\\s*[,{]").matcher(css).find();
    }

    private static String stylesheet(String path) throws IOException {
        try (InputStream in = DagViewTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void clickingANodeSelectsIt(FxRobot robot) {
        robot.clickOn("#" + DagView.NODE_ID_PREFIX + "train");

        assertEquals("train", dag.selectedNodeIdProperty().get());
        assertTrue(box(robot, "train").getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("selected")));
    }

    @Test
    void selectingAnotherNodeUnmarksThePreviousOne(FxRobot robot) {
        robot.interact(() -> dag.selectedNodeIdProperty().set("load"));

        robot.interact(() -> dag.selectedNodeIdProperty().set("evaluate"));

        PseudoClass selected = PseudoClass.getPseudoClass("selected");
        assertFalse(box(robot, "load").getPseudoClassStates().contains(selected));
        assertTrue(box(robot, "evaluate").getPseudoClassStates().contains(selected));
    }

    @Test
    void dropsTheSelectionWhenTheNodeDisappears(FxRobot robot) {
        robot.interact(() -> dag.selectedNodeIdProperty().set("export"));

        robot.interact(() -> dag.setGraph(NODES.subList(0, 3), EDGES.subList(0, 2)));

        assertEquals(null, dag.selectedNodeIdProperty().get());
    }

    @Test
    void aGraphWiderThanTheViewShrinksSoAllOfItShows(FxRobot robot) {
        assertEquals(1.0, box(robot, "evaluate").getParent().getParent().getScaleX(), "it fits at 800 px");

        robot.interact(() -> dag.getScene().getWindow().setWidth(520));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        double right = box(robot, "evaluate").localToScene(box(robot, "evaluate").getBoundsInLocal()).getMaxX();
        org.junit.jupiter.api.Assertions.assertTrue(right <= dag.getWidth(),
                "the last step ends at " + right + " in a view " + dag.getWidth() + " wide");
    }
}
