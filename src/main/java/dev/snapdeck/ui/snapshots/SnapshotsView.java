package dev.snapdeck.ui.snapshots;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import dev.snapdeck.api.Snapshot;
import dev.snapdeck.ui.controls.Widths;
import dev.snapdeck.ui.paging.PagerBar;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Snapshots screen: search, the table, and a detail pane that edits name, description and
 * tags. Double-click or Enter on a row opens Run Snapshot.
 */
public final class SnapshotsView extends BorderPane {

    public static final String SEARCH_FIELD_ID = "searchField";
    public static final String TABLE_ID = "snapshotsTable";
    public static final String RUN_BUTTON_ID = "runSnapshotButton";
    public static final String NEW_BUTTON_ID = "newSnapshotButton";
    public static final String DELETE_BUTTON_ID = "deleteSnapshotsButton";
    public static final String REFRESH_BUTTON_ID = "refreshSnapshotsButton";
    public static final String SAVE_BUTTON_ID = "saveSnapshotButton";
    public static final String NAME_FIELD_ID = "snapshotName";
    public static final String DESCRIPTION_FIELD_ID = "snapshotDescription";
    public static final String TAGS_FIELD_ID = "snapshotTags";
    public static final String DETAIL_WARNING_ID = "snapshotVersionWarning";
    public static final String PAGE_TEXT_ID = "snapshotsPageText";
    public static final String NEXT_ID = "snapshotsNextPage";
    public static final String PREVIOUS_ID = "snapshotsPreviousPage";
    /** How long typing in the search field pauses before the server is asked. */
    static final Duration SEARCH_PAUSE = Duration.millis(300);
    static final String STYLE_CLASS = "snapshots-view";
    static final String OTHER_VERSION_CLASS = "other-version";

    private final SnapshotsViewModel viewModel;
    private final TableView<SnapshotRow> table = new TableView<>();
    private final PauseTransition searchPause = new PauseTransition(SEARCH_PAUSE);
    private boolean syncingSelection;

    public SnapshotsView(SnapshotsViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(SnapshotsView.class.getResource("SnapshotsView.css")
                .toExternalForm());

        setTop(createToolbar());
        BorderPane list = new BorderPane(createTable());
        list.setBottom(new PagerBar(viewModel.pager(), "snapshots", null, "Newer snapshots", "Older snapshots"));
        SplitPane split = new SplitPane(list, createDetail());
        split.setDividerPositions(0.74);
        SplitPane.setResizableWithParent(split.getItems().get(1), false);
        setCenter(split);
        viewModel.refresh();
    }

    private Node createToolbar() {
        TextField search = new TextField();
        search.setId(SEARCH_FIELD_ID);
        search.setPromptText("Search snapshots (Ctrl+F)");
        search.setPrefColumnCount(24);
        search.textProperty().bindBidirectional(viewModel.searchProperty());
        searchPause.setOnFinished(e -> viewModel.refresh());
        search.textProperty().addListener((obs, old, now) -> searchPause.playFromStart());
        search.setOnAction(e -> {
            searchPause.stop();
            viewModel.refresh();
        });

        Button run = new Button("Run…", new FontIcon(Feather.PLAY));
        run.setId(RUN_BUTTON_ID);
        run.getStyleClass().add("accent");
        run.disableProperty().bind(Bindings.not(viewModel.canRunProperty()));
        run.setOnAction(e -> viewModel.runSelected());
        Button create = new Button("New Snapshot…", new FontIcon(Feather.PLUS));
        create.setId(NEW_BUTTON_ID);
        create.setOnAction(e -> viewModel.newSnapshot());
        Button delete = new Button("Delete", new FontIcon(Feather.TRASH_2));
        delete.setId(DELETE_BUTTON_ID);
        delete.getStyleClass().add("danger");
        delete.disableProperty().bind(Bindings.not(viewModel.canDeleteProperty()));
        delete.setOnAction(e -> viewModel.deleteSelected());
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId(REFRESH_BUTTON_ID);
        refresh.setTooltip(new Tooltip("Refresh (F5)"));
        refresh.setOnAction(e -> viewModel.refresh());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.busyProperty());
        Label error = new Label();
        error.getStyleClass().add("error");
        error.textProperty().bind(viewModel.errorProperty());

