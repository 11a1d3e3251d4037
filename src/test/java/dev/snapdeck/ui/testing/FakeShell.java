package dev.snapdeck.ui.testing;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javafx.beans.property.SimpleObjectProperty;

import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.service.Workspace;
import dev.snapdeck.ui.shell.AppContext;
import dev.snapdeck.ui.shell.DialogService;
import dev.snapdeck.ui.shell.Navigator;

/**
 * A navigator and dialog service that record what the view-models asked for and answer
 * questions from a queue, plus the {@link AppContext} that hands them out.
 */
public final class FakeShell implements Navigator, DialogService {

    public final List<String> navigation = new ArrayList<>();
    public final List<String> notifications = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public final List<String> questions = new ArrayList<>();
    public final List<String> clipboard = new ArrayList<>();
    public final Deque<Boolean> answers = new ArrayDeque<>();
    /** What {@link #askAboutUnsaved} answers, in turn; keep editing once it runs out. */
    public final Deque<Unsaved> unsavedAnswers = new ArrayDeque<>();
    public final Deque<Path> files = new ArrayDeque<>();
    public final SimpleObjectProperty<Workspace> workspace = new SimpleObjectProperty<>();

    /** A context over {@code workspace} whose work runs on the calling thread. */
    public AppContext context(Workspace connected) {
        return context(connected, BackgroundExecutor.sameThread());
    }

    public AppContext context(Workspace connected, BackgroundExecutor executor) {
        workspace.set(connected);
        return new AppContext(executor, workspace, this, this);
    }

    @Override
    public void showSnapshots() {
        navigation.add("snapshots");
    }

    @Override
    public void showPipelines() {
        navigation.add("pipelines");
    }

    @Override
    public void showRuns() {
        navigation.add("runs");
    }

    @Override
    public void openRun(UUID runId) {
        navigation.add("run " + runId);
    }

    @Override
    public void runSnapshot(UUID snapshotId) {
        navigation.add("runSnapshot " + snapshotId);
    }

    @Override
    public void newSnapshotFromRun(UUID runId) {
        navigation.add("newSnapshotFromRun " + runId);
    }

    @Override
    public void newSnapshot() {
        navigation.add("newSnapshot");
    }

    @Override
    public void notify(String message) {
        notifications.add(message);
    }

    @Override
    public void showError(String title, String message, Throwable details) {
        errors.add(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        questions.add(message);
        return answers.isEmpty() ? false : answers.poll();
    }

    @Override
    public Unsaved askAboutUnsaved(String title, String message) {
        questions.add(message);
        return unsavedAnswers.isEmpty() ? Unsaved.KEEP_EDITING : unsavedAnswers.poll();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<String> extensions) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public void copyToClipboard(String text) {
        clipboard.add(text);
    }

    @Override
    public void notifyDesktop(String title, String message) {
        notifications.add(title + ": " + message);
    }
}
