package dev.snapdeck.bench;

import java.nio.file.Path;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The start-up baseline: a bare JavaFX window; writes args[0] once it has been drawn. */
public final class BareWindowMain {

    // A main class that extends Application needs JavaFX on the module path; this one does not.
    public static final class App extends Application {

        @Override
        public void start(Stage stage) {
            new BareWindowMain().show(stage);
        }
    }


    private static Path ready;

    public static void main(String[] args) {
        ready = Path.of(args[0]);
        Application.launch(App.class, args);
    }

    void show(Stage stage) {
        stage.setScene(new Scene(new StackPane(new Label("Snapdeck")), 1200, 760));
        stage.show();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                ReadyFile.write(ready);
            }
        }.start();
    }
}
