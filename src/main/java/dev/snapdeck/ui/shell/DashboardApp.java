package dev.snapdeck.ui.shell;

import java.util.Map;
import java.util.function.Supplier;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import dev.snapdeck.SnapdeckHome;

/** The dashboard's JavaFX application. */
public final class DashboardApp extends Application {

    private final ShellPreferences preferences;

    public DashboardApp() {
        this(ShellPreferences.forUser());
    }

    /** For tests, which must not overwrite the user's remembered window and theme. */
    DashboardApp(ShellPreferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public void start(Stage stage) {
        MainViewModel viewModel = new MainViewModel(preferences);
        // TODO: the screens and the status bar are placeholders until the service layer exists;
        // the Snapshots screen only says which local server the dashboard would start.
        Map<Screen, Supplier<Node>> screens = Map.of(Screen.SNAPSHOTS, DashboardApp::snapshots);
        MainView view = new MainView(viewModel, screens);

        stage.setTitle("Snapdeck");
        stage.setScene(new Scene(view, 1200, 760));
        view.rememberWindow(stage);
        stage.show();
    }

    private static Node snapshots() {
        Label server = new Label("Snapdeck will use the local server in "
                + SnapdeckHome.resolve().server());
        server.setId("serverLabel");
        return new StackPane(server);
    }
}
