package dev.snapdeck.ui.runs;

import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.ui.controls.DagView;
import dev.snapdeck.ui.controls.LogView;
import dev.snapdeck.ui.controls.Widths;
import dev.snapdeck.ui.runs.RunDetailViewModel.StepRow;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A run's detail: header with Stop and New Snapshot, DAG and steps, the log and the config. */
public final class RunDetailView extends BorderPane {

    public static final String TITLE_ID = "runTitle";
    public static final String SUMMARY_ID = "runSummary";
    public static final String STATUS_ID = "runStatus";
    public static final String STOP_ID = "runStop";
    public static final String NEW_SNAPSHOT_ID = "runNewSnapshot";
    public static final String DAG_ID = "runDag";
    public static final String STEPS_ID = "runSteps";
    public static final String LOG_ID = "runLog";
    public static final String CONFIG_ID = "runConfiguration";
    public static final String ERROR_ID = "runError";
    private static final double LOG_MIN_WIDTH = 440;

    private static final Logger LOG = LoggerFactory.getLogger(RunDetailView.class);

    private final RunDetailViewModel viewModel;
    private final DagView dag = new DagView();
    private final TableView<StepRow> steps = new TableView<>();
    private final LogView log;

    public RunDetailView(RunDetailViewModel viewModel, Node back) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.log = new LogView(viewModel.logExecutor());
        getStyleClass().add("run-detail");
        setTop(createHeader(back));
        setCenter(createBody());
        viewModel.setLogSink(log::appendLines, log::clear);
        bindGraph();
        viewModel.load();
    }

    public RunDetailViewModel viewModel() {
        return viewModel;
    }

    public LogView log() {
        return log;
    }

    public void dispose() {
        viewModel.dispose();
        log.dispose();
    }

    private Node createHeader(Node back) {
        Label title = new Label();
        title.setId(TITLE_ID);
        title.getStyleClass().add("title");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            PipelineRun run = viewModel.runProperty().get();
            return run == null ? "Loading run…" : run.name();
        }, viewModel.runProperty()));
        Label status = new Label();
        status.setId(STATUS_ID);
        viewModel.runProperty().addListener((obs, old, run) -> {
            ExecutionStatus now = run == null ? null : run.status();
            status.setText(now == null ? "" : now.raw());
            status.getStyleClass().removeIf(c -> c.startsWith("status-"));
            if (now != null) {
                status.getStyleClass().addAll(StatusCell.PILL_CLASS,
                        DagView.statusStyleClass(now.raw()));
            }
        });
        Label error = new Label();
        error.setId(ERROR_ID);
        error.getStyleClass().add("error");
        error.textProperty().bind(viewModel.errorProperty());

        MenuItem graceful = new MenuItem("Stop gracefully (let running steps finish)");
        graceful.setOnAction(e -> viewModel.stop(true));
        MenuItem immediate = new MenuItem("Stop immediately");
        immediate.setOnAction(e -> viewModel.stop(false));
        MenuButton stop = new MenuButton("Stop", new FontIcon(Feather.STOP_CIRCLE), graceful,
                immediate);
        stop.setId(STOP_ID);
        stop.disableProperty().bind(Bindings.not(viewModel.canStopProperty()));
        Button newSnapshot = new Button("New Snapshot", new FontIcon(Feather.CAMERA));
        newSnapshot.setId(NEW_SNAPSHOT_ID);
        newSnapshot.setOnAction(e -> viewModel.newSnapshot());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, back, title, status, error, spacer, newSnapshot, stop);
        // A long run name is what gives way; its whole text is in the tooltip.
        Widths.keepWhole(status, newSnapshot, stop);
        if (back instanceof Region) {
            Widths.keepWhole((Region) back);
        }
        title.setTooltip(new Tooltip());
        title.getTooltip().textProperty().bind(title.textProperty());
        // Generated run names differ at their end (the time): a cut one keeps both ends.
        title.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        header.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.setId(SUMMARY_ID);
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.setTooltip(new Tooltip());
        summary.getTooltip().textProperty().bind(summary.textProperty());
        // Its end says how the run went in time ("queued for 12 s", "never started"): it wraps
        // onto a second line rather than lose that.
        summary.setWrapText(true);
        VBox heading = new VBox(4, header, summary);
        heading.getStyleClass().add("header");
        return heading;
    }

    private Node createBody() {
        dag.setId(DAG_ID);
        steps.setId(STEPS_ID);
        steps.setItems(viewModel.getSteps());
        steps.setPlaceholder(new Label("No step has started yet"));
        steps.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        steps.getColumns().add(RunsView.column("Step", 160, StepRow::name));
        TableColumn<StepRow, ExecutionStatus> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        status.setCellFactory(c -> new StatusCell<>());
        status.setMinWidth(StatusCell.MIN_WIDTH);
        steps.getColumns().add(status);
        steps.getColumns().add(RunsView.column("Duration", 90,
                row -> Formats.duration(row.duration())));
        steps.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectedStepProperty().set(now);
            }
        });
        viewModel.selectedStepProperty().addListener((obs, old, now) -> {
            if (now != null && steps.getSelectionModel().getSelectedItem() != now) {
                steps.getSelectionModel().select(now);
            }
            dag.selectedNodeIdProperty().set(now == null ? null : now.name());
        });
        dag.selectedNodeIdProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectStep(now);
            }
        });

        SplitPane left = new SplitPane(dag, steps);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.5);

        log.setId(LOG_ID);
        TextArea config = new TextArea();
        config.setId(CONFIG_ID);
        config.setEditable(false);
        config.getStyleClass().add("configuration");
        config.textProperty().bind(viewModel.configurationProperty());
        TabPane tabs = new TabPane(new Tab("Log", log), new Tab("Configuration", config));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // The log's toolbar needs this much; in a small window the DAG side gives way (it scrolls).
        tabs.setMinWidth(LOG_MIN_WIDTH);

        SplitPane body = new SplitPane(left, tabs);
        body.setDividerPositions(0.5);
        return body;
    }

    private void bindGraph() {
        viewModel.graphProperty().addListener((obs, old, now) -> redraw());
        redraw();
    }

    private void redraw() {
        try {
            RunDetailViewModel.Graph graph = viewModel.graphProperty().get();
            dag.setGraph(graph.nodes(), graph.edges());
        } catch (IllegalArgumentException e) {
            LOG.warn("Cannot draw the run's DAG", e);
        }
    }
}
