package dev.snapdeck.ui.snapshots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import dev.snapdeck.api.Snapshot;
import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.ui.shell.DialogService;
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

@ExtendWith(ApplicationExtension.class)
class SnapshotsViewTest {

    private final FakeWorkspace workspace = new FakeWorkspace();
    private final FakeShell shell = new FakeShell();
    private final Snapshot prod = workspace.add(FakeWorkspace.snapshot("prod-training",
            FakeWorkspace.SERVER_VERSION));
    private final Snapshot old = workspace.add(FakeWorkspace.snapshot("old-training",
            "0.80.0"));
    private BackgroundExecutor executor;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        executor = BackgroundExecutor.create(Platform::runLater);
        SnapshotsView view = new SnapshotsView(new SnapshotsViewModel(
                shell.context(workspace, executor)));
        stage.setScene(new Scene(view, 1100, 600));
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

    @SuppressWarnings("unchecked")
    private TableView<SnapshotRow> table(FxRobot robot) {
        return robot.lookup("#" + SnapshotsView.TABLE_ID).queryAs(TableView.class);
    }

    @Test
    void listsSnapshotsAndMarksTheOneFromAnotherServerVersion(FxRobot robot) throws Exception {
        waitFor(() -> table(robot).getItems().size() == 2);

        robot.interact(() -> table(robot).getSelectionModel().clearAndSelect(1));
        waitFor(() -> robot.lookup("#" + SnapshotsView.DETAIL_WARNING_ID).queryAs(Label.class)
                .isVisible());

        assertTrue(robot.lookup("." + SnapshotsView.OTHER_VERSION_CLASS).tryQuery().isPresent());
        assertTrue(robot.lookup("#" + SnapshotsView.DETAIL_WARNING_ID).queryAs(Label.class)
                .getText().contains("0.80.0"));
    }

    @Test
    void cancellingKeepsTheEditedRowSelectedInTheTable(FxRobot robot) throws Exception {
        waitFor(() -> table(robot).getItems().size() == 2);
        robot.interact(() -> table(robot).getSelectionModel().clearAndSelect(0));
        String first = table(robot).getItems().get(0).name();
        TextField name = robot.lookup("#" + SnapshotsView.NAME_FIELD_ID).queryAs(TextField.class);
        waitFor(() -> first.equals(name.getText()));
        robot.interact(() -> name.setText("renamed"));
        shell.unsavedAnswers.add(DialogService.Unsaved.KEEP_EDITING);

        robot.clickOn(table(robot).getItems().get(1).name());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, shell.questions.size());
        assertEquals(List.of(0), List.copyOf(table(robot).getSelectionModel().getSelectedIndices()));
        assertEquals("renamed", name.getText());
    }

    @Test
    void savingFirstSavesThenSelectsTheRowClicked(FxRobot robot) throws Exception {
        waitFor(() -> table(robot).getItems().size() == 2);
        robot.interact(() -> table(robot).getSelectionModel().clearAndSelect(0));
        Snapshot first = table(robot).getItems().get(0).snapshot();
        String second = table(robot).getItems().get(1).name();
        TextField name = robot.lookup("#" + SnapshotsView.NAME_FIELD_ID).queryAs(TextField.class);
        waitFor(() -> first.name().equals(name.getText()));
        robot.interact(() -> name.setText("renamed"));
        shell.unsavedAnswers.add(DialogService.Unsaved.SAVE);

        robot.clickOn(second);
        waitFor(() -> second.equals(name.getText()));

        assertEquals("renamed", workspace.find(first.id()).orElseThrow().name());
        assertEquals(second, table(robot).getSelectionModel().getSelectedItem().name());
        assertEquals(1, table(robot).getSelectionModel().getSelectedItems().size());
    }

    @Test
    void refreshKeepsTheEditsInTheDetailPane(FxRobot robot) throws Exception {
        waitFor(() -> table(robot).getItems().size() == 2);
        robot.interact(() -> table(robot).getSelectionModel().clearAndSelect(1));
        String second = table(robot).getItems().get(1).name();
        TextField name = robot.lookup("#" + SnapshotsView.NAME_FIELD_ID).queryAs(TextField.class);
        waitFor(() -> second.equals(name.getText()));
        robot.interact(() -> name.setText("renamed"));
        workspace.add(FakeWorkspace.snapshot("nightly", FakeWorkspace.SERVER_VERSION));

        robot.clickOn("#" + SnapshotsView.REFRESH_BUTTON_ID);
        waitFor(() -> table(robot).getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("renamed", name.getText());
        assertEquals(second, table(robot).getSelectionModel().getSelectedItem().name());
        assertEquals(List.of(), shell.questions);
    }

    @Test
    void runOpensRunSnapshotForTheSelectedRow(FxRobot robot) throws Exception {
        waitFor(() -> table(robot).getItems().size() == 2);
        robot.interact(() -> table(robot).getSelectionModel().clearAndSelect(0));

        robot.clickOn("#" + SnapshotsView.RUN_BUTTON_ID);

        assertEquals(List.of("runSnapshot " + table(robot).getItems().get(0).snapshot().id()),
                shell.navigation);
    }

    @Test
    void deleteAsksOnceForSeveralRows(FxRobot robot) throws Exception {
        waitFor(() -> table(robot).getItems().size() == 2);
        robot.interact(() -> table(robot).getSelectionModel().selectAll());
        shell.answers.add(true);

        robot.clickOn("#" + SnapshotsView.DELETE_BUTTON_ID);
        waitFor(() -> table(robot).getItems().isEmpty());

        assertEquals(1, shell.questions.size());
        assertTrue(workspace.all().isEmpty());
    }
}
