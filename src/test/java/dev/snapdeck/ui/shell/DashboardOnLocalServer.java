package dev.snapdeck.ui.shell;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.stage.Stage;

import org.testfx.util.WaitForAsyncUtils;

import dev.snapdeck.SnapdeckHome;
import dev.snapdeck.testing.TestLocalServer;

/**
 * The real dashboard on a real local server, in temporary folders, for TestFX tests: one server
 * for a test class ({@link #start()} in {@code @BeforeAll}, {@link #close()} in {@code @AfterAll}),
 * one app per test ({@link #open} in {@code @Start}, {@link #closeApp()} in {@code @AfterEach}).
 * Window and theme go to a preferences node of its own, never the user's.
 */
final class DashboardOnLocalServer {

    final TestLocalServer server;
    final SnapdeckHome home;
    private final Preferences node = Preferences.userRoot()
            .node("dev/snapdeck/test/" + UUID.randomUUID());
    private DashboardApp app;

    DashboardOnLocalServer(Path folder) {
        this.server = new TestLocalServer(folder.resolve("server"));
        this.home = new SnapdeckHome(folder.resolve("home"));
    }

    /** Starts the server and makes it the one the dashboard falls back to. */
    DashboardOnLocalServer start() throws Exception {
        server.start();
        DashboardApp.setLocalServerLauncher(server);
        DashboardApp.setHome(home);
        return this;
    }

    DashboardApp open(Stage stage) {
        app = new DashboardApp(new ShellPreferences(node));
        app.start(stage);
        return app;
    }

    void closeApp() throws Exception {
        WaitForAsyncUtils.asyncFx(app::stop).get(10, TimeUnit.SECONDS);
    }

    void close() throws BackingStoreException {
        server.close();
        DashboardApp.setLocalServerLauncher(null);
        DashboardApp.setHome(null);
        node.removeNode();
    }
}
