package dev.snapdeck.ui.snapshots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import dev.snapdeck.api.SnapshotQuery;
import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.service.ConnectionProfile;
import dev.snapdeck.service.Connector;
import dev.snapdeck.service.FileSecretStore;
import dev.snapdeck.service.ProfileStore;
import dev.snapdeck.service.Workspace;
import dev.snapdeck.testing.TestLocalServer;
import dev.snapdeck.ui.testing.FakeShell;

import atlantafx.base.theme.PrimerLight;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Snapshots table pages and searches on a real local server holding 25 named snapshots, ten
 * to a page. The two oldest are named {@code nightly-…}, so they sit on the last page unless the
 * server's name search finds them.
 */
@ExtendWith(ApplicationExtension.class)
class SnapshotsPagingTest {

    private static final int PAGE_SIZE = 10;

    @TempDir
    static Path folder;
    private static TestLocalServer server;
    private static Workspace workspace;
    private static final Set<String> made = new HashSet<>();

    private final FakeShell shell = new FakeShell();
    private BackgroundExecutor executor;

    @BeforeAll
    static void startServerWith25Snapshots() throws Exception {
        server = new TestLocalServer(folder.resolve("server"));
        server.start();
        ProfileStore profiles = new ProfileStore(folder.resolve("profiles.json"),
                new FileSecretStore(folder.resolve("secrets.json")));
        workspace = new Connector(profiles, server, reason -> Optional.empty()).connect(
                new ConnectionProfile("paging", server.url(), ConnectionProfile.SignIn.PASSWORD,
                        "admin"), TestLocalServer.PASSWORD);
        List<String> names = new ArrayList<>(List.of("nightly-a", "nightly-b"));
        for (int i = 0; i < 23; i++) {
            names.add(String.format("snap-%02d", i));
        }
        for (String name : names) {
            workspace.snapshotFromFolder("training_pipeline", name, null, null, null, false);
            made.add(name);
        }
    }

    @AfterAll
    static void stopServer() {
        workspace.close();
        server.close();
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        executor = BackgroundExecutor.create(Platform::runLater);
        SnapshotsView view = new SnapshotsView(new SnapshotsViewModel(
                shell.context(workspace, executor), PAGE_SIZE));
        stage.setScene(new Scene(view, 1100, 600));
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

    private static void waitForPageText(FxRobot robot, String text) throws Exception {
        waitFor(() -> text.equals(robot.lookup("#" + SnapshotsView.PAGE_TEXT_ID)
                .queryAs(Label.class).getText()));
    }

    @SuppressWarnings("unchecked")
    private static List<String> shownNames(FxRobot robot) {
        TableView<SnapshotRow> table = robot.lookup("#" + SnapshotsView.TABLE_ID)
                .queryAs(TableView.class);
        return table.getItems().stream().map(SnapshotRow::name).collect(Collectors.toList());
    }

    @Test
    void pagesShowTheTrueTotalAndNeitherSkipNorRepeatWhenSnapshotsArriveMeanwhile(FxRobot robot)
            throws Exception {
        waitForPageText(robot, "Snapshots 1–10 of 25");
        List<String> seen = new ArrayList<>(shownNames(robot));
        // The pages after the first are bounded by whole seconds (see the TODO in the model).
        Instant newest = workspace.snapshot(seen.get(0)).created();
        waitFor(() -> Instant.now().getEpochSecond() > newest.getEpochSecond());
        workspace.snapshotFromFolder("training_pipeline", "late-1", null, null, null, false);
        workspace.snapshotFromFolder("training_pipeline", "late-2", null, null, null, false);

        robot.clickOn("#" + SnapshotsView.NEXT_ID);
        waitForPageText(robot, "Snapshots 11–20 of 25");
        seen.addAll(shownNames(robot));
        robot.clickOn("#" + SnapshotsView.NEXT_ID);
        waitForPageText(robot, "Snapshots 21–25 of 25");
        seen.addAll(shownNames(robot));
        boolean lastPageEndsPaging = robot.lookup("#" + SnapshotsView.NEXT_ID).query().isDisabled();
        robot.clickOn("#" + SnapshotsView.REFRESH_BUTTON_ID);

        assertEquals(25, seen.size(), "no repeats: " + seen);
        assertEquals(made, new HashSet<>(seen), "no skips, and no newcomer pushed in");
        assertEquals(List.of("nightly-b", "nightly-a"), seen.subList(23, 25));
        assertTrue(lastPageEndsPaging);
        waitForPageText(robot, "Snapshots 1–10 of 27");
        assertEquals(List.of("late-2", "late-1"), shownNames(robot).subList(0, 2));
    }

    @Test
    void searchAsksTheServerSoItFindsNamesOnAnyPage(FxRobot robot) throws Exception {
        waitForPageText(robot, "Snapshots 1–10 of " + workspace.snapshots(
                new SnapshotQuery().namedOnly().size(1)).total());

        robot.clickOn("#" + SnapshotsView.SEARCH_FIELD_ID).write("NIGHTLY");

        waitForPageText(robot, "Snapshots 1–2 of 2");
        assertEquals(List.of("nightly-b", "nightly-a"), shownNames(robot));
        assertTrue(robot.lookup("#" + SnapshotsView.NEXT_ID).query().isDisabled());
    }

    @Test
    void aSearchThatFindsNothingSaysSo(FxRobot robot) throws Exception {
        robot.clickOn("#" + SnapshotsView.SEARCH_FIELD_ID).write("no-such-name").type(KeyCode.ENTER);

        waitForPageText(robot, "No snapshot names contain this");
        assertTrue(shownNames(robot).isEmpty());
    }
}
