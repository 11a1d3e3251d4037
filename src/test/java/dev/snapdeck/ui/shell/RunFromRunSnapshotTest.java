package dev.snapdeck.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.stream.Collectors;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.RunQuery;
import dev.snapdeck.ui.editor.RunSnapshotView;
import dev.snapdeck.ui.editor.YamlEditor;
import dev.snapdeck.ui.runs.RunsView;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Run pressed in a Run Snapshot window of the real dashboard, on a real local server: the main
 * window comes to the front with the new run's detail, and when the run ends the notification
 * (inside the main window: tests have no system tray) says how it ended.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class RunFromRunSnapshotTest {

    @TempDir
    static Path folder;
    private static DashboardOnLocalServer dashboard;
    private static UUID snapshotId;
    private DashboardApp app;
    private Stage mainWindow;

    @BeforeAll
    static void startServer() throws Exception {
        dashboard = new DashboardOnLocalServer(folder).start();
        snapshotId = dashboard.server.snapshotOfExample("iris-nightly");
    }

    @Start
    void start(Stage stage) {
        mainWindow = stage;
        app = dashboard.open(stage);
    }

    @AfterEach
    void stopApp() throws Exception {
        dashboard.closeApp();
    }

    @AfterAll
    static void stopServer() throws BackingStoreException {
        dashboard.close();
    }

    /** Opens Run Snapshot on the snapshot, presses Run, and returns the window it opened in. */
    private Stage runFromTheEditor(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.workspace() != null);
        robot.interact(() -> app.shell().runSnapshot(snapshotId));
        Stage editorWindow = app.shell().editorWindows().get(0);
        Button run = robot.from(editorWindow.getScene().getRoot())
                .lookup("#" + RunSnapshotView.RUN_BUTTON_ID).queryButton();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !run.isDisabled());
        assertEquals(editorWindow.getTitle(), focusedWindowTitle(robot));
        robot.interact(run::fire);
        return editorWindow;
    }

    /**
     * The title of the window Monocle has focused. Monocle only ever tells a window that it gained
     * focus, never that it lost it, so {@link Stage#isFocused()} stays true on every window that
     * once had focus; its window manager knows which one has it now.
     */
    private static String focusedWindowTitle(FxRobot robot) throws Exception {
        Class<?> manager = Class.forName("com.sun.glass.ui.monocle.MonocleWindowManager");
        Method getInstance = manager.getDeclaredMethod("getInstance");
        Method getFocusedWindow = manager.getDeclaredMethod("getFocusedWindow");
        getInstance.setAccessible(true);
        getFocusedWindow.setAccessible(true);
        return WaitForAsyncUtils.asyncFx(() -> {
            Object focused = getFocusedWindow.invoke(getInstance.invoke(null));
            return focused == null ? null : ((com.sun.glass.ui.Window) focused).getTitle();
        }).get(10, TimeUnit.SECONDS);
    }

    private RunsView runsView() {
        return (RunsView) app.shell().view().currentScreen();
    }

    private Set<UUID> allRuns() {
        return app.workspace().runs(new RunQuery().size(100)).items()
                .stream().map(PipelineRun::id).collect(Collectors.toSet());
    }

    @Test
    void theMainWindowComesToTheFrontWithTheStartedRun(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.workspace() != null);
        Set<UUID> before = allRuns();

        Stage editorWindow = runFromTheEditor(robot);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () ->
                app.shell().view().currentScreen() instanceof RunsView
                && runsView().detail() != null);
        UUID shown = runsView().detail().viewModel().runId();
        Set<UUID> started = allRuns();
        started.removeAll(before);

        assertEquals(mainWindow.getTitle(), focusedWindowTitle(robot));
        assertNull(editorWindow.getOwner(), "an owned window would stay above the main one");
        assertTrue(editorWindow.isShowing(), "the editor stays open for another run");
        assertEquals(Set.of(shown), started);
    }

    @Test
    void theMainWindowTellsWhenTheRunEnds(FxRobot robot) throws Exception {
        runFromTheEditor(robot);

        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> runCompletedNotice(robot)
                .isPresent());
        Node shown = runCompletedNotice(robot).orElseThrow();

        assertTrue(shown.getScene().getWindow() instanceof PopupWindow);
        assertSame(mainWindow, ((PopupWindow) shown.getScene().getWindow()).getOwnerWindow());
        assertTrue(((Label) shown).getText().endsWith(" has completed."),
                ((Label) shown).getText());
    }

    /**
     * Looked up on the FX thread: the run detail redraws while the run goes on, and a lookup from
     * the test thread can meet a list of children changing under it.
     */
    private static Optional<Label> runCompletedNotice(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup((Label label) -> label.getText() != null
                && label.getText().startsWith("Run completed — ")).<Label>tryQuery()).get();
    }

    @Test
    void closingTheMainWindowClosesRunSnapshotWindows(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.workspace() != null);
        robot.interact(() -> app.shell().runSnapshot(snapshotId));
        Stage editorWindow = app.shell().editorWindows().get(0);

        robot.interact(mainWindow::close);

        assertFalse(editorWindow.isShowing());
        assertTrue(app.shell().editorWindows().isEmpty());
        robot.interact(mainWindow::show);
    }

    @Test
    void escapeClosesRunSnapshotOnceNothingInsideTakesIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.workspace() != null);
        robot.interact(() -> app.shell().runSnapshot(snapshotId));
        Stage editorWindow = app.shell().editorWindows().get(0);
        RunSnapshotView editor = (RunSnapshotView) editorWindow.getScene().getRoot();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !editor.editor().getText().isEmpty());
        robot.interact(() -> editor.editor().showCompletions());
        ListView<?> completions = robot.lookup("#" + YamlEditor.COMPLETION_LIST_ID).queryListView();
        assertTrue(completions.getScene().getWindow().isShowing());

        robot.type(KeyCode.ESCAPE);

        assertFalse(completions.getScene().getWindow().isShowing());
        assertTrue(editorWindow.isShowing(), "the first Escape closes the completion list only");

        robot.type(KeyCode.ESCAPE);

        assertFalse(editorWindow.isShowing());
        assertTrue(app.shell().editorWindows().isEmpty());
    }

    @Test
    void theQuestionOnClosingWithEditsBelongsToRunSnapshotAndKeepsIt(FxRobot robot)
            throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.workspace() != null);
        robot.interact(() -> app.shell().runSnapshot(snapshotId));
        Stage editorWindow = app.shell().editorWindows().get(0);
        RunSnapshotView editor = (RunSnapshotView) editorWindow.getScene().getRoot();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !editor.editor().getText().isEmpty());
        robot.interact(() -> editor.editor().updateText(editor.editor().getText() + "\n# mine"));

        Platform.runLater(() -> editorWindow.fireEvent(new WindowEvent(editorWindow,
                WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> question().isPresent());
        Stage question = question().orElseThrow();
        Window owner = question.getOwner();
        robot.interact(question::close);

        assertSame(editorWindow, owner);
        assertTrue(editorWindow.isShowing(), "declining the question keeps the window");
    }

    /** The question dialog on the screen, if one is. */
    private static Optional<Stage> question() {
        return Window.getWindows().stream()
                .filter(window -> window instanceof Stage && window.isShowing()
                        && window.getScene() != null
                        && window.getScene().getRoot() instanceof DialogPane)
                .map(Stage.class::cast).findFirst();
    }
}
