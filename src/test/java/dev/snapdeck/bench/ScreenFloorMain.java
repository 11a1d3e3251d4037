package dev.snapdeck.bench;

import java.nio.file.Path;
import java.util.List;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import atlantafx.base.theme.PrimerLight;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The start-up floor: the Snapshots screen's kinds of controls (themed sidebar of toggle buttons
 * with icons, a search field and buttons, a seven-column table with one row, a details form, a
 * pager and a status bar), built from constants with none of Snapdeck's code, no server and no
 * data to fetch. What this costs over {@link BareWindowMain} is what JavaFX and the chosen
 * libraries charge for such a screen on this machine, before the dashboard does anything of its
 * own. Writes args[0] once the table has been drawn with its row.
 */
public final class ScreenFloorMain {

    // A main class that extends Application needs JavaFX on the module path; this one does not.
    public static final class App extends Application {

        @Override
        public void start(Stage stage) {
            new ScreenFloorMain().show(stage);
        }
    }

    private static final List<String> COLUMNS = List.of("Name", "Pipeline", "Stack", "Runnable",
            "Latest run", "Created", "By");
    private static final List<String> ROW = List.of("iris-ready", "training_pipeline", "default",
            "yes", "completed", "2026-12-04 18:44", "admin");

    private static Path ready;

    public static void main(String[] args) {
        ready = Path.of(args[0]);
        Application.launch(App.class, args);
    }

    void show(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        TableView<List<String>> table = table();
        SplitPane screen = new SplitPane(new BorderPane(table, header(), null, pager(), null),
                details());
        SplitPane main = new SplitPane(sidebar(), screen);
        main.setDividerPositions(0.15);
        BorderPane root = new BorderPane(main, null, null, statusBar(), null);
        stage.setScene(new Scene(root, 1200, 760));
        stage.show();
        writeReadyOnceDrawn(ready);
    }

    static TableView<List<String>> table() {
        TableView<List<String>> table = new TableView<>(FXCollections.observableArrayList(
                List.<List<String>>of(ROW)));
        for (int i = 0; i < COLUMNS.size(); i++) {
            int index = i;
            TableColumn<List<String>, String> column = new TableColumn<>(COLUMNS.get(i));
            column.setCellValueFactory(row -> new SimpleStringProperty(row.getValue().get(index)));
            table.getColumns().add(column);
        }
        return table;
    }

    private static Node header() {
        TextField search = new TextField();
        search.setPromptText("Search snapshots (Ctrl+F)");
        HBox.setHgrow(search, Priority.ALWAYS);
        return new HBox(8, new Label("Snapshots"), search,
                new Button("Run…", new FontIcon(Feather.PLAY)),
                new Button("New Snapshot…", new FontIcon(Feather.PLUS)),
                new Button("Delete", new FontIcon(Feather.TRASH_2)),
                new Button(null, new FontIcon(Feather.REFRESH_CW)));
    }

    private static Node pager() {
        return new HBox(8, new Label("Snapshots 1–1 of 1"),
                new Button(null, new FontIcon(Feather.CHEVRON_LEFT)),
                new Button(null, new FontIcon(Feather.CHEVRON_RIGHT)));
    }

    private static Node details() {
        GridPane form = new GridPane();
        form.addRow(0, new Label("Name"), new TextField());
        form.addRow(1, new Label("Description"), new TextArea());
        form.addRow(2, new Label("Tags"), new TextField());
        return new VBox(8, new Label("Details"), form,
                new Button("Save", new FontIcon(Feather.CHECK)));
    }

    private static Node sidebar() {
        VBox sidebar = new VBox(4, new Label("Snapdeck", new FontIcon(Feather.APERTURE)));
        for (Feather icon : List.of(Feather.CAMERA, Feather.GIT_MERGE, Feather.ACTIVITY)) {
            ToggleButton item = new ToggleButton(icon.name(), new FontIcon(icon));
            item.setMaxWidth(Double.MAX_VALUE);
            sidebar.getChildren().add(item);
        }
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        sidebar.getChildren().addAll(spacer, new Button("Connect…", new FontIcon(Feather.LINK)),
                new Button("Dark theme", new FontIcon(Feather.MOON)));
        return sidebar;
    }

    private static Node statusBar() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new HBox(8, new Label("http://127.0.0.1:8237", new FontIcon(Feather.SHARE_2)),
                new Label("v0.1.0"), new Label("local"), spacer, new Label("admin"),
                new Label("Can run snapshots", new FontIcon(Feather.PLAY)));
    }

    /**
     * The first pulse renders the window; the second begins once it has been drawn, as the
     * dashboard's ready file waits for the pulse after the one that drew its rows.
     */
    static void writeReadyOnceDrawn(Path ready) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) {
                    return;
                }
                stop();
                ReadyFile.write(ready);
            }
        }.start();
    }
}
