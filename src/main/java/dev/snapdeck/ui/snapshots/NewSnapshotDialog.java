package dev.snapdeck.ui.snapshots;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Callback;

import dev.snapdeck.api.Pipeline;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.Snapshot;
import dev.snapdeck.ui.controls.Widths;

/**
 * The New Snapshot dialog over {@link NewSnapshotViewModel}. Its result is the snapshot made,
 * or null when cancelled: {@code new NewSnapshotDialog(viewModel).showAndWait()}.
 */
public final class NewSnapshotDialog extends Dialog<Snapshot> {

    public static final String NAME_ID = "newSnapshotName";
    public static final String DESCRIPTION_ID = "newSnapshotDescription";
    public static final String TAGS_ID = "newSnapshotTags";
    public static final String PIPELINE_ID = "newSnapshotPipeline";
    public static final String RUN_ID = "newSnapshotRun";
    public static final String ERROR_ID = "newSnapshotError";
    public static final String CREATE_ID = "createSnapshotButton";
    public static final String FROM_RUN_ID = "newSnapshotFromRun";
    public static final String FROM_FOLDER_ID = "newSnapshotFromFolder";
    public static final String FOLDER_ID = "newSnapshotFolder";
    public static final ButtonType CREATE = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);

    private final NewSnapshotViewModel viewModel;

    public NewSnapshotDialog(NewSnapshotViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        setTitle("New Snapshot");
        headerTextProperty().bind(Bindings.createStringBinding(() -> viewModel.fromGivenRun()
                ? "Name the snapshot of this run"
                : viewModel.sourceProperty().get() == NewSnapshotViewModel.Source.FOLDER
                        ? "Choose a pipeline folder, then name its snapshot"
                        : "Choose a pipeline and one of its runs, then name its snapshot",
                viewModel.sourceProperty()));
        getDialogPane().getStyleClass().add("new-snapshot-dialog");
        getDialogPane().getStylesheets().add(NewSnapshotDialog.class
                .getResource("SnapshotsView.css").toExternalForm());
        getDialogPane().getButtonTypes().addAll(CREATE, ButtonType.CANCEL);
        getDialogPane().setContent(createContent());

        Button create = (Button) getDialogPane().lookupButton(CREATE);
        create.setId(CREATE_ID);
        create.disableProperty().bind(Bindings.not(viewModel.canCreateProperty()));
        // Create only asks; the dialog closes when the snapshot exists (or stays, with the error).
        create.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            viewModel.create();
        });
        viewModel.createdProperty().addListener((obs, old, now) -> {
            if (now != null) {
                setResult(now);
                close();
            }
        });
        setResultConverter(button -> button == CREATE ? viewModel.createdProperty().get() : null);
        viewModel.start();
    }

    private Node createContent() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.getColumnConstraints().setAll(Widths.formColumns(2));
        grid.setVgap(8);
        int row = 0;
        if (viewModel.fromGivenRun()) {
            Label source = new Label();
            source.textProperty().bind(Bindings.createStringBinding(() ->
                    describe(viewModel.runProperty().get()), viewModel.runProperty()));
            grid.addRow(row++, new Label("Run"), source);
        } else {
            if (viewModel.offersFolders()) {
                grid.addRow(row++, new Label("From"), sourceChooser());
            }
            row = addWhenSource(grid, row, NewSnapshotViewModel.Source.RUN,
                    new Label("Pipeline"), pipelineChooser());
            row = addWhenSource(grid, row, NewSnapshotViewModel.Source.RUN,
                    new Label("Run"), runChooser());
            if (viewModel.offersFolders()) {
                row = addWhenSource(grid, row, NewSnapshotViewModel.Source.FOLDER,
                        new Label("Folder"), folderField());
                row = addWhenSource(grid, row, NewSnapshotViewModel.Source.FOLDER,
                        new Label("Configuration"), configChooser());
            }
        }

        TextField name = new TextField();
        name.setId(NAME_ID);
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        Label nameProblem = new Label();
        nameProblem.getStyleClass().add("hint");
        nameProblem.textProperty().bind(viewModel.nameProblemProperty());
        grid.addRow(row++, new Label("Name"), new VBox(2, name, nameProblem));

        TextArea description = new TextArea();
        description.setId(DESCRIPTION_ID);
        description.setPrefRowCount(3);
        description.setWrapText(true);
        description.textProperty().bindBidirectional(viewModel.descriptionProperty());
        grid.addRow(row++, new Label("Description"), description);

        TextField tags = new TextField();
        tags.setId(TAGS_ID);
        tags.setPromptText("comma, separated");
        tags.textProperty().bindBidirectional(viewModel.tagsProperty());
        grid.addRow(row++, new Label("Tags"), tags);

        Label error = new Label();
        error.setId(ERROR_ID);
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorProperty());
        grid.add(error, 0, row, 2, 1);
        GridPane.setHgrow(name, Priority.ALWAYS);
        grid.setPrefWidth(520);
        return grid;
    }

    private int addWhenSource(GridPane grid, int row, NewSnapshotViewModel.Source shownFor,
            Label label, Node field) {
        for (Node node : List.of(label, field)) {
            node.visibleProperty().bind(viewModel.sourceProperty().isEqualTo(shownFor));
            node.managedProperty().bind(node.visibleProperty());
        }
        grid.addRow(row, label, field);
        return row + 1;
    }

    private Node sourceChooser() {
        ToggleGroup group = new ToggleGroup();
        RadioButton fromRun = new RadioButton("a run");
        fromRun.setId(FROM_RUN_ID);
        fromRun.setUserData(NewSnapshotViewModel.Source.RUN);
        RadioButton fromFolder = new RadioButton("a pipeline folder on the local server");
        fromFolder.setId(FROM_FOLDER_ID);
        fromFolder.setUserData(NewSnapshotViewModel.Source.FOLDER);
        group.getToggles().addAll(fromRun, fromFolder);
        group.selectToggle(viewModel.sourceProperty().get() == NewSnapshotViewModel.Source.RUN
                ? fromRun : fromFolder);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.sourceProperty().set((NewSnapshotViewModel.Source) now.getUserData());
            }
        });
        return new HBox(12, fromRun, fromFolder);
    }

    private Node folderField() {
        TextField folder = new TextField();
        folder.setId(FOLDER_ID);
        folder.setPromptText("training_pipeline");
        folder.textProperty().bindBidirectional(viewModel.folderProperty());
        return folder;
    }

    private Node configChooser() {
        Label file = new Label();
        file.getStyleClass().add("hint");
        file.textProperty().bind(Bindings.createStringBinding(() ->
                viewModel.configFileProperty().get() == null ? "none: the folder's defaults"
                        : viewModel.configFileProperty().get().getFileName().toString(),
                viewModel.configFileProperty()));
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> viewModel.chooseConfigFile());
        Button clear = new Button("Clear");
        clear.disableProperty().bind(viewModel.configFileProperty().isNull());
        clear.setOnAction(e -> viewModel.configFileProperty().set(null));
        HBox box = new HBox(8, file, choose, clear);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node pipelineChooser() {
        ComboBox<Pipeline> box = new ComboBox<>(viewModel.getPipelines());
        box.setId(PIPELINE_ID);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPromptText("Choose a pipeline");
        box.valueProperty().bindBidirectional(viewModel.pipelineProperty());
        Callback<ListView<Pipeline>, ListCell<Pipeline>> cells =
                list -> new TextCell<>(p -> p.name());
        box.setCellFactory(cells);
        box.setButtonCell(cells.call(null));
        return box;
    }

    private Node runChooser() {
        ComboBox<PipelineRun> box = new ComboBox<>(viewModel.getRuns());
        box.setId(RUN_ID);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPromptText("Choose a run");
        box.valueProperty().bindBidirectional(viewModel.runProperty());
        Callback<ListView<PipelineRun>, ListCell<PipelineRun>> cells =
                list -> new TextCell<>(NewSnapshotDialog::describe);
        box.setCellFactory(cells);
        box.setButtonCell(cells.call(null));
        return box;
    }

    private static String describe(PipelineRun run) {
        if (run == null) {
            return "";
        }
        String when = run.created() == null ? "" : "  " + DateTimeFormatter.ISO_LOCAL_DATE
                .withZone(ZoneId.systemDefault()).format(run.created());
        return run.name() + "  (" + (run.status() == null ? "?" : run.status().raw()) + ")"
                + when;
    }

    private static final class TextCell<T> extends ListCell<T> {

        private final Function<T, String> text;

        TextCell(Function<T, String> text) {
            this.text = text;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text.apply(item));
        }
    }
}
