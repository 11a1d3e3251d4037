package dev.snapdeck.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

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

import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.testing.TestLocalServer;
import dev.snapdeck.ui.runs.RunsView;

/** The real dashboard against a real local server on loopback, in temporary folders. */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class DashboardAppTest {

    @TempDir
    static Path folder;
    private static DashboardOnLocalServer dashboard;
    private static TestLocalServer server;
    private static UUID snapshotId;
    private DashboardApp app;

    @BeforeAll
    static void startServer() throws Exception {
        dashboard = new DashboardOnLocalServer(folder).start();
        server = dashboard.server;
        snapshotId = server.snapshotOfExample("iris-ready");
    }

    @Start
    void start(Stage stage) {
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

    private void awaitConnected() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.workspace() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void opensOnSnapshotsConnectedToTheLocalServer(FxRobot robot) throws Exception {
        awaitConnected();

        assertEquals(Screen.SNAPSHOTS, app.shell().view().currentScreen() == null ? null
                : Screen.SNAPSHOTS);
        assertEquals(server.url(), robot.lookup("#" + MainView.STATUS_SERVER_ID)
                .queryAs(Label.class).getText());
        assertEquals("local", robot.lookup("#" + MainView.STATUS_MODE_ID)
                .queryAs(Label.class).getText());
        assertEquals("admin", robot.lookup("#" + MainView.STATUS_USER_ID)
                .queryAs(Label.class).getText());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".table-row-cell")
                .lookup((Label label) -> "iris-ready".equals(label.getText())).tryQuery()
                .isPresent() || robot.lookup("iris-ready").tryQuery().isPresent());
    }

    @Test
    void runsShowARunGoingToCompletedLive(FxRobot robot) throws Exception {
        awaitConnected();
        robot.clickOn("#navRuns");
        PipelineRun run = app.workspace().triggerRun(snapshotId, null);

        @SuppressWarnings("unchecked")
        TableView<PipelineRun> table = robot.lookup("#" + RunsView.TABLE_ID)
                .queryAs(TableView.class);
        Label error = robot.lookup("#" + RunsView.ERROR_ID).queryAs(Label.class);
        dev.snapdeck.ui.testing.Eventually.await("the run in the table", java.time.Duration
                .ofSeconds(15), () -> table.getItems().stream()
                .anyMatch(r -> r.id().equals(run.id())) || failWith(error, table));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().stream()
                .anyMatch(r -> r.id().equals(run.id())
                        && ExecutionStatus.COMPLETED.equals(r.status())));

        assertTrue(robot.lookup("#" + RunsView.PAGE_TEXT_ID).queryAs(Label.class).getText()
                .startsWith("Runs 1–"));
    }

    private static boolean failWith(Label error, TableView<PipelineRun> table) {
        org.slf4j.LoggerFactory.getLogger(DashboardAppTest.class).info("error '{}' rows {}",
                error.getText(), table.getItems().size());
        return false;
    }

    @Test
    void showsTheBannerWhileTheServerIsAwayAndRecovers(FxRobot robot) throws Exception {
        awaitConnected();
        Label message = robot.lookup("#" + MainView.BANNER_MESSAGE_ID).queryAs(Label.class);

        server.close();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> message.isVisible() && message.getText().startsWith("Cannot reach"));
        assertEquals("Cannot reach " + server.url() + " — reconnecting…", message.getText());

        server.start();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> !robot.lookup("#" + MainView.BANNER_ID).query().isVisible());
        assertFalse(robot.lookup("#" + MainView.BANNER_ID).query().isVisible());
    }
}
