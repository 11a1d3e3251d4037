package dev.snapdeck.ui.shell;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import dev.snapdeck.SnapdeckHome;

/** The dashboard's JavaFX application. */
public final class DashboardApp extends Application {

    @Override
    public void start(Stage stage) {
        Label server = new Label("Snapdeck will use the local server in "
                + SnapdeckHome.resolve().server());
        server.setId("serverLabel");
        stage.setTitle("Snapdeck");
        stage.setScene(new Scene(new StackPane(server), 960, 640));
        stage.show();
    }
}
