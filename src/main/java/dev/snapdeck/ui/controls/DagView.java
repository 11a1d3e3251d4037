package dev.snapdeck.ui.controls;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Polygon;

/**
 * Draws a DAG left to right: nodes as rounded boxes coloured by status (through the
 * {@code status-*} style classes), edges as curves with arrowheads. Clicking a node selects it.
 */
public final class DagView extends ScrollPane {

    public static final String STYLE_CLASS = "dag-view";
    public static final String NODE_CLASS = "dag-node";
    public static final String EDGE_CLASS = "dag-edge";
    public static final String ARROW_CLASS = "dag-arrow";
    public static final String NODE_ID_PREFIX = "dag-node-";
    public static final String STATUS_OTHER = "status-other";
    static final double NODE_WIDTH = 170;
    static final double NODE_HEIGHT = 44;
    static final double COLUMN_GAP = 70;
    static final double ROW_GAP = 22;
    static final double PADDING = 24;

    private static final double ARROW_SIZE = 7;
    static final double SMALLEST_SCALE = 0.6;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final Set<String> KNOWN_STATUSES = Set.of("completed", "running", "failed",
            "cached", "stopped", "stopping", "skipped", "initializing", "provisioning", "queued",
            "retrying", "retried");

    private final Pane canvas = new Pane();
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Map<String, StackPane> boxes = new HashMap<>();
    private final ObjectProperty<String> selectedNodeId = new SimpleObjectProperty<>();

    public DagView() {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(DagView.class.getResource("DagView.css").toExternalForm());
        canvas.getStyleClass().add("dag-canvas");
        canvas.getChildren().addAll(edgeLayer, nodeLayer);
        // In a Group the scale counts in the scrolled size, so a shrunk graph needs no scrolling.
        setContent(new Group(canvas));
        setPannable(true);
        viewportBoundsProperty().addListener((obs, old, now) -> fitWidth());
        canvas.minWidthProperty().addListener((obs, old, now) -> fitWidth());
        selectedNodeId.addListener((obs, old, now) -> {
            markSelected(old, false);
            markSelected(now, true);
        });
    }

    /**
     * Shrinks a graph wider than the view so all of it shows (down to {@link #SMALLEST_SCALE},
     * where labels still read; wider graphs scroll); a graph that fits keeps its size.
     */
    private void fitWidth() {
        double natural = canvas.getMinWidth();
        double available = getViewportBounds().getWidth();
        double scale = natural <= 0 || available <= 0 ? 1
                : Math.max(SMALLEST_SCALE, Math.min(1, available / natural));
        canvas.setScaleX(scale);
        canvas.setScaleY(scale);
    }

    /** The id of the selected node, or null; settable to select from outside. */
    public ObjectProperty<String> selectedNodeIdProperty() {
        return selectedNodeId;
    }

    /**
     * Replaces the drawn graph. Keeps the selection if the selected node is still there.
     *
     * @throws IllegalArgumentException as {@link DagLayout#layout} does, drawing nothing new
     */
    public void setGraph(List<DagNode> nodes, List<DagEdge> edges) {
        Map<String, DagLayout.Cell> cells = DagLayout.layout(nodes, edges);
        Map<Integer, Integer> rowsPerLayer = new HashMap<>();
        cells.values().forEach(c -> rowsPerLayer.merge(c.layer(), 1, Integer::sum));
        int tallest = rowsPerLayer.values().stream().mapToInt(Integer::intValue).max().orElse(0);

        boxes.clear();
        nodeLayer.getChildren().clear();
        edgeLayer.getChildren().clear();
        for (DagNode node : nodes) {
            DagLayout.Cell cell = cells.get(node.id());
            double shift = (tallest - rowsPerLayer.get(cell.layer())) * (NODE_HEIGHT + ROW_GAP) / 2;
            StackPane box = createBox(node);
            box.relocate(PADDING + cell.layer() * (NODE_WIDTH + COLUMN_GAP),
                    PADDING + shift + cell.row() * (NODE_HEIGHT + ROW_GAP));
            boxes.put(node.id(), box);
            nodeLayer.getChildren().add(box);
        }
        edges.forEach(this::drawEdge);

        int layerCount = rowsPerLayer.size();
        canvas.setMinSize(2 * PADDING + layerCount * (NODE_WIDTH + COLUMN_GAP) - COLUMN_GAP,
                2 * PADDING + tallest * (NODE_HEIGHT + ROW_GAP) - ROW_GAP);
        if (selectedNodeId.get() != null && !boxes.containsKey(selectedNodeId.get())) {
            selectedNodeId.set(null);
        } else {
            markSelected(selectedNodeId.get(), true);
        }
    }

    /** The CSS class for a status: {@code status-<name>} for known ones, else status-other. */
    public static String statusStyleClass(String status) {
        String name = status == null ? "" : status.trim().toLowerCase(Locale.ROOT);
        return KNOWN_STATUSES.contains(name) ? "status-" + name : STATUS_OTHER;
    }

    private StackPane createBox(DagNode node) {
        Label label = new Label(node.label());
        label.getStyleClass().add("dag-label");
        label.setMaxWidth(NODE_WIDTH - 16);
        StackPane box = new StackPane(label);
        box.setId(NODE_ID_PREFIX + node.id());
        box.getStyleClass().addAll(NODE_CLASS, statusStyleClass(node.status()));
        box.setPrefSize(NODE_WIDTH, NODE_HEIGHT);
        box.setMinSize(NODE_WIDTH, NODE_HEIGHT);
        box.setMaxSize(NODE_WIDTH, NODE_HEIGHT);
        Tooltip.install(box, new Tooltip(node.label() + "\n" + node.status()));
        box.setOnMouseClicked(e -> selectedNodeId.set(node.id()));
        return box;
    }

    private void drawEdge(DagEdge edge) {
        StackPane from = boxes.get(edge.from());
        StackPane to = boxes.get(edge.to());
        double startX = from.getLayoutX() + NODE_WIDTH;
        double startY = from.getLayoutY() + NODE_HEIGHT / 2;
        double endX = to.getLayoutX() - ARROW_SIZE;
        double endY = to.getLayoutY() + NODE_HEIGHT / 2;
        double bend = (endX - startX) / 2;

        CubicCurve curve = new CubicCurve(startX, startY, startX + bend, startY,
                endX - bend, endY, endX, endY);
        curve.getStyleClass().add(EDGE_CLASS);
        Polygon arrow = new Polygon(endX, endY - ARROW_SIZE / 2, endX + ARROW_SIZE, endY,
                endX, endY + ARROW_SIZE / 2);
        arrow.getStyleClass().add(ARROW_CLASS);
        edgeLayer.getChildren().addAll(curve, arrow);
    }

    private void markSelected(String id, boolean selected) {
        StackPane box = id == null ? null : boxes.get(id);
        if (box != null) {
            box.pseudoClassStateChanged(SELECTED, selected);
        }
    }
}
