package dev.snapdeck.ui.editor;

import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.snapdeck.api.Snapshot;
import dev.snapdeck.runconfig.ConfigDiff;
import dev.snapdeck.ui.controls.Widths;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Run Snapshot screen: YAML, Form and Changes tabs over one run configuration, with Run
 * (Ctrl+Enter), Load/Save YAML, Reset, quick fixes and Copy as. Holds no logic: everything comes
 * from {@link RunSnapshotViewModel}. Call {@link #dispose()} when it closes.
 */
public final class RunSnapshotView extends BorderPane {

    public static final String RUN_BUTTON_ID = "runButton";
    public static final String RUN_REASON_ID = "runBlockedReason";
    public static final String SUMMARY_ID = "checkSummary";
    public static final String QUICK_FIX_ID = "quickFixButton";
    public static final String TABS_ID = "runSnapshotTabs";
    public static final String FORM_ID = "parameterForm";
    public static final String CHANGES_ID = "changesList";
    public static final String REQUEST_JSON_ID = "requestJson";
    public static final String VERSION_WARNING_ID = "versionWarning";
    public static final String TITLE_ID = "runSnapshotTitle";
    static final String STYLE_CLASS = "run-snapshot-view";
    /** AtlantaFX's pseudo-class for a control holding a bad value. */
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    private final RunSnapshotViewModel viewModel;
    private final YamlEditor editor;
    private final Label title = new Label();
    private final Label versionWarning = new Label();
    private final Button quickFix = new Button("Quick fix", new FontIcon(Feather.TOOL));
    private final MenuItem fixItem = new MenuItem("No quick fix");
    private final MenuItem goToItem = new MenuItem("Go to problem");
    private final GridPane form = new GridPane();
    private boolean updatingForm;

    public RunSnapshotView(RunSnapshotViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.editor = new YamlEditor(viewModel.highlightExecutor());
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(RunSnapshotView.class.getResource("RunSnapshotView.css")
                .toExternalForm());

        setTop(new VBox(createHeader(), createToolbar()));
        setCenter(createCenter());
        bindEditor();
        viewModel.snapshotProperty().addListener((obs, old, now) -> showSnapshot(now));
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        viewModel.load();
    }

    /** The editor, for the shell to focus. */
    public RunSnapshotViewModel viewModel() {
        return viewModel;
    }

    public YamlEditor editor() {
        return editor;
    }

    /** Stops checks and highlighting; call when the window or tab closes. */
    public void dispose() {
        viewModel.dispose();
        editor.dispose();
    }

    private static final KeyCombination RUN_KEYS = new KeyCodeCombination(KeyCode.ENTER,
            KeyCombination.SHORTCUT_DOWN);

    private void onKey(KeyEvent event) {
        if (RUN_KEYS.match(event)) {
            event.consume();
            viewModel.run();
        }
    }

    private Node createHeader() {
        title.setId(TITLE_ID);
        title.getStyleClass().add("title");
        versionWarning.setId(VERSION_WARNING_ID);
        versionWarning.getStyleClass().add("version-warning");
        versionWarning.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        versionWarning.setWrapText(true);
        versionWarning.managedProperty().bind(versionWarning.visibleProperty());
        versionWarning.setVisible(false);
        Label loadError = new Label();
        loadError.getStyleClass().add("load-error");
        loadError.textProperty().bind(viewModel.loadErrorProperty());
        loadError.visibleProperty().bind(viewModel.loadErrorProperty().isNotEmpty());
        loadError.managedProperty().bind(loadError.visibleProperty());
        VBox header = new VBox(title, versionWarning, loadError);
        header.getStyleClass().add("header");
        return header;
    }

    private Node createToolbar() {
        Button run = new Button("Run", new FontIcon(Feather.PLAY));
        run.setId(RUN_BUTTON_ID);
        run.getStyleClass().add("accent");
        run.setDefaultButton(false);
        run.disableProperty().bind(Bindings.not(viewModel.canRunProperty()));
        run.setTooltip(new Tooltip("Run the snapshot with this configuration (Ctrl+Enter)"));
        run.setOnAction(e -> viewModel.run());

        Label reason = new Label();
        reason.setId(RUN_REASON_ID);
        reason.getStyleClass().add("run-reason");
        reason.textProperty().bind(viewModel.runBlockedReasonProperty());
        reason.setWrapText(true);
        reason.setMaxWidth(420);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.runningProperty().or(viewModel.loadingProperty()));
        busy.managedProperty().bind(busy.visibleProperty());

        Button load = button("Load YAML…", Feather.FOLDER, viewModel::loadYaml);
        Button save = button("Save YAML…", Feather.SAVE, viewModel::saveYaml);
        Button reset = button("Reset to template", Feather.ROTATE_CCW, viewModel::resetToTemplate);
        MenuButton copy = new MenuButton("Copy as…", new FontIcon(Feather.COPY));
        copy.setId("copyAs");
        copy.getItems().addAll(copyItem("curl command", RunSnapshotViewModel.CopyFormat.CURL),
                copyItem("CLI command", RunSnapshotViewModel.CopyFormat.CLI),
                copyItem("Java SDK code", RunSnapshotViewModel.CopyFormat.JAVA));

        quickFix.setId(QUICK_FIX_ID);
        // A fix's title quotes YAML (`train_model`): an underscore there is text, not a mnemonic.
        quickFix.setMnemonicParsing(false);
        fixItem.setMnemonicParsing(false);
        quickFix.setDisable(true);
        quickFix.setOnAction(e -> viewModel.applyFix(editor.selectedProblemProperty().get()));

        Label summary = new Label();
        summary.setId(SUMMARY_ID);
        summary.getStyleClass().add("summary");
        summary.textProperty().bind(viewModel.summaryProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, run, busy, reason, spacer, summary, quickFix, load, save, reset,
                copy);
        Widths.keepWhole(run, summary, quickFix, load, save, reset, copy);
        // The reason is the one part that gives way: it wraps onto a second line instead.
        reason.setMinWidth(0);
        HBox.setHgrow(reason, Priority.SOMETIMES);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("toolbar");
        return bar;
    }

    private Button button(String text, Feather icon, Runnable action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setOnAction(e -> action.run());
        return button;
    }

    private MenuItem copyItem(String text, RunSnapshotViewModel.CopyFormat format) {
        MenuItem item = new MenuItem(text);
        item.setId("copyAs" + format.name());
        item.setOnAction(e -> viewModel.copyAs(format));
        return item;
    }

    private Node createCenter() {
        Tab yaml = new Tab("YAML", editor);
        Tab formTab = new Tab("Form", createForm());
        Tab changes = new Tab("Changes", createChanges());
        TabPane tabs = new TabPane(yaml, formTab, changes);
        tabs.setId(TABS_ID);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        StackPane center = new StackPane(tabs);
        center.setPadding(new Insets(0, 8, 8, 8));
        return center;
    }

    // ---- YAML ----------------------------------------------------------------------------

    private void bindEditor() {
        editor.setCompletionProvider(viewModel::completionsAt);
        editor.textProperty().addListener((obs, old, now) -> {
            if (!now.equals(viewModel.textProperty().get())) {
                viewModel.textProperty().set(now);
            }
        });
        viewModel.textProperty().addListener((obs, old, now) -> showText(now));
        showText(viewModel.textProperty().get());
        viewModel.getMarkers().addListener((ListChangeListener<EditorMarker>)
                c -> editor.setMarkers(viewModel.getMarkers()));
        editor.setMarkers(viewModel.getMarkers());

        // A context menu without items never shows (nor fires onShowing), so its two items
        // exist from the start and are brought up to date as it opens.
        ContextMenu menu = new ContextMenu(fixItem, goToItem);
        editor.problemsList().setContextMenu(menu);
        menu.setOnShowing(e -> updateFixMenu());
        editor.selectedProblemProperty().addListener((obs, old, now) -> showFix(now));
        viewModel.upToDateProperty().addListener((obs, old, now) ->
                showFix(editor.selectedProblemProperty().get()));
    }

    private void showText(String now) {
        if (now.equals(editor.getText())) {
            return;
        }
        if (editor.getText().isEmpty()) {
            editor.setText(now);
        } else {
            editor.updateText(now);
        }
    }

    private void showFix(EditorMarker marker) {
        var fix = viewModel.fixFor(marker);
        quickFix.setDisable(fix.isEmpty() || !viewModel.upToDateProperty().get());
        quickFix.setText(fix.map(f -> f.title()).orElse("Quick fix"));
    }

    private void updateFixMenu() {
        EditorMarker marker = editor.selectedProblemProperty().get();
        var fix = viewModel.fixFor(marker);
        fixItem.setText(fix.map(f -> f.title()).orElse("No quick fix"));
        fixItem.setDisable(fix.isEmpty() || !viewModel.upToDateProperty().get());
        fixItem.setOnAction(e -> viewModel.applyFix(marker));
        goToItem.setDisable(marker == null);
        goToItem.setOnAction(e -> editor.goTo(marker));
    }

    private void showSnapshot(Snapshot snapshot) {
        if (snapshot == null) {
            return;
        }
        String pipeline = snapshot.pipeline() == null ? "" : " · " + snapshot.pipeline().name();
        title.setText("Run " + (snapshot.name() == null ? snapshot.id().toString()
                : snapshot.name()) + pipeline);
        versionWarning.setText(viewModel.versionWarning());
        versionWarning.setVisible(!viewModel.versionWarning().isEmpty());
        buildForm();
    }

    // ---- Form ----------------------------------------------------------------------------

    private Node createForm() {
        form.setId(FORM_ID);
        form.getStyleClass().add("parameter-form");
        form.setHgap(12);
        form.setVgap(6);
        form.setPadding(new Insets(12));
        form.getColumnConstraints().setAll(Widths.formColumns(3));
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private void buildForm() {
        form.getChildren().clear();
        int row = 0;
        String section = null;
        if (viewModel.getParameters().isEmpty()) {
            form.add(new Label("This snapshot has no parameters or run settings."), 0, row);
            return;
        }
        for (ParameterField field : viewModel.getParameters()) {
            if (!field.section().equals(section)) {
                section = field.section();
                Label heading = new Label(section);
                heading.getStyleClass().add(field.place() == ParameterField.Place.STEP
                        ? "step-heading" : "section-heading");
                form.add(heading, 0, row++, 3, 1);
            }
            Label name = new Label(field.name());
            name.setTooltip(new Tooltip(field.help()));
            Node control = control(field);
            Label help = new Label(helpLine(field));
            help.getStyleClass().add("help");
            help.setWrapText(true);
            Label problem = new Label();
            problem.setId("problem-" + field.controlId());
            problem.getStyleClass().add("field-problem");
            problem.setWrapText(true);
            problem.textProperty().bind(field.problemProperty());
            problem.visibleProperty().bind(field.problemProperty().isNotEmpty());
            problem.managedProperty().bind(problem.visibleProperty());
            field.problemProperty().addListener((obs, old, now) ->
                    control.pseudoClassStateChanged(DANGER, !now.isEmpty()));
            form.add(name, 0, row);
            form.add(field.place() == ParameterField.Place.RUN ? withUnset(field, control)
                    : withReset(field, control), 1, row);
            form.add(new VBox(2, help, problem), 2, row++);
            GridPane.setHgrow(help, Priority.ALWAYS);
        }
    }

    /**
     * A run setting's control with what takes it out of the YAML again: "Unset" while the YAML
     * writes it, a quiet "not set" (the snapshot's value applies) while it does not.
     */
    private Node withUnset(ParameterField field, Node control) {
        Button unset = new Button("Unset", new FontIcon(Feather.X));
        unset.setId("unset-" + field.controlId());
        unset.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        unset.setTooltip(new Tooltip("Remove " + field.name() + " from the YAML, so the "
                + "snapshot's value applies"));
        unset.setOnAction(e -> viewModel.unsetParameter(field));
        Widths.keepWhole(unset);
        unset.visibleProperty().bind(field.writtenProperty());
        unset.managedProperty().bind(unset.visibleProperty());

        Label notSet = new Label("not set");
        notSet.setId("not-set-" + field.controlId());
        notSet.getStyleClass().add("not-set");
        notSet.setTooltip(new Tooltip("The YAML does not set " + field.name()
                + ": the snapshot's value applies, as shown (left empty or dashed, the server "
                + "decides)"));
        notSet.visibleProperty().bind(field.writtenProperty().not());
        notSet.managedProperty().bind(notSet.visibleProperty());

        HBox box = new HBox(8, control, unset, notSet);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** A parameter's control with "Reset", shown while its value is not the snapshot's. */
    private Node withReset(ParameterField field, Node control) {
        Button reset = new Button("Reset", new FontIcon(Feather.ROTATE_CCW));
        reset.setId("reset-" + field.controlId());
        reset.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        reset.setTooltip(new Tooltip("Back to the snapshot's value of " + field.name()));
        reset.setOnAction(e -> viewModel.resetParameter(field));
        Widths.keepWhole(reset);
        reset.visibleProperty().bind(field.changedProperty());

        HBox box = new HBox(8, control, reset);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static String helpLine(ParameterField field) {
        String description = field.spec().description();
        String defaults = field.defaultText().isEmpty() ? "" : "default " + field.defaultText();
        String bounds = field.spec().summary();
        StringBuilder line = new StringBuilder();
        if (!description.isEmpty()) {
            line.append(description).append("  ");
        }
        line.append('(').append(bounds);
        if (!defaults.isEmpty()) {
            line.append("; ").append(defaults);
        }
        return line.append(')').toString();
    }

    private Node control(ParameterField field) {
        Node control;
        switch (field.kind()) {
            case BOOLEAN:
                control = checkBox(field);
                break;
            case CHOICE:
                control = choiceBox(field);
                break;
            case INTEGER:
                control = spinner(field, ParameterValueFactory.integers(field.spec()));
                break;
            case NUMBER:
                control = spinner(field, ParameterValueFactory.numbers(field.spec()));
                break;
            case YAML_ONLY:
                control = yamlOnly(field);
                break;
            default:
                control = textField(field);
                break;
        }
        control.setId(field.controlId());
        Tooltip.install(control, new Tooltip(field.help()));
        return control;
    }

    private void write(ParameterField field, JsonNode value) {
        if (!updatingForm && !value.equals(field.getValue())) {
            viewModel.setParameter(field, value);
        }
    }

    private void whenValueChanges(ParameterField field, Consumer<JsonNode> show) {
        show.accept(field.getValue());
        field.valueProperty().addListener((obs, old, now) -> showQuietly(show, now));
    }

    /** Shows a value in a control without writing it back. */
    private void showQuietly(Consumer<JsonNode> show, JsonNode value) {
        updatingForm = true;
        try {
            show.accept(value);
        } finally {
            updatingForm = false;
        }
    }

    private Node checkBox(ParameterField field) {
        CheckBox box = new CheckBox();
        // Unset (null) shows as indeterminate: the snapshot's or the server's choice applies.
        whenValueChanges(field, v -> {
            box.setIndeterminate(v.isNull());
            box.setSelected(v.asBoolean(false));
        });
        box.selectedProperty().addListener((obs, old, now) ->
                write(field, BooleanNode.valueOf(now)));
        return box;
    }

    private Node choiceBox(ParameterField field) {
        ChoiceBox<JsonNode> box = new ChoiceBox<>();
        box.getItems().setAll(field.choices());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(JsonNode node) {
                return node == null ? "" : node.asText();
            }

            @Override
            public JsonNode fromString(String text) {
                return TextNode.valueOf(text);
            }
        });
        whenValueChanges(field, v -> box.setValue(field.choices().contains(v) ? v : null));
        box.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                write(field, now);
            }
        });
        return box;
    }

    /**
     * A spinner that shows the YAML's value as it is (see {@link ParameterValueFactory}) and
     * writes only a value the user typed or stepped to.
     */
    private Node spinner(ParameterField field, ParameterValueFactory factory) {
        Spinner<JsonNode> spinner = new Spinner<>(factory);
        spinner.setEditable(true);
        TextField editor = spinner.getEditor();
        // The value may already be the YAML's (its last edit was refused or undone) while the
        // text is not, so the text is set each time, not only when the value changes.
        Consumer<JsonNode> show = v -> {
            factory.setValue(v);
            editor.setText(factory.shown(v));
        };
        whenValueChanges(field, show);
        spinner.valueProperty().addListener((obs, old, now) -> write(field, now));
        // Once the spinner has read the text (on Enter or on leaving it), it shows the YAML's
        // value again: the typed one when it was written, the old one when it was refused.
        var commit = editor.getOnAction();
        editor.setOnAction(e -> {
            commit.handle(e);
            showQuietly(show, field.getValue());
        });
        spinner.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                showQuietly(show, field.getValue());
            }
        });
        return spinner;
    }

    private Node yamlOnly(ParameterField field) {
        Label value = new Label();
        value.getStyleClass().add("yaml-only");
        whenValueChanges(field, v -> value.setText(v.toString() + "  (edit in the YAML tab)"));
        return value;
    }

    private Node textField(ParameterField field) {
        TextField text = new TextField();
        text.setPromptText(field.defaultText());
        whenValueChanges(field, v -> text.setText(shownText(v)));
        text.setOnAction(e -> writeText(field, text.getText()));
        text.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                writeText(field, text.getText());
            }
        });
        return text;
    }

    /**
     * Writes the text unless it is still what the field shows: leaving a field writes nothing,
     * neither a number the YAML has as a text nor an empty text for an unset value.
     */
    private void writeText(ParameterField field, String text) {
        if (!text.equals(shownText(field.getValue()))) {
            write(field, TextNode.valueOf(text));
        }
    }

    private static String shownText(JsonNode value) {
        return value.isNull() ? "" : value.isTextual() ? value.asText() : value.toString();
    }

    // ---- Changes -------------------------------------------------------------------------

    private Node createChanges() {
        ListView<ConfigDiff.Change> list = new ListView<>(viewModel.getChanges());
        list.setId(CHANGES_ID);
        list.setPlaceholder(new Label("Nothing changed: Run uses the snapshot as it is."));
        list.setCellFactory(view -> new ChangeCell());
        TextArea json = new TextArea();
        json.setId(REQUEST_JSON_ID);
        json.setEditable(false);
        json.getStyleClass().add("request-json");
        json.textProperty().bind(viewModel.requestJsonProperty());
        Label jsonTitle = new Label("Sent to the server when you press Run:");
        VBox jsonBox = new VBox(4, jsonTitle, json);
        VBox.setVgrow(json, Priority.ALWAYS);
        SplitPane split = new SplitPane(list, jsonBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        return split;
    }

    private static final class ChangeCell extends ListCell<ConfigDiff.Change> {

        @Override
        protected void updateItem(ConfigDiff.Change change, boolean empty) {
            super.updateItem(change, empty);
            if (empty || change == null) {
                setText(null);
                return;
            }
            switch (change.kind()) {
                case ADDED:
                    setText("+ " + change.path() + ": " + change.after());
                    break;
                case REMOVED:
                    setText("− " + change.path() + " (a run cannot remove it; "
                            + "the snapshot's value is kept)");
                    break;
                default:
                    setText("~ " + change.path() + ": " + change.before() + " → "
                            + change.after());
                    break;
            }
        }
    }
}
