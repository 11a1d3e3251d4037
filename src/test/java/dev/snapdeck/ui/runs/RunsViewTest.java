package dev.snapdeck.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;

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
import dev.snapdeck.ui.controls.DagView;
import dev.snapdeck.ui.controls.LogView;
import dev.snapdeck.ui.testing.FakeShell;

@ExtendWith(ApplicationExtension.class)
class RunsViewTest {

    private final RunsWorkspace workspace = new RunsWorkspace();
    private final FakeShell shell = new FakeShell();
    private final BackgroundExecutor executor = BackgroundExecutor.create(Platform::runLater);
    private PipelineRun finished;
    private RunsViewModel model;
    private RunsView view;

    @Start
    void start(Stage stage) {
        Pipeline pipeline = workspace.addPipeline("training");
        for (int i = 0; i < 7; i++) {
            finished = workspace.addRun(pipeline, "run-" + i, ExecutionStatus.COMPLETED);
        }
        workspace.steps.put(finished.id(), List.of(
                RunsWorkspace.step(finished.id(), "load", ExecutionStatus.COMPLETED),
                RunsWorkspace.step(finished.id(), "train", ExecutionStatus.COMPLETED)));
        workspace.logs.put(workspace.steps.get(finished.id()).get(0).id(),
                List.of(RunsWorkspace.log("loaded 150 rows")));
        model = new RunsViewModel(shell.context(workspace, executor), 5);
        view = new RunsView(model);
        stage.setScene(new Scene(view, 1000, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void showsOnePageNewestFirstWithTheTotal(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#" + RunsView.TABLE_ID).queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 5);

        assertEquals("run-6", ((PipelineRun) table.getItems().get(0)).name());
        assertEquals("Runs 1–5 of 7", robot.lookup("#" + RunsView.PAGE_TEXT_ID)
                .queryAs(Label.class).getText());
    }

    @Test
    void nextPageShowsTheRest(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#" + RunsView.TABLE_ID).queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 5);

        robot.clickOn("#" + RunsView.NEXT_ID);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        assertEquals("Runs 6–7 of 7", robot.lookup("#" + RunsView.PAGE_TEXT_ID)
                .queryAs(Label.class).getText());
    }

    @Test
    void detailDrawsStepsShowsTheLogAndOffersNoStopForAFinishedRun(FxRobot robot)
            throws Exception {
        robot.interact(() -> view.showDetail(new RunDetailViewModel(
                shell.context(workspace, executor), finished.id())));

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("." + DagView.NODE_CLASS)
                .queryAll().size() == 2);
        LogView log = robot.lookup("#" + RunDetailView.LOG_ID).queryAs(LogView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> log.lineCount() == 1);
        assertEquals("loaded 150 rows", log.line(0));
        assertTrue(robot.lookup("#" + RunDetailView.STOP_ID).queryAs(MenuButton.class)
                .isDisabled());
        assertEquals(finished.name(), robot.lookup("#" + RunDetailView.TITLE_ID)
                .queryAs(Label.class).getText());
    }

    private boolean tablePolling(FxRobot robot) {
        boolean[] polling = new boolean[1];
        robot.interact(() -> polling[0] = model.livePage().isPolling());
        return polling[0];
    }

    @Test
    void theTableIsNotFetchedAgainWhileARunsDetailCoversIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> tablePolling(robot));

        robot.interact(() -> view.showDetail(new RunDetailViewModel(
                shell.context(workspace, executor), finished.id())));
        boolean pollingUnderTheDetail = tablePolling(robot);
        robot.clickOn("#" + RunsView.BACK_ID);

        assertFalse(pollingUnderTheDetail);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> tablePolling(robot));
    }

    @Test
    void aRunsDetailFollowsNothingWhileTheScreenIsHidden(FxRobot robot) throws Exception {
        PipelineRun running = workspace.addRun(workspace.addPipeline("live"), "running-run",
                ExecutionStatus.RUNNING);
        workspace.steps.put(running.id(), List.of(
                RunsWorkspace.step(running.id(), "train", ExecutionStatus.RUNNING)));
        RunDetailViewModel detail = new RunDetailViewModel(shell.context(workspace, executor),
                running.id());
        robot.interact(() -> view.showDetail(detail));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> detail.runProperty().get() != null);

        boolean[] following = new boolean[2];
        robot.interact(() -> {
            view.pauseLiveUpdates();
            following[0] = detail.isFollowing();
            view.resumeLiveUpdates();
            following[1] = detail.isFollowing();
        });

        assertFalse(following[0], "hidden, the detail fetches nothing");
        assertTrue(following[1], "shown again, it follows the run again");
        assertFalse(tablePolling(robot), "the table under the detail stays paused");
    }

    @Test
    void aRunningRunsDurationCountsUpBetweenFetches(FxRobot robot) throws Exception {
        // Started a few seconds ago, so its duration reads in tenths of a second.
        workspace.runs.add(RunsWorkspace.run(UUID.randomUUID(), "counting",
                Instant.now().minusSeconds(5), ExecutionStatus.RUNNING,
                workspace.addPipeline("live"), "orchestrator-1"));
        robot.interact(view::refresh);
        TableView<?> table = robot.lookup("#" + RunsView.TABLE_ID).queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.liveProperty().get()
                && !durationShown(robot).isEmpty());
        String first = durationShown(robot);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !durationShown(robot).equals(first));

        assertEquals("counting", ((PipelineRun) table.getItems().get(0)).name());
    }

    @Test
    void aLongRunNameKeepsItsEndWhereRunsDiffer(FxRobot robot) throws Exception {
        String longName = "training_pipeline-2026_12_04-22_14_48_442211";
        workspace.runs.add(RunsWorkspace.run(UUID.randomUUID(), longName, Instant.now(),
                ExecutionStatus.COMPLETED, workspace.addPipeline("training_pipeline"), null));
        robot.interact(view::refresh);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> nameShown(robot, longName) != null);
        WaitForAsyncUtils.waitForFxEvents();

        String shown = nameShown(robot, longName);

        assertTrue(shown.length() < longName.length(), "the column is narrower than " + shown);
        assertTrue(shown.startsWith("training_pipe"), shown);
        assertTrue(shown.endsWith("442211"), shown);
    }

    /** The text drawn in the Run cell of the run {@code name}; null while there is none. */
    private static String nameShown(FxRobot robot, String name) {
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(cell -> cell.getTableColumn() != null
                        && "Run".equals(cell.getTableColumn().getText())
                        && name.equals(cell.getText()))
                .map(cell -> cell.lookup(".text"))
                .filter(Text.class::isInstance)
                .map(text -> ((Text) text).getText())
                .findFirst().orElse(null);
    }

    /** The Duration cell of the "counting" run's row, as drawn; empty until there is one. */
    private String durationShown(FxRobot robot) {
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(cell -> cell.getTableColumn() != null
                        && "Duration".equals(cell.getTableColumn().getText())
                        && cell.getTableRow() != null && cell.getTableRow().getItem() != null
                        && "counting".equals(((PipelineRun) cell.getTableRow().getItem()).name()))
                .map(cell -> cell.getText() == null ? "" : cell.getText())
                .findFirst().orElse("");
    }

    @Test
    void backReturnsToTheTable(FxRobot robot) throws Exception {
        robot.interact(() -> view.showDetail(new RunDetailViewModel(
                shell.context(workspace, executor), finished.id())));

        robot.clickOn("#" + RunsView.BACK_ID);

        assertTrue(robot.lookup("#" + RunsView.TABLE_ID).tryQuery().isPresent());
        assertTrue(robot.lookup("#" + RunDetailView.TITLE_ID).tryQuery().isEmpty());
    }
}