        Label title = new Label("Snapshots");
        title.getStyleClass().add("title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, search, busy, error, spacer, run, create, delete, refresh);
        Widths.keepWhole(title, run, create, delete, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("toolbar");
        return bar;
    }

    private Node createTable() {
        table.setId(TABLE_ID);
        table.setItems(viewModel.getSnapshots());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No snapshots yet. Make one from a run with "
                + "New Snapshot…"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        // Minimum widths keep each header whole, and a date and "provisioning", in Primer's font;
        // names and pipelines keep enough to tell them apart.
        TableColumn<SnapshotRow, String> name = column("Name", SnapshotRow::name, 180, 120);
        name.setCellFactory(column -> new NameCell());
        TableColumn<SnapshotRow, String> stack = column("Stack", SnapshotRow::stack, 80, 64);
        TableColumn<SnapshotRow, String> runnable = column("Runnable", SnapshotRow::runnable,
                95, 92);
        TableColumn<SnapshotRow, String> createdBy = column("By", SnapshotRow::createdBy, 80, 60);
        table.getColumns().add(name);
        table.getColumns().add(column("Pipeline", SnapshotRow::pipeline, 170, 125));
        table.getColumns().add(stack);
        table.getColumns().add(runnable);
        table.getColumns().add(column("Latest run", SnapshotRow::latestRun, 110, 100));
        table.getColumns().add(column("Created", SnapshotRow::created, 150, 150));
        table.getColumns().add(createdBy);
        // In a small window these give way; the detail pane's facts still say them.
        Widths.giveWay(table, List.of(stack, createdBy, runnable));
        table.setRowFactory(view -> new SnapshotTableRow());

        table.getSelectionModel().getSelectedItems().addListener(
                (ListChangeListener<SnapshotRow>) c -> pushSelection());
        viewModel.getSelection().addListener((ListChangeListener<SnapshotRow>) c ->
                pullSelection());
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.runSelected();
            } else if (e.getCode() == KeyCode.DELETE) {
                viewModel.deleteSelected();
            }
        });
        return table;
    }

    private void pushSelection() {
        if (!syncingSelection) {
            syncingSelection = true;
            boolean taken = viewModel.select(List.copyOf(
                    table.getSelectionModel().getSelectedItems()));
            syncingSelection = false;
            if (!taken) {
                // The user kept the row with unsaved edits; the table may not change its
                // selection while it reports a change, so it goes back just after.
                Platform.runLater(this::pullSelection);
            }
        }
    }

    private void pullSelection() {
        if (syncingSelection) {
            return;
        }
        syncingSelection = true;
        table.getSelectionModel().clearSelection();
        viewModel.getSelection().forEach(row -> table.getSelectionModel().select(row));
        syncingSelection = false;
    }

    private static TableColumn<SnapshotRow, String> column(String title,
            Function<SnapshotRow, String> value, double width, double minWidth) {
        TableColumn<SnapshotRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(
                cell.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(minWidth);
        // The server orders the pages (newest first); sorting one page here would mislead.
        column.setSortable(false);
        return column;
    }

    private Node createDetail() {
        Label heading = new Label("Details");
        heading.getStyleClass().add("title");
        Label warning = new Label();
        warning.setId(DETAIL_WARNING_ID);
        warning.getStyleClass().add("version-warning");
        warning.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        warning.setWrapText(true);
        warning.textProperty().bind(Bindings.createStringBinding(() ->
                viewModel.selectedProperty().get() == null ? ""
                        : viewModel.selectedProperty().get().versionWarning(),
                viewModel.selectedProperty()));
        warning.visibleProperty().bind(warning.textProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());

        TextField name = new TextField();
        name.setId(NAME_FIELD_ID);
        name.textProperty().bindBidirectional(viewModel.editNameProperty());
        TextArea description = new TextArea();
        description.setId(DESCRIPTION_FIELD_ID);
        description.setPrefRowCount(3);
        description.setWrapText(true);
        description.textProperty().bindBidirectional(viewModel.editDescriptionProperty());
        TextField tags = new TextField();
        tags.setId(TAGS_FIELD_ID);
        tags.setPromptText("comma, separated");
        tags.textProperty().bindBidirectional(viewModel.editTagsProperty());
        Button save = new Button("Save", new FontIcon(Feather.CHECK));
        save.setId(SAVE_BUTTON_ID);
        save.disableProperty().bind(Bindings.not(viewModel.canSaveProperty()));
        save.setOnAction(e -> viewModel.saveDetails());

        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(6);
        fields.addRow(0, fieldLabel("Name"), name);
        fields.addRow(1, fieldLabel("Description"), description);
        fields.addRow(2, fieldLabel("Tags"), tags);
        GridPane.setHgrow(name, Priority.ALWAYS);

        Label facts = new Label();
        facts.getStyleClass().add("facts");
        facts.setWrapText(true);
        facts.textProperty().bind(Bindings.createStringBinding(() ->
                facts(viewModel.detailProperty().get()), viewModel.detailProperty()));

        VBox detail = new VBox(8, heading, warning, fields, save, facts);
        detail.getStyleClass().add("detail");
        detail.setPadding(new Insets(10));
        detail.disableProperty().bind(viewModel.selectedProperty().isNull());
        detail.setMinWidth(300);
        return detail;
    }

    private static Label fieldLabel(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static String facts(Snapshot snapshot) {
        if (snapshot == null) {
            return "Select a snapshot to see it here.";
        }
        StringBuilder text = new StringBuilder();
        text.append("Id: ").append(snapshot.id()).append('\n');
        if (snapshot.pipeline() != null) {
            text.append("Pipeline: ").append(snapshot.pipeline().name()).append('\n');
        }
        if (snapshot.stack() != null) {
            text.append("Stack: ").append(snapshot.stack().name()).append('\n');
        }
        text.append("Runnable: ").append(snapshot.runnable() ? "yes" : "no").append('\n');
        if (snapshot.stepNames() != null && !snapshot.stepNames().isEmpty()) {
            text.append("Steps: ").append(String.join(" → ", snapshot.stepNames())).append('\n');
        }
        text.append("Created: ").append(SnapshotRow.when(snapshot.created()));
        if (snapshot.user() != null) {
            text.append(" by ").append(snapshot.user().name());
        }
        text.append('\n');
        if (snapshot.serverVersion() != null) {
            text.append("Server version: ").append(snapshot.serverVersion()).append('\n');
        }
        text.append("Latest run: ").append(snapshot.latestRunStatus() == null ? "none"
                : snapshot.latestRunStatus().raw());
        return text.toString();
    }

    private final class SnapshotTableRow extends TableRow<SnapshotRow> {

        SnapshotTableRow() {
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2
                        && getItem() != null) {
                    viewModel.runSelected();
                }
            });
        }

        @Override
        protected void updateItem(SnapshotRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().remove(OTHER_VERSION_CLASS);
            if (!empty && row != null && row.hasVersionWarning()) {
                getStyleClass().add(OTHER_VERSION_CLASS);
            }
        }
    }

    private static final class NameCell extends TableCell<SnapshotRow, String> {

        @Override
        protected void updateItem(String name, boolean empty) {
            super.updateItem(name, empty);
            SnapshotRow row = getTableRow() == null ? null : getTableRow().getItem();
            if (empty || name == null || row == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(name);
            if (row.hasVersionWarning()) {
                FontIcon icon = new FontIcon(Feather.ALERT_TRIANGLE);
                icon.getStyleClass().add("warning-icon");
                setGraphic(icon);
                setTooltip(new Tooltip(row.versionWarning()));
            } else {
                setGraphic(null);
                setTooltip(null);
            }
        }
    }
}
