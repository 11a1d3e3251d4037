package dev.snapdeck.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import atlantafx.base.theme.PrimerLight;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.api.Pipeline;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.ui.controls.LogView;
import dev.snapdeck.ui.testing.FakeShell;

/**
 * A run's detail in the room it has in a 1024x700 main window (the sidebar takes the rest):
 * the header's and the log bar's controls keep their whole text and stay inside the window, and
 * the step statuses are not cut short.
 */
@ExtendWith(ApplicationExtension.class)
class RunDetailSmallWindowTest {

    /** The content area of a 1024x700 main window, beside the sidebar and above the status bar. */
    private static final double WIDTH = 830;
    private static final double HEIGHT = 620;

    private final RunsWorkspace workspace = new RunsWorkspace();
    private final FakeShell shell = new FakeShell();
    private final BackgroundExecutor executor = BackgroundExecutor.create(Platform::runLater);
    private PipelineRun run;
    private RunsView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Pipeline pipeline = workspace.addPipeline("training");
        run = workspace.addRun(pipeline, "training_pipeline-2026_12_04-16_31_23_123456",
                ExecutionStatus.PROVISIONING);
        workspace.steps.put(run.id(), List.of(
                RunsWorkspace.step(run.id(), "load_data", ExecutionStatus.PROVISIONING),
                RunsWorkspace.step(run.id(), "train_model", ExecutionStatus.COMPLETED)));
        view = new RunsView(new RunsViewModel(shell.context(workspace, executor), 5));
        stage.setScene(new Scene(view, WIDTH, HEIGHT));
        // The test stage is shared: an earlier test may have left it another size.
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> view.detail().dispose());
        executor.close();
    }

    private void openDetail(FxRobot robot) throws Exception {
        robot.interact(() -> view.showDetail(new RunDetailViewModel(shell.context(workspace,
                executor), run.id())));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () ->
                view.detail().viewModel().runProperty().get() != null
                        && !view.detail().viewModel().getSteps().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String shownText(FxRobot robot, Labeled labeled) {
        return robot.from(labeled).lookup(".text").queryAs(Text.class).getText();
    }

    private void assertWholeAndInside(FxRobot robot, Labeled labeled) {
        assertEquals(labeled.getText(), shownText(robot, labeled), labeled + " is cut short");
        assertInside(labeled);
    }

    private void assertInside(Node node) {
        Bounds bounds = node.localToScene(node.getBoundsInLocal());
        assertTrue(bounds.getMaxX() <= WIDTH + 0.5, node + " ends at " + bounds.getMaxX());
    }

    @Test
    void theHeaderKeepsItsButtonsAndStatusWhole(FxRobot robot) throws Exception {
        openDetail(robot);

        assertWholeAndInside(robot, robot.lookup("#" + RunsView.BACK_ID).queryAs(Labeled.class));
        assertWholeAndInside(robot, robot.lookup("#" + RunDetailView.STATUS_ID)
                .queryAs(Labeled.class));
        assertWholeAndInside(robot, robot.lookup("#" + RunDetailView.NEW_SNAPSHOT_ID)
                .queryAs(Labeled.class));
        assertWholeAndInside(robot, robot.lookup("#" + RunDetailView.STOP_ID)
                .queryAs(Labeled.class));
    }

    @Test
    void aCutRunNameKeepsItsTimeAndTheSummaryLineWrapsWhole(FxRobot robot) throws Exception {
        openDetail(robot);
        Labeled title = robot.lookup("#" + RunDetailView.TITLE_ID).queryAs(Labeled.class);
        Labeled summary = robot.lookup("#" + RunDetailView.SUMMARY_ID).queryAs(Labeled.class);
        // As a longer name and summary would in this window.
        robot.interact(() -> {
            title.setMaxWidth(200);
            summary.setMaxWidth(200);
        });
        WaitForAsyncUtils.waitForFxEvents();

        String shownTitle = shownText(robot, title);
        String shownSummary = robot.from(summary).lookup(".text").queryAllAs(Text.class).stream()
                .map(Text::getText).reduce("", String::concat);

        assertTrue(shownTitle.length() < title.getText().length(), shownTitle);
        assertTrue(shownTitle.endsWith("123456"), shownTitle);
        assertEquals(summary.getText().replaceAll("\\s", ""), shownSummary.replaceAll("\\s", ""));
    }

    @Test
    void theLogBarFitsWithItsMatchCount(FxRobot robot) throws Exception {
        openDetail(robot);

        assertWholeAndInside(robot, robot.lookup("#" + LogView.MATCHES_ID)
                .queryAs(Labeled.class));
        assertInside(robot.lookup("#" + LogView.SAVE_ID).queryAs(Button.class));
        assertTrue(robot.lookup("#" + LogView.SEARCH_ID).query().getBoundsInLocal().getWidth()
                >= 90);
    }

    @Test
    void stepStatusesAreNotCutShort(FxRobot robot) throws Exception {
        openDetail(robot);

        List<Labeled> statuses = robot.lookup("#" + RunDetailView.STEPS_ID)
                .lookup((Labeled cell) -> "provisioning".equals(cell.getText())).queryAll()
                .stream().map(Labeled.class::cast).toList();

        assertEquals(1, statuses.size());
        assertEquals("provisioning", shownText(robot, statuses.get(0)));
    }
}
