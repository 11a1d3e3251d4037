package dev.snapdeck.ui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import org.slf4j.LoggerFactory;

import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.service.Connector;
import dev.snapdeck.service.FileSecretStore;
import dev.snapdeck.service.ProfileStore;
import dev.snapdeck.testing.TestLocalServer;
import dev.snapdeck.ui.shell.BannerModel;
import dev.snapdeck.ui.shell.Session;
import dev.snapdeck.ui.shell.StatusBarModel;
import dev.snapdeck.ui.testing.FakeShell;

/** The Connect dialog against a real local server. */
@ExtendWith(ApplicationExtension.class)
class ConnectDialogTest {

    @TempDir
    static Path folder;
    private static TestLocalServer server;
    private BackgroundExecutor executor;
    private ProfileStore profiles;
    private Session session;
    private ConnectDialog dialog;

    @BeforeAll
    static void startServer() throws Exception {
        server = new TestLocalServer(folder.resolve("server"));
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        executor = BackgroundExecutor.create(Platform::runLater);
        profiles = new ProfileStore(folder.resolve("profiles-" + System.nanoTime() + ".json"),
                new FileSecretStore(folder.resolve("secrets-" + System.nanoTime() + ".json")));
        Connector connector = new Connector(profiles, server, reason -> Optional.empty());
        session = new Session(executor, new BannerModel(), new StatusBarModel(), new FakeShell());
        dialog = new ConnectDialog(new ConnectViewModel(executor, profiles, connector, session));
        dialog.show();
    }

    @AfterEach
    void close() {
        session.close();
        executor.close();
    }

    private void fillIn(FxRobot robot, String password) {
        robot.clickOn("#" + ConnectDialog.NAME_ID).write("team");
        robot.clickOn("#" + ConnectDialog.URL_ID).write(server.url());
        robot.clickOn("#" + ConnectDialog.USERNAME_ID).write("admin");
        robot.clickOn("#" + ConnectDialog.SECRET_ID).write(password);
    }

    @Test
    void saysWrongPasswordInTheDialog(FxRobot robot) throws Exception {
        fillIn(robot, "wrong");

        robot.clickOn("#" + ConnectDialog.CONNECT_ID);

        Label error = robot.lookup("#" + ConnectDialog.ERROR_ID).queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !error.getText().isEmpty());
        assertTrue(error.getText().contains("did not accept"), error.getText());
        assertTrue(dialog.isShowing());
        WaitForAsyncUtils.waitForFxEvents();
        double needed = WaitForAsyncUtils.asyncFx(() -> error.prefHeight(error.getWidth()))
                .get(5, TimeUnit.SECONDS);
        assertTrue(error.getHeight() >= needed - 0.5, "the message is cut: " + error.getHeight()
                + " px of the " + needed + " it needs");
    }

    @Test
    void closesAndSwitchesOnTheRightPassword(FxRobot robot) throws Exception {
        fillIn(robot, TestLocalServer.PASSWORD);

        robot.clickOn("#" + ConnectDialog.CONNECT_ID);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialog.isShowing());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> session.workspaceProperty().get() != null);
        assertEquals("team", profiles.active().orElseThrow().name());
    }

    @Test
    void asksForTheServerInfoOnceWhenConnecting(FxRobot robot) throws Exception {
        Logger requests = (Logger) LoggerFactory.getLogger("dev.snapdeck.api.RequestLogger");
        Level before = requests.getLevel();
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        requests.addAppender(seen);
        requests.setLevel(Level.DEBUG);
        try {
            fillIn(robot, TestLocalServer.PASSWORD);

            robot.clickOn("#" + ConnectDialog.CONNECT_ID);

            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> session.workspaceProperty().get() != null);
        } finally {
            requests.detachAppender(seen);
            requests.setLevel(before);
        }
        // Only this test's server: a client another test left behind may still be talking to its own.
        long infoRequests = seen.list.stream()
                .filter(event -> event.getFormattedMessage()
                        .startsWith("GET " + server.url() + "/api/v1/info "))
                .count();
        assertEquals(1, infoRequests, seen.list.toString());
    }
}
