package dev.snapdeck.bench;

import java.nio.file.Path;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import atlantafx.base.theme.PrimerLight;

/**
 * The smallest part of the start-up floor: the themed seven-column table of
 * {@link ScreenFloorMain} with its one row and nothing around it. A populated Snapshots view
 * cannot cost less than this, whatever the dashboard does. Writes args[0] once the table has been
 * drawn with its row.
 */
public final class TableFloorMain {

    // A main class that extends Application needs JavaFX on the module path; this one does not.
    public static final class App extends Application {

        @Override
        public void start(Stage stage) {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            stage.setScene(new Scene(ScreenFloorMain.table(), 1200, 760));
            stage.show();
            ScreenFloorMain.writeReadyOnceDrawn(ready);
        }
    }

    private static Path ready;

    private TableFloorMain() {
    }

    public static void main(String[] args) {
        ready = Path.of(args[0]);
        Application.launch(App.class, args);
    }
}
