package dev.snapdeck.ui.controls;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.FileChooser;
import javafx.util.Duration;

import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.service.Task;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A step log that may grow to hundreds of thousands of lines. Lines can be appended from any
 * thread; they are queued and added to a virtualized list at most every {@value #FLUSH_MILLIS} ms
 * on the JavaFX thread, in one batch. Offers follow-tail, jump to end, search with next/previous
 * and Save….
 *
 * <p>Searching scans the lines on the background executor, as the user types (once typing pauses
 * for {@value #SEARCH_PAUSE_MILLIS} ms) or presses Enter; a new query cancels the scan of the old
 * one, so only the latest query's matches are ever shown.
 */
public final class LogView extends BorderPane {

    public static final String STYLE_CLASS = "log-view";
    public static final String LINES_ID = "logLines";
    public static final String SEARCH_ID = "logSearch";
    public static final String FOLLOW_ID = "logFollow";
    public static final String END_ID = "logEnd";
    public static final String NEXT_ID = "logNext";
    public static final String PREVIOUS_ID = "logPrevious";
    public static final String SAVE_ID = "logSave";
    public static final String MATCHES_ID = "logMatches";
    static final String MATCH_CLASS = "log-match";
    static final long FLUSH_MILLIS = 100;
    static final long SEARCH_PAUSE_MILLIS = 250;
    /** Room for a word or two of a query; the search field gives way down to this. */
    private static final double SEARCH_MIN_WIDTH = 90;
    /** How many lines a scan reads between checks whether it was cancelled. */
    private static final int SCAN_CHUNK = 8_192;

    private static final Logger LOG = LoggerFactory.getLogger(LogView.class);
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current-match");

    private final BackgroundExecutor background;
    private final ConcurrentLinkedQueue<String> incoming = new ConcurrentLinkedQueue<>();
    private final StringBuilder partialLine = new StringBuilder();
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ListView<String> list = new ListView<>(lines);
    private final BooleanProperty followTail = new SimpleBooleanProperty(true);
    private final ReadOnlyIntegerWrapper currentMatchLine = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper matchCount = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper saveMessage = new ReadOnlyStringWrapper("");
    private final List<Integer> matches = new ArrayList<>();
    private final TextField search = new TextField();
    private final Timeline flusher;
    private final PauseTransition searchPause = new PauseTransition(
            Duration.millis(SEARCH_PAUSE_MILLIS));
    /** The query whose matches are shown (lower case); the cells highlight it. */
    private String query = "";
    private int matchIndex = -1;
    private Task<List<Integer>> scan;

    /** @param background runs searches and saves; its callbacks must come on the JavaFX thread */
    public LogView(BackgroundExecutor background) {
        this.background = Objects.requireNonNull(background, "background");
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(LogView.class.getResource("LogView.css").toExternalForm());

        list.setId(LINES_ID);
        list.setCellFactory(view -> new LineCell());
        list.setPlaceholder(new Label("No log lines yet"));
        // Reading further up must not be undone by the next batch pulling the view down.
        list.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                followTail.set(false);
            }
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.PAGE_UP
                    || e.getCode() == KeyCode.HOME) {
                followTail.set(false);
            }
        });
        setTop(createToolbar());
        setCenter(list);

        flusher = new Timeline(new KeyFrame(Duration.millis(FLUSH_MILLIS), e -> flush()));
        flusher.setCycleCount(Animation.INDEFINITE);
        flusher.play();
        followTail.addListener((obs, was, now) -> {
            if (now) {
                jumpToEnd();
            }
        });
    }

    /** Queues whole lines; safe from any thread. */
    public void appendLines(Collection<String> newLines) {
        incoming.addAll(newLines);
    }

    /**
     * Queues a chunk of text; safe from any thread. A trailing piece without a newline is held
     * back until the rest of its line arrives (or {@link #flushPartialLine()} is called).
     */
    public void append(String chunk) {
        synchronized (partialLine) {
            partialLine.append(chunk);
            int start = 0;
            int newline;
            while ((newline = partialLine.indexOf("\n", start)) >= 0) {
                int end = newline > start && partialLine.charAt(newline - 1) == '\r'
                        ? newline - 1 : newline;
                incoming.add(partialLine.substring(start, end));
                start = newline + 1;
            }
            partialLine.delete(0, start);
        }
    }

    /** Queues a held-back last line that has no newline, e.g. when the step has finished. */
    public void flushPartialLine() {
        synchronized (partialLine) {
            if (partialLine.length() > 0) {
                incoming.add(partialLine.toString());
                partialLine.setLength(0);
            }
        }
    }

    /** Removes every line, shown or queued. */
    public void clear() {
        incoming.clear();
        synchronized (partialLine) {
            partialLine.setLength(0);
        }
        lines.clear();
        search(search.getText());
    }

    /** Lines shown so far (queued lines not counted). */
    public int lineCount() {
        return lines.size();
    }

    public String line(int index) {
        return lines.get(index);
    }

    /** When true, every batch scrolls to the last line. Scrolling up or searching turns it off. */
    public BooleanProperty followTailProperty() {
        return followTail;
    }

    public void jumpToEnd() {
        if (!lines.isEmpty()) {
            list.scrollTo(lines.size() - 1);
        }
    }

    /**
     * Starts finding the lines containing {@code text}, ignoring case, on the background executor;
     * cancels a search still running. When it is done the match count is set and the view moves
     * to the last match (the newest output is usually what one looks for). Call on the JavaFX
     * thread.
     */
    public void search(String text) {
        String shown = text == null ? "" : text;
        if (!search.getText().equals(shown)) {
            search.setText(shown);
        }
        searchPause.stop();
        cancelScan();
        String wanted = shown.toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            showMatches(wanted, List.of());
            return;
        }
        List<String> scanned = List.copyOf(lines);
        searching.set(true);
        scan = background.submit(() -> matching(scanned, wanted));
        scan.onSuccess(found -> {
            List<Integer> all = new ArrayList<>(found);
            all.addAll(matching(lines.subList(scanned.size(), lines.size()), wanted, scanned.size()));
            showMatches(wanted, all);
        }).onFailure(failure -> {
            LOG.warn("Searching the log failed", failure);
            searching.set(false);
        });
    }

    /** True while a search is scanning the lines. */
    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    public void nextMatch() {
        if (!matches.isEmpty()) {
            moveToMatch((matchIndex + 1) % matches.size());
        }
    }

    public void previousMatch() {
        if (!matches.isEmpty()) {
            moveToMatch((matchIndex - 1 + matches.size()) % matches.size());
        }
    }

    /** Index of the line holding the current match, or -1. */
    public ReadOnlyIntegerProperty currentMatchLineProperty() {
        return currentMatchLine.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty matchCountProperty() {
        return matchCount.getReadOnlyProperty();
    }

    /** What the last save said: where it wrote, or why it could not. */
    public ReadOnlyStringProperty saveMessageProperty() {
        return saveMessage.getReadOnlyProperty();
    }

    /**
     * Writes the lines shown now to {@code file} (UTF-8, one per line) on the executor. Call on the
     * JavaFX thread; the future completes on the executor's thread, and the save message is
     * updated on the JavaFX thread.
     */
    public CompletableFuture<Path> saveTo(Path file) {
        List<String> snapshot = List.copyOf(lines);
        return CompletableFuture.supplyAsync(() -> write(snapshot, file),
                        command -> background.submit(Executors.callable(command)))
                .whenComplete((path, failure) -> Platform.runLater(() -> {
                    if (failure == null) {
                        saveMessage.set("Saved " + snapshot.size() + " lines to " + path);
                    } else {
                        LOG.warn("Could not save the log to {}", file, failure);
                        saveMessage.set("Could not save the log to " + file + ": "
                                + rootMessage(failure));
                    }
                }));
    }

    /** Stops the batching timer and any search; lines appended afterwards are never shown. */
    public void dispose() {
        flusher.stop();
        searchPause.stop();
        cancelScan();
    }

    private void cancelScan() {
        if (scan != null) {
            scan.cancel();
            scan = null;
        }
        searching.set(false);
    }

    /** Runs on the executor; gives up as soon as the scan is cancelled. */
    private static List<Integer> matching(List<String> scanned, String wanted) {
        List<Integer> found = new ArrayList<>();
        for (int from = 0; from < scanned.size(); from += SCAN_CHUNK) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("a newer search replaced this one");
            }
            int to = Math.min(scanned.size(), from + SCAN_CHUNK);
            found.addAll(matching(scanned.subList(from, to), wanted, from));
        }
        return found;
    }

    private static List<Integer> matching(List<String> some, String wanted, int firstIndex) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < some.size(); i++) {
            if (some.get(i).toLowerCase(Locale.ROOT).contains(wanted)) {
                found.add(firstIndex + i);
            }
        }
        return found;
    }

    private void showMatches(String wanted, List<Integer> found) {
        scan = null;
        searching.set(false);
        query = wanted;
        matches.clear();
        matches.addAll(found);
        matchCount.set(matches.size());
        matchIndex = -1;
        if (!matches.isEmpty()) {
            moveToMatch(matches.size() - 1);
        } else {
            currentMatchLine.set(-1);
        }
        list.refresh();
    }

    private static Path write(List<String> snapshot, Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : snapshot) {
                out.write(line);
                out.newLine();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    private void flush() {
        if (incoming.isEmpty()) {
            return;
        }
        List<String> batch = new ArrayList<>();
        String line;
        while ((line = incoming.poll()) != null) {
            batch.add(line);
        }
        int firstNew = lines.size();
        lines.addAll(batch);

        // While a scan runs, it picks up the lines that arrive meanwhile when it is done.
        if (!query.isEmpty() && scan == null) {
            matches.addAll(matching(batch, query, firstNew));
            matchCount.set(matches.size());
        }
        if (followTail.get()) {
            jumpToEnd();
        }
    }

    private void moveToMatch(int index) {
        matchIndex = index;
        int lineIndex = matches.get(index);
        currentMatchLine.set(lineIndex);
        followTail.set(false);
        list.getSelectionModel().select(lineIndex);
        list.scrollTo(Math.max(0, lineIndex - 3));
        list.refresh();
    }

    private HBox createToolbar() {
        ToggleButton follow = iconToggle(FOLLOW_ID, Feather.CHEVRONS_DOWN, "Follow the end");
        follow.selectedProperty().bindBidirectional(followTail);
        Button end = iconButton(END_ID, Feather.ARROW_DOWN_CIRCLE, "Jump to end");
        end.setOnAction(e -> jumpToEnd());

        search.setId(SEARCH_ID);
        search.setPromptText("Search log");
        search.setOnAction(e -> search(search.getText()));
        searchPause.setOnFinished(e -> search(search.getText()));
        search.textProperty().addListener((obs, old, now) -> searchPause.playFromStart());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
                search("");
            }
        });
        Button previous = iconButton(PREVIOUS_ID, Feather.CHEVRON_UP, "Previous match");
        previous.setOnAction(e -> previousMatch());
        Button next = iconButton(NEXT_ID, Feather.CHEVRON_DOWN, "Next match");
        next.setOnAction(e -> nextMatch());

        Label count = new Label();
        count.setId(MATCHES_ID);
        count.textProperty().bind(Bindings.when(searching)
                .then("Searching…").otherwise(matchCount.asString("%d matches")));
        Label saved = new Label();
        saved.getStyleClass().add("save-message");
        saved.textProperty().bind(saveMessage);
        // An icon like its neighbours: at 1024 pixels the log pane has no room for words here.
        Button save = iconButton(SAVE_ID, Feather.SAVE, "Save the log to a file…");
        save.setOnAction(e -> chooseFileAndSave());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(follow, end, search, previous, next, count, spacer, saved, save);
        Widths.keepWhole(follow, end, previous, next, count, save);
        search.setMinWidth(SEARCH_MIN_WIDTH);
        bar.getStyleClass().add("log-toolbar");
        return bar;
    }

    private void chooseFileAndSave() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save log");
        chooser.setInitialFileName("step.log");
        File file = chooser.showSaveDialog(getScene() == null ? null
                : getScene().getWindow());
        if (file != null) {
            saveTo(file.toPath());
        }
    }

    private static Button iconButton(String id, Feather icon, String tip) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        return button;
    }

    private static ToggleButton iconToggle(String id, Feather icon, String tip) {
        ToggleButton button = new ToggleButton(null, new FontIcon(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        return button;
    }

    /** Shows a line, with the searched text marked when the line holds it. */
    private final class LineCell extends ListCell<String> {

        @Override
        protected void updateItem(String line, boolean empty) {
            super.updateItem(line, empty);
            pseudoClassStateChanged(CURRENT, !empty && getIndex() == currentMatchLine.get());
            if (empty || line == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            int at = query.isEmpty() ? -1 : line.toLowerCase(Locale.ROOT).indexOf(query);
            if (at < 0) {
                setText(line);
                setGraphic(null);
                return;
            }
            setText(null);
            setGraphic(highlighted(line, line.toLowerCase(Locale.ROOT)));
        }

        private TextFlow highlighted(String line, String lower) {
            TextFlow flow = new TextFlow();
            int from = 0;
            int at;
            while ((at = lower.indexOf(query, from)) >= 0) {
                flow.getChildren().add(new Text(line.substring(from, at)));
                Text match = new Text(line.substring(at, at + query.length()));
                match.getStyleClass().add(MATCH_CLASS);
                flow.getChildren().add(match);
                from = at + query.length();
            }
            flow.getChildren().add(new Text(line.substring(from)));
            flow.getChildren().forEach(node -> node.getStyleClass().add("log-text"));
            return flow;
        }
    }
}
