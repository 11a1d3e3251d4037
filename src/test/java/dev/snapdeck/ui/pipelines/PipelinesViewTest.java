package dev.snapdeck.ui.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.ui.runs.RunsWorkspace;
import dev.snapdeck.ui.testing.FakeShell;

@ExtendWith(ApplicationExtension.class)
class PipelinesViewTest {

    private final RunsWorkspace workspace = new RunsWorkspace();
    private final BackgroundExecutor executor = BackgroundExecutor.create(Platform::runLater);

    @Start
    void start(Stage stage) {
        Pipeline training = workspace.addPipeline("training");
        workspace.addPipeline("scoring");
        workspace.addRun(training, "t-1", ExecutionStatus.COMPLETED);
        workspace.addRun(training, "t-2", ExecutionStatus.RUNNING);
        PipelinesView view = new PipelinesView(new PipelinesViewModel(
                new FakeShell().context(workspace, executor)));
        stage.setScene(new Scene(view, 1000, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void searchingByNameNarrowsTheTable(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#" + PipelinesView.TABLE_ID).queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 2);

        robot.clickOn("#searchField").write("scor").type(javafx.scene.input.KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        assertEquals("scoring", ((PipelineRow) table.getItems().get(0)).name());
    }

    @Test
    void selectingAPipelineListsItsRuns(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#" + PipelinesView.TABLE_ID).queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 2);

        robot.interact(() -> table.getSelectionModel().select(1));

        TableView<?> runs = robot.lookup("#" + PipelinesView.RUNS_ID).queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> runs.getItems().size() == 2);
        assertEquals("training", robot.lookup("#" + PipelinesView.DETAIL_TITLE_ID)
                .queryAs(Label.class).getText());
    }

    @Test
    void theDetailListsSayWhatToDoBeforeAPipelineIsSelected(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#" + PipelinesView.TABLE_ID).queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        TableView<?> runs = robot.lookup("#" + PipelinesView.RUNS_ID).queryAs(TableView.class);
        String before = ((Label) runs.getPlaceholder()).getText();

        robot.interact(() -> table.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("Select a pipeline to see its runs", before);
        assertEquals("scoring", robot.lookup("#" + PipelinesView.DETAIL_TITLE_ID)
                .queryAs(Label.class).getText());
        assertEquals("No runs of this pipeline yet", ((Label) runs.getPlaceholder()).getText());
    }
}
