package dev.snapdeck.ui.shell;

import java.nio.file.Path;
import java.util.prefs.Preferences;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import dev.snapdeck.InProcessLocalServer;
import dev.snapdeck.Logging;
import dev.snapdeck.SnapdeckHome;
import dev.snapdeck.bench.ReadyFile;
import dev.snapdeck.ui.snapshots.SnapshotsView;

/**
 * The start-up benchmark's dashboard: the real app, started as {@code snapdeck} starts it with no
 * connection configured (its own local server, in process, on the data folder args[1]), with
 * profiles in args[2]; writes args[0] once the Snapshots table shows a row.
 */
public final class DashboardStartMain {

    // A main class that extends Application needs JavaFX on the module path; this one does not.
    public static final class App extends Application {

        @Override
        public void start(Stage stage) {
            new DashboardStartMain().show(stage);
        }
    }


    private static Path ready;

    public static void main(String[] args) {
        // As Main does it: the dashboard's log file (in the data folder SNAPDECK_HOME names, when
        // set), read while everything else starts.
        Logging.useDashboardConfiguration();
        Logging.configureInBackground();
        ready = Path.of(args[0]);
        SnapdeckHome home = new SnapdeckHome(Path.of(args[2]));
        DashboardApp.startLocalServerEarly(new InProcessLocalServer(Path.of(args[1])), home);
        DashboardApp.setHome(home);
        Application.launch(App.class, args);
    }

    void show(Stage stage) {
        DashboardApp app = new DashboardApp(new ShellPreferences(Preferences.userRoot()
                .node("dev/snapdeck/bench")));
        app.start(stage);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                Object table = stage.getScene().lookup("#" + SnapshotsView.TABLE_ID);
                if (table instanceof TableView && !((TableView<?>) table).getItems().isEmpty()) {
                    stop();
                    ReadyFile.write(ready);
                }
            }
        }.start();
    }
}
