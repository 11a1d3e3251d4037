package dev.snapdeck.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import dev.snapdeck.api.Snapshot;
import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.ui.testing.FakeShell;
import dev.snapdeck.ui.testing.FakeWorkspace;

import atlantafx.base.theme.PrimerLight;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Run Snapshot toolbar while a run is starting, at the default window size and at 1024x700:
 * Run, the check summary and the toolbar's actions show their whole text and stay in the window.
 */
@ExtendWith(ApplicationExtension.class)
class RunSnapshotToolbarTest {

    private final FakeWorkspace workspace = new FakeWorkspace();
    private final FakeShell shell = new FakeShell();
    private final Snapshot snapshot = workspace.add(FakeWorkspace.snapshot("prod-training",
            FakeWorkspace.SERVER_VERSION));
    private BackgroundExecutor executor;
    private RunSnapshotView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        executor = BackgroundExecutor.create(Platform::runLater);
        view = new RunSnapshotView(new RunSnapshotViewModel(shell.context(workspace, executor),
                snapshot.id()));
        stage.setScene(new Scene(view, 1280, 800));
        stage.sizeToScene(); // the test stage is shared; an earlier test may have sized it
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        workspace.releaseTriggers();
        waitFor(() -> workspace.triggered().size() == 1);
        robot.interact(view::dispose);
        executor.close();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

    private void startARunThatWaits(FxRobot robot) throws Exception {
        Button run = robot.lookup("#" + RunSnapshotView.RUN_BUTTON_ID).queryButton();
        waitFor(() -> !run.isDisabled());
        workspace.holdTriggers();
        robot.interact(run::fire);
        Label reason = robot.lookup("#" + RunSnapshotView.RUN_REASON_ID).queryAs(Label.class);
        waitFor(() -> reason.getText().equals("Starting the run…"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text a labeled control draws, which its skin cuts to "…" when it lacks room. */
    private static String shownText(FxRobot robot, Labeled labeled) {
        return robot.from(labeled).lookup(".text").queryAs(Text.class).getText();
    }

    private void assertWholeAndInside(FxRobot robot, String id) {
        Labeled labeled = robot.lookup("#" + id).queryAs(Labeled.class);
        assertEquals(labeled.getText(), shownText(robot, labeled), id + " is cut short");
        assertInside(labeled);
    }

    private void assertInside(Node node) {
        Bounds bounds = node.localToScene(node.getBoundsInLocal());
        assertTrue(bounds.getMaxX() <= stage.getScene().getWidth() + 0.5,
                node.getId() + " ends at " + bounds.getMaxX() + " past the window's "
                        + stage.getScene().getWidth());
    }

    private void resize(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void runAndSummaryShowWholeWhileStartingAtTheDefaultSize(FxRobot robot) throws Exception {
        startARunThatWaits(robot);

        assertWholeAndInside(robot, RunSnapshotView.RUN_BUTTON_ID);
        assertWholeAndInside(robot, RunSnapshotView.SUMMARY_ID);
        assertWholeAndInside(robot, RunSnapshotView.RUN_REASON_ID);
        assertInside(robot.lookup("#copyAs").query());
    }

    @Test
    void runAndSummaryShowWholeWhileStartingAt1024By700(FxRobot robot) throws Exception {
        resize(robot, 1024, 700);

        startARunThatWaits(robot);

        assertEquals("No problems", robot.lookup("#" + RunSnapshotView.SUMMARY_ID)
                .queryAs(Label.class).getText());
        assertWholeAndInside(robot, RunSnapshotView.RUN_BUTTON_ID);
        assertWholeAndInside(robot, RunSnapshotView.SUMMARY_ID);
        assertWholeAndInside(robot, RunSnapshotView.RUN_REASON_ID);
        assertInside(robot.lookup("#copyAs").query());
    }
}
