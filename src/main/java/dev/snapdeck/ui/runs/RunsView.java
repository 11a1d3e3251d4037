package dev.snapdeck.ui.runs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import javafx.util.StringConverter;

import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.api.Pipeline;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.Snapshot;
import dev.snapdeck.ui.controls.Widths;
import dev.snapdeck.ui.paging.PagerBar;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Runs screen: filters, the table of one page, paging; a run's detail replaces the table
 * until "Back to runs". The table's live updates pause while the detail covers it, and both pause
 * while the screen is hidden.
 */
public final class RunsView extends StackPane {

    /** The style class of a column of run names: cut in the middle, where they are alike. */
    public static final String RUN_NAME_STYLE = "run-name";
    public static final String TABLE_ID = "runsTable";
    public static final String STATUS_FILTER_ID = "runsStatusFilter";
    public static final String PIPELINE_FILTER_ID = "runsPipelineFilter";
    public static final String SNAPSHOT_FILTER_ID = "runsSnapshotFilter";
    public static final String PAGE_TEXT_ID = "runsPageText";
    public static final String NEXT_ID = "runsNextPage";
    public static final String PREVIOUS_ID = "runsPreviousPage";
    public static final String ERROR_ID = "runsError";
    public static final String BACK_ID = "runsBack";
    static final String STYLE_CLASS = "runs-view";

    private final RunsViewModel viewModel;
    private final BorderPane list = new BorderPane();
    private final TableView<PipelineRun> table = new TableView<>();
    private RunDetailView detail;

    public RunsView(RunsViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(RunsView.class.getResource("RunsView.css").toExternalForm());
        list.setTop(createFilters());
        list.setCenter(createTable());
        list.setBottom(new PagerBar(viewModel.pager(), "runs", viewModel.errorProperty(), null, null));
        getChildren().add(list);
        tickWhileLive();
        viewModel.refreshAll();
    }

