package dev.snapdeck.ui.editor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import atlantafx.base.theme.PrimerLight;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import dev.snapdeck.api.Snapshot;
import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.ui.testing.FakeShell;
import dev.snapdeck.ui.testing.FakeWorkspace;

/**
 * The Run Snapshot editor of one snapshot on a TestFX stage, over a fake workspace and shell,
 * with what the editor's tests do to it: wait for the check, open the Form, edit the YAML.
 */
final class EditorOnStage {

    final FakeWorkspace workspace = new FakeWorkspace();
    final FakeShell shell = new FakeShell();
    private BackgroundExecutor executor;
    private RunSnapshotView view;

    /** Shows the editor of {@code snapshot} (added to {@link #workspace}) on {@code stage}. */
    RunSnapshotView show(Stage stage, Snapshot snapshot, double height) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        executor = BackgroundExecutor.create(Platform::runLater);
        view = new RunSnapshotView(new RunSnapshotViewModel(shell.context(workspace, executor),
                snapshot.id()));
        stage.setScene(new Scene(view, 1100, height));
        stage.show();
        return view;
    }

    void close(FxRobot robot) {
        robot.interact(view::dispose);
        executor.close();
    }

    static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

    static Button runButton(FxRobot robot) {
        return robot.lookup("#" + RunSnapshotView.RUN_BUTTON_ID).queryButton();
    }

    /** Waits for the first check (Run enabled), then shows the Form tab. */
    void openForm(FxRobot robot) throws TimeoutException {
        waitFor(() -> !runButton(robot).isDisabled());
        robot.interact(() -> robot.lookup("#" + RunSnapshotView.TABS_ID).queryAs(TabPane.class)
                .getSelectionModel().select(1));
    }

    /** Replaces {@code old}, which the YAML must hold, with {@code now}, as typing would. */
    void replaceInYaml(FxRobot robot, String old, String now) {
        robot.interact(() -> {
            String text = view.editor().getText();
            assertTrue(text.contains(old), "the YAML has " + old);
            view.editor().updateText(text.replace(old, now));
        });
    }
}
