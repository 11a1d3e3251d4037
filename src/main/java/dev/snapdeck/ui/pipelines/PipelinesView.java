package dev.snapdeck.ui.pipelines;

import java.util.Objects;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.Snapshot;
import dev.snapdeck.ui.pipelines.PipelinesViewModel.Sort;
import dev.snapdeck.ui.runs.Formats;
import dev.snapdeck.ui.runs.RunsView;
import dev.snapdeck.ui.runs.StatusCell;
import dev.snapdeck.ui.paging.PagerBar;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Pipelines screen: search, the sortable paged table, and the selected pipeline's detail. */
public final class PipelinesView extends BorderPane {

    public static final String TABLE_ID = "pipelinesTable";
    public static final String RUNS_ID = "pipelineRuns";
    public static final String SNAPSHOTS_ID = "pipelineSnapshots";
    public static final String PAGE_TEXT_ID = "pipelinesPageText";
    public static final String ERROR_ID = "pipelinesError";
    public static final String DETAIL_TITLE_ID = "pipelineTitle";

    private final PipelinesViewModel viewModel;
    private final TableView<PipelineRow> table = new TableView<>();
    private TableColumn<PipelineRow, String> nameColumn;
    private TableColumn<PipelineRow, String> updatedColumn;

    public PipelinesView(PipelinesViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        getStyleClass().add("pipelines-view");
        getStylesheets().add(RunsView.class.getResource("RunsView.css").toExternalForm());
        setTop(createSearch());
        SplitPane split = new SplitPane(createTable(), createDetail());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setCenter(split);
        setBottom(new PagerBar(viewModel.pager(), "pipelines", viewModel.errorProperty(), null, null));
        viewModel.refresh();
    }

    public TableView<PipelineRow> table() {
        return table;
    }

    private Node createSearch() {
        TextField search = new TextField();
        search.setId("searchField");
        search.setPromptText("Search pipelines by name (Enter)");
        search.textProperty().bindBidirectional(viewModel.searchProperty());
        search.setOnAction(e -> viewModel.refresh());
        HBox.setHgrow(search, Priority.ALWAYS);
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setOnAction(e -> viewModel.refresh());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.busyProperty());
        HBox bar = new HBox(8, search, refresh, busy);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("filters");
        return bar;
    }

    private Node createTable() {
        table.setId(TABLE_ID);
        table.setItems(viewModel.getPipelines());
        table.setPlaceholder(new Label("No pipelines match"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        nameColumn = column("Pipeline", 240, PipelineRow::name);
        TableColumn<PipelineRow, ExecutionStatus> status = new TableColumn<>("Latest status");
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().latestStatus()));
        status.setCellFactory(c -> new StatusCell<>());
        status.setSortable(false);
        status.setMinWidth(StatusCell.MIN_WIDTH);
        TableColumn<PipelineRow, String> latest = column("Latest run", 240,
                PipelineRow::latestRunName);
        TableColumn<PipelineRow, String> count = column("Runs", 70,
                row -> Integer.toString(row.runCount()));
        updatedColumn = column("Last updated", 160, row -> Formats.when(row.lastUpdated()));
        latest.setSortable(false);
        latest.getStyleClass().add(RunsView.RUN_NAME_STYLE);
        count.setSortable(false);
        table.getColumns().addAll(java.util.List.of(nameColumn, latest, status, count,
                updatedColumn));

        // Sorting is the server's: a click on Pipeline or Last updated asks for a new page.
        table.setSortPolicy(view -> {
            sortOnServer();
            return true;
        });
        table.getSelectionModel().selectedItemProperty().addListener(
                (obs, old, now) -> viewModel.selectedProperty().set(now));
        return table;
    }

    private void sortOnServer() {
        if (table.getSortOrder().isEmpty()) {
            return;
        }
        TableColumn<PipelineRow, ?> first = table.getSortOrder().get(0);
        boolean ascending = first.getSortType() == TableColumn.SortType.ASCENDING;
        if (first == nameColumn) {
            viewModel.sortProperty().set(ascending ? Sort.NAME : Sort.NAME_DESCENDING);
        } else if (first == updatedColumn) {
            viewModel.sortProperty().set(ascending ? Sort.UPDATED_OLDEST : Sort.UPDATED);
        }
    }

    /** A detail list's empty text: what is missing once a pipeline is selected, else what to do. */
    private Label placeholder(String empty, String nothingSelected) {
        Label label = new Label();
        label.textProperty().bind(Bindings.when(viewModel.selectedProperty().isNull())
                .then(nothingSelected).otherwise(empty));
        return label;
    }

    private Node createDetail() {
        Label title = new Label();
        title.setId(DETAIL_TITLE_ID);
        title.getStyleClass().add("title");
        title.textProperty().bind(Bindings.createStringBinding(() ->
                viewModel.selectedProperty().get() == null ? "Select a pipeline"
                        : viewModel.selectedProperty().get().name(), viewModel.selectedProperty()));

        TableView<PipelineRun> runs = new TableView<>(viewModel.getRuns());
        runs.setId(RUNS_ID);
        runs.setPlaceholder(placeholder("No runs of this pipeline yet",
                "Select a pipeline to see its runs"));
        runs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<PipelineRun, String> runName = column("Run", 220, PipelineRun::name);
        runName.getStyleClass().add(RunsView.RUN_NAME_STYLE);
        runs.getColumns().add(runName);
        runs.getColumns().add(column("Status", 90, run -> run.status() == null ? ""
                : run.status().raw()));
        runs.getColumns().add(column("Created", 150, run -> Formats.when(run.created())));
        runs.setRowFactory(view -> doubleClick(viewModel::openRun));

        TableView<Snapshot> snapshots = new TableView<>(viewModel.getSnapshots());
        snapshots.setId(SNAPSHOTS_ID);
        snapshots.setPlaceholder(placeholder("No snapshots of this pipeline yet",
                "Select a pipeline to see its snapshots"));
        snapshots.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        snapshots.getColumns().add(column("Snapshot", 220, Snapshot::name));
        snapshots.getColumns().add(column("Created", 150, s -> Formats.when(s.created())));
        snapshots.setRowFactory(view -> doubleClick(viewModel::runSnapshot));

        VBox runsBox = new VBox(4, new Label("Runs (double-click to open)"), runs);
        VBox snapshotsBox = new VBox(4, new Label("Snapshots (double-click to run)"), snapshots);
        VBox.setVgrow(runs, Priority.ALWAYS);
        VBox.setVgrow(snapshots, Priority.ALWAYS);
        SplitPane lists = new SplitPane(runsBox, snapshotsBox);
        VBox detail = new VBox(6, title, lists);
        VBox.setVgrow(lists, Priority.ALWAYS);
        detail.getStyleClass().add("filters");
        return detail;
    }

    private static <T> TableRow<T> doubleClick(java.util.function.Consumer<T> action) {
        TableRow<T> row = new TableRow<>();
        row.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && !row.isEmpty()) {
                action.accept(row.getItem());
            }
        });
        return row;
    }

    private static <S> TableColumn<S, String> column(String title, double width,
            Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                Objects.requireNonNullElse(value.apply(c.getValue()), "")));
        column.setPrefWidth(width);
        return column;
    }

}