    /**
     * A run in progress has a duration that grows between two fetches of the page: while the
     * page is live, its cells are redrawn once a second, so "Duration" counts up as the run
     * detail's does.
     */
    private void tickWhileLive() {
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> table.refresh()));
        tick.setCycleCount(Animation.INDEFINITE);
        viewModel.liveProperty().addListener((obs, was, live) -> {
            if (live) {
                tick.play();
            } else {
                tick.stop();
            }
        });
    }

    public TableView<PipelineRun> table() {
        return table;
    }

    /** Shows a run's detail in place of the table; the previous detail is closed. */
    public void showDetail(RunDetailViewModel detailModel) {
        closeDetail();
        viewModel.pauseLiveUpdates();
        Button back = new Button("Back to runs", new FontIcon(Feather.ARROW_LEFT));
        back.setId(BACK_ID);
        back.setOnAction(e -> showList());
        detail = new RunDetailView(detailModel, back);
        getChildren().setAll(detail);
    }

    /** Closes the detail, if one is shown, and shows the refreshed table. */
    public void showList() {
        closeDetail();
        getChildren().setAll(list);
        viewModel.refresh();
        viewModel.resumeLiveUpdates();
    }

    /**
     * The screen is hidden: the table stops fetching its page again, and a run's detail shown here
     * stops following its run and its step's log.
     */
    public void pauseLiveUpdates() {
        viewModel.pauseLiveUpdates();
        if (detail != null) {
            detail.viewModel().pause();
        }
    }

    /** The screen is shown again: the detail shown, else the table, is fetched at once. */
    public void resumeLiveUpdates() {
        if (detail == null) {
            viewModel.resumeLiveUpdates();
        } else {
            detail.viewModel().resume();
        }
    }

    public RunDetailView detail() {
        return detail;
    }

    /** F5: the detail if one is shown, else the table. */
    public void refresh() {
        if (detail != null) {
            detail.viewModel().load();
        } else {
            viewModel.refreshAll();
        }
    }

    private void closeDetail() {
        if (detail != null) {
            detail.dispose();
            detail = null;
        }
    }

    private Node createFilters() {
        TextField search = new TextField();
        search.setId("searchField");
        search.setPromptText("Search by name (Enter)");
        search.textProperty().bindBidirectional(viewModel.searchProperty());
        search.setOnAction(e -> viewModel.refresh());
        HBox.setHgrow(search, Priority.ALWAYS);

        ComboBox<ExecutionStatus> status = choice(STATUS_FILTER_ID, "Any status",
                FXCollections.observableArrayList(RunsViewModel.STATUSES),
                ExecutionStatus::raw);
        status.valueProperty().bindBidirectional(viewModel.statusFilterProperty());
        ComboBox<Pipeline> pipeline = choice(PIPELINE_FILTER_ID, "Any pipeline",
                viewModel.getPipelines(), Pipeline::name);
        pipeline.valueProperty().bindBidirectional(viewModel.pipelineFilterProperty());
        ComboBox<Snapshot> snapshot = choice(SNAPSHOT_FILTER_ID, "Any snapshot",
                viewModel.getSnapshots(), Snapshot::name);
        snapshot.valueProperty().bindBidirectional(viewModel.snapshotFilterProperty());

        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setOnAction(e -> viewModel.refreshAll());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.busyProperty());
        Label live = new Label("live", new FontIcon(Feather.RADIO));
        live.getStyleClass().add("live");
        live.visibleProperty().bind(viewModel.liveProperty());

        HBox bar = new HBox(8, search, status, pipeline, snapshot, refresh, busy, live);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("filters");
        return bar;
    }

    /** A filter: the first item (null) means "any". */
    private static <T> ComboBox<T> choice(String id, String any, ObservableList<T> items,
            Function<T, String> name) {
        ObservableList<T> withAny = FXCollections.observableArrayList();
        withAny.add(null);
        withAny.addAll(items);
        ComboBox<T> box = new ComboBox<>(withAny);
        // New choices must not change the filter: a combo box keeps the selected index, so the
        // value is put back by hand.
        items.addListener((javafx.collections.ListChangeListener<T>) change -> {
            T chosen = box.getValue();
            List<T> all = new ArrayList<>();
            all.add(null);
            all.addAll(items);
            withAny.setAll(all);
            box.setValue(chosen);
        });
        box.setId(id);
        box.setPromptText(any);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? any : name.apply(item);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        });
        return box;
    }

    private Node createTable() {
        table.setId(TABLE_ID);
        table.setItems(viewModel.getRuns());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No runs match"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // Minimum widths keep each header whole, and a date and "provisioning", in Primer's font;
        // run names and pipelines keep enough to tell them apart.
        TableColumn<PipelineRun, String> name = column("Run", 240, 120, PipelineRun::name);
        // Generated run names differ at their end (pipeline-date-time), so a cut name keeps both
        // ends: "training_pipe…22_14_48_442211".
        name.getStyleClass().add(RUN_NAME_STYLE);
        table.getColumns().add(name);
        TableColumn<PipelineRun, ExecutionStatus> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        status.setCellFactory(c -> new StatusCell<>());
        status.setPrefWidth(StatusCell.MIN_WIDTH);
        status.setMinWidth(StatusCell.MIN_WIDTH);
        table.getColumns().add(status);
        table.getColumns().add(column("Pipeline", 150, 110, run -> Formats.name(run.pipeline())));
        TableColumn<PipelineRun, String> snapshot = column("Snapshot", 140, 92,
                Formats::snapshotName);
        table.getColumns().add(snapshot);
        table.getColumns().add(column("Created", 165, 165, run -> Formats.when(run.created())));
        TableColumn<PipelineRun, String> duration = column("Duration", 90, 86,
                run -> Formats.duration(RunDetailViewModel.runDuration(run, Instant.now())));
        table.getColumns().add(duration);
        TableColumn<PipelineRun, String> user = column("User", 100, 60, run -> Formats.name(run.user()));
        table.getColumns().add(user);
        // In a window narrower than 1024 px, or beside a wide sidebar, these give way, the least
        // important first; a run's detail says all three in its summary line.
        Widths.giveWay(table, List.of(user, snapshot, duration));
        // The server sorts (newest first); sorting one page locally would mislead.
        table.getColumns().forEach(c -> c.setSortable(false));

        table.setRowFactory(view -> {
            TableRow<PipelineRun> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.open(table.getSelectionModel().getSelectedItem());
            }
        });
        return table;
    }

    static <S> TableColumn<S, String> column(String title, double width, Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> constant(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** A column that never gets narrower than {@code minWidth}. */
    private static TableColumn<PipelineRun, String> column(String title, double width,
            double minWidth, Function<PipelineRun, String> value) {
        TableColumn<PipelineRun, String> column = column(title, width, value);
        column.setMinWidth(minWidth);
        return column;
    }

    private static ObservableValue<String> constant(String text) {
        return new ReadOnlyObjectWrapper<>(text == null ? "" : text);
    }

}
