package dev.snapdeck.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;

import javafx.scene.control.Label;
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

import dev.snapdeck.SnapdeckHome;

/** A connections file that cannot be read: the window still opens, on the local server. */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class DashboardBrokenProfilesTest {

    private static final String BROKEN = "{\"active\": \"team\", \"profiles\": [ {\"name\": ";

    @TempDir
    static Path folder;
    private static DashboardOnLocalServer dashboard;
    private static SnapdeckHome home;
    private DashboardApp app;

    @BeforeAll
    static void startServer() throws Exception {
        dashboard = new DashboardOnLocalServer(folder).start();
        home = dashboard.home;
        Files.createDirectories(home.root());
        Files.writeString(home.profiles(), BROKEN);
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

    @Test
    void opensOnTheLocalServerAndSaysWhichFileItCouldNotRead(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.workspace() != null);
        Label message = robot.lookup("#" + MainView.BANNER_MESSAGE_ID).queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> message.getText().contains("The local server is used"));

        assertTrue(app.workspace().connection().local());
        assertTrue(robot.lookup("#" + MainView.BANNER_ID).query().isVisible());
        assertTrue(message.getText().contains(home.profiles().toString()), message.getText());
        assertEquals(BROKEN, Files.readString(home.profiles()), "the file is left as it was");
    }
}
