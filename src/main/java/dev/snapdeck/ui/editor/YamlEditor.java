package dev.snapdeck.ui.editor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.IntFunction;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Popup;

import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.fxmisc.richtext.model.StyleSpans;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.reactfx.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The YAML editor: a code area with line numbers and highlighting, diagnostics shown as
 * underlines, gutter marks, hover text and a problems list, and completion on Ctrl+Space.
 *
 * <p>Highlighting runs on the given executor once typing has paused; results for text that has
 * changed since are dropped. Call {@link #dispose()} when the editor closes.
 */
public final class YamlEditor extends SplitPane {

    public static final String STYLE_CLASS = "yaml-editor";
    public static final String CODE_AREA_ID = "yamlCodeArea";
    public static final String PROBLEMS_ID = "yamlProblems";
    public static final String COMPLETION_LIST_ID = "yamlCompletions";
    public static final String HOVER_ID = "yamlHover";
    static final String GUTTER_MARK = "gutter-mark";
    static final Duration RESTYLE_DELAY = Duration.ofMillis(400);

    private static final Logger LOG = LoggerFactory.getLogger(YamlEditor.class);
    private static final Map<EditorMarker.Severity, Feather> SEVERITY_ICONS =
            new EnumMap<>(Map.of(EditorMarker.Severity.ERROR, Feather.X_CIRCLE,
                    EditorMarker.Severity.WARNING, Feather.ALERT_TRIANGLE,
                    EditorMarker.Severity.INFO, Feather.INFO));

    private final Executor background;
    private final YamlStyler styler = new YamlStyler();
    private final CodeArea area = new CodeArea();
    private final SquiggleLayer squiggles = new SquiggleLayer(area);
    private final ListView<EditorMarker> problems = new ListView<>();
    private final ObservableList<EditorMarker> markers = FXCollections.observableArrayList();
    private final StringProperty savedText = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final Popup hoverPopup = new Popup();
    private final Label hoverLabel = new Label();
    private final Popup completionPopup = new Popup();
    private final ListView<CompletionItem> completionList = new ListView<>();
    private final Subscription restyleSubscription;

    private Function<CaretPosition, List<CompletionItem>> completionProvider = p -> List.of();
    private StyleSpans<Collection<String>> syntaxSpans;
    private long textGeneration;
    private boolean disposed;

    public YamlEditor(Executor background) {
        this.background = Objects.requireNonNull(background, "background");
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(YamlEditor.class.getResource("YamlEditor.css").toExternalForm());
        setOrientation(Orientation.VERTICAL);

        area.setId(CODE_AREA_ID);
        area.textProperty().addListener((obs, old, now) -> textGeneration++);
        dirty.bind(Bindings.createBooleanBinding(() -> !area.getText().equals(savedText.get()),
                area.textProperty(), savedText));
        restyleSubscription = area.multiPlainChanges().successionEnds(RESTYLE_DELAY)
                .subscribe(ignore -> restyle());
        updateGutter();

        createProblemsList();
        createHover();
        createCompletion();
        getItems().addAll(new StackPane(new VirtualizedScrollPane<>(area), squiggles), problems);
        setDividerPositions(0.8);
        markers.addListener((ListChangeListener<EditorMarker>) change -> markersChanged());
    }

    /** The current text; read-only, change it with {@link #setText(String)} or by typing. */
    public ObservableValue<String> textProperty() {
        return area.textProperty();
    }

    public String getText() {
        return area.getText();
    }

    /** Replaces the whole text, shows its top, forgets undo history and counts it as saved. */
    public void setText(String text) {
        area.replaceText(text);
        area.getUndoManager().forgetHistory();
        area.moveTo(0);
        area.requestFollowCaret();
        savedText.set(area.getText());
    }

    /**
     * Changes the text to {@code text} by replacing only the stretch that differs, so the caret,
     * the scroll position and undo stay as they are (for edits made from outside, like a form).
     */
    public void updateText(String text) {
        String old = area.getText();
        if (old.equals(text)) {
            return;
        }
        int prefix = 0;
        int max = Math.min(old.length(), text.length());
        while (prefix < max && old.charAt(prefix) == text.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix && old.charAt(old.length() - 1 - suffix)
                == text.charAt(text.length() - 1 - suffix)) {
            suffix++;
        }
        area.replaceText(prefix, old.length() - suffix,
                text.substring(prefix, text.length() - suffix));
    }

    /** The problem selected in the problems list, if any. */
    public ReadOnlyObjectProperty<EditorMarker> selectedProblemProperty() {
        return problems.getSelectionModel().selectedItemProperty();
    }

    /** True while the text differs from the text last loaded or marked saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /** Counts the current text as saved, clearing the dirty flag. */
    public void markSaved() {
        savedText.set(area.getText());
    }

    /** Shows these markers, replacing any shown before. */
    public void setMarkers(List<EditorMarker> newMarkers) {
        List<EditorMarker> sorted = new ArrayList<>(newMarkers);
        sorted.sort(Comparator.comparingInt(EditorMarker::startLine)
                .thenComparingInt(EditorMarker::startColumn));
        markers.setAll(sorted);
    }

    public ObservableList<EditorMarker> getMarkers() {
        return FXCollections.unmodifiableObservableList(markers);
    }

    /** Sets what Ctrl+Space offers; called on the JavaFX thread, so it should be quick. */
    public void setCompletionProvider(Function<CaretPosition, List<CompletionItem>> provider) {
        this.completionProvider = Objects.requireNonNull(provider, "provider");
    }

    /** Moves the caret to the start of the marker and scrolls it into view. */
    public void goTo(EditorMarker marker) {
        area.moveTo(offsetOf(marker.startLine(), marker.startColumn()));
        area.requestFollowCaret();
        area.requestFocus();
    }

    /** The position of the caret, with 1-based line and column. */
    public CaretPosition caretPosition() {
        return new CaretPosition(area.getText(), area.getCaretPosition(),
                area.getCurrentParagraph() + 1, area.getCaretColumn() + 1);
    }

    /** The messages of the markers that cover this text offset, worst first. */
    public List<String> messagesAt(int offset) {
        List<String> found = new ArrayList<>();
        for (EditorMarker marker : markersBySeverity()) {
            int[] range = rangeOf(marker);
            if (offset >= range[0] && offset < range[1]) {
                found.add(marker.message());
            }
        }
        return found;
    }

    /** Opens the completion popup at the caret, if the provider has anything to offer. */
    public void showCompletions() {
        List<CompletionItem> items = completionProvider.apply(caretPosition());
        if (items.isEmpty()) {
            return;
        }
        completionList.getItems().setAll(items);
        completionList.getSelectionModel().selectFirst();
        area.getCaretBounds().ifPresent(b -> completionPopup.show(area, b.getMinX(), b.getMaxY()));
        completionList.requestFocus();
    }

    /** Stops highlighting and closes popups; the editor must not be used afterwards. */
    public void dispose() {
        disposed = true;
        restyleSubscription.unsubscribe();
        squiggles.dispose();
        hoverPopup.hide();
        completionPopup.hide();
    }

    CodeArea codeArea() {
        return area;
    }

    ListView<EditorMarker> problemsList() {
        return problems;
    }

    private void restyle() {
        String snapshot = area.getText();
        long generation = textGeneration;
        CompletableFuture.supplyAsync(() -> styler.spans(snapshot), background)
                .whenComplete((spans, failure) -> Platform.runLater(() -> {
                    if (failure != null) {
                        LOG.warn("Highlighting failed; the text stays unstyled", failure);
                    } else if (!disposed && generation == textGeneration) {
                        syntaxSpans = spans;
                        applyStyles();
                    }
                }));
    }

    private void applyStyles() {
        if (syntaxSpans != null && syntaxSpans.length() == area.getLength()) {
            area.setStyleSpans(0, syntaxSpans);
        }
    }

    /** Start and end offsets, clamped to the text; an empty range grows to one character. */
    private int[] rangeOf(EditorMarker marker) {
        int length = area.getLength();
        int start = offsetOf(marker.startLine(), marker.startColumn());
        int end = Math.max(start, offsetOf(marker.endLine(), marker.endColumn()));
        if (end == start) {
            if (end < length) {
                end++;
            } else if (start > 0) {
                start--;
            }
        }
        return new int[] {start, end};
    }

    private int offsetOf(int line, int column) {
        int paragraph = Math.min(line - 1, area.getParagraphs().size() - 1);
        int paragraphLength = area.getParagraphLength(paragraph);
        int col = line - 1 > paragraph ? paragraphLength : Math.min(column - 1, paragraphLength);
        return area.getAbsolutePosition(paragraph, col);
    }

    private List<EditorMarker> markersBySeverity() {
        List<EditorMarker> sorted = new ArrayList<>(markers);
        sorted.sort(Comparator.comparing(EditorMarker::severity));
        return sorted;
    }

    private void markersChanged() {
        problems.getItems().setAll(markers);
        List<SquiggleLayer.Range> ranges = new ArrayList<>();
        for (EditorMarker marker : markers) {
            int[] range = rangeOf(marker);
            ranges.add(new SquiggleLayer.Range(range[0], range[1], marker.severity()));
        }
        squiggles.show(ranges);
        updateGutter();
    }

    private void updateGutter() {
        Map<Integer, EditorMarker.Severity> worst = new TreeMap<>();
        for (EditorMarker marker : markers) {
            worst.merge(marker.startLine() - 1, marker.severity(),
                    (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        IntFunction<Node> numbers = LineNumberFactory.get(area);
        area.setParagraphGraphicFactory(line -> {
            Region mark = new Region();
            mark.getStyleClass().add(GUTTER_MARK);
            EditorMarker.Severity severity = worst.get(line);
            if (severity != null) {
                mark.getStyleClass().add(severity.name().toLowerCase(Locale.ROOT));
            }
            HBox box = new HBox(mark, numbers.apply(line));
            box.getStyleClass().add("gutter");
            return box;
        });
    }

    private void createProblemsList() {
        problems.setId(PROBLEMS_ID);
        problems.getStyleClass().add("problems");
        problems.setPlaceholder(new Label("No problems"));
        problems.setCellFactory(list -> new ProblemCell());
        problems.setOnKeyPressed(e -> {
            EditorMarker selected = problems.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                goTo(selected);
            }
        });
    }

    private void createHover() {
        hoverLabel.setId(HOVER_ID);
        hoverLabel.getStyleClass().add("hover-text");
        hoverLabel.getStylesheets().add(getStylesheets().get(0));
        hoverPopup.getContent().add(hoverLabel);
        area.setMouseOverTextDelay(Duration.ofMillis(400));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> {
            List<String> messages = messagesAt(e.getCharacterIndex());
            if (!messages.isEmpty()) {
                hoverLabel.setText(String.join("\n", messages));
                hoverPopup.show(area, e.getScreenPosition().getX(),
                        e.getScreenPosition().getY() + 12);
            }
        });
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> hoverPopup.hide());
    }

    private void createCompletion() {
        completionList.setId(COMPLETION_LIST_ID);
        completionList.getStyleClass().add("completions");
        completionList.getStylesheets().add(getStylesheets().get(0));
        completionList.setPrefSize(320, 180);
        completionList.setCellFactory(list -> new CompletionCell());
        completionPopup.getContent().add(completionList);
        completionPopup.setAutoHide(true);
        completionList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                acceptCompletion();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                completionPopup.hide();
            }
        });
        completionList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                acceptCompletion();
            }
        });
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && e.isShortcutDown()) {
                e.consume();
                showCompletions();
            }
        });
    }

    private void acceptCompletion() {
        CompletionItem item = completionList.getSelectionModel().getSelectedItem();
        completionPopup.hide();
        if (item == null) {
            return;
        }
        int caret = area.getCaretPosition();
        int start = caret;
        String text = area.getText();
        while (start > 0 && isWordChar(text.charAt(start - 1))) {
            start--;
        }
        area.replaceText(start, caret, item.insertText());
        area.requestFocus();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    private final class ProblemCell extends ListCell<EditorMarker> {

        ProblemCell() {
            setOnMouseClicked(e -> {
                if (getItem() != null) {
                    goTo(getItem());
                }
            });
        }

        @Override
        protected void updateItem(EditorMarker marker, boolean empty) {
            super.updateItem(marker, empty);
            if (empty || marker == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            FontIcon icon = new FontIcon(SEVERITY_ICONS.get(marker.severity()));
            icon.getStyleClass().add(marker.severity().name().toLowerCase(Locale.ROOT));
            setGraphic(icon);
            setText(marker.startLine() + ":" + marker.startColumn() + "  " + marker.message());
        }
    }

    private static final class CompletionCell extends ListCell<CompletionItem> {

        @Override
        protected void updateItem(CompletionItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(item.detail().isEmpty() ? item.label() : item.label() + "  —  "
                    + item.detail());
        }
    }
}
