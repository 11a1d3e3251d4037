package dev.snapdeck.ui.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.prefs.Preferences;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;

import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.ui.controls.DagEdge;
import dev.snapdeck.ui.controls.DagNode;
import dev.snapdeck.ui.controls.DagView;
import dev.snapdeck.ui.controls.LogView;
import dev.snapdeck.ui.editor.CompletionItem;
import dev.snapdeck.ui.editor.EditorMarker;
import dev.snapdeck.ui.editor.YamlEditor;
import dev.snapdeck.ui.shell.BannerModel;
import dev.snapdeck.ui.shell.MainView;
import dev.snapdeck.ui.shell.MainViewModel;
import dev.snapdeck.ui.shell.Screen;
import dev.snapdeck.ui.shell.ShellPreferences;
import dev.snapdeck.ui.shell.Theme;

/**
 * Throwaway demo, not shipped: the shell with the editor, a DAG and a long log filled with sample
 * data, to look at the controls. Arguments: {@code runs} to open on Runs, {@code dark} for the
 * dark theme, {@code search} to search the log after a few seconds. Run with {@code java -cp target/classes:target/test-classes:<deps> ...Launcher}.
 */
public final class DashboardDemo extends Application {

    private static final String YAML = String.join("\n",
            "# Run configuration for training_pipeline",
            "---",
            "enable_cache: false",
            "run_name: \"nightly-{date}\"",
            "parameters:",
            "  dataset: iris.csv",
            "  epochs: ten",
            "steps:",
            "  load_data:",
            "    parameters:",
            "      test_fraction: 1.5",
            "  train_model:",
            "    parameters: &train",
            "      model_type: logreg",
            "      learning_rate: 1e-3",
            "      verbose: true",
            "  evaluate:",
            "    parameters: *train",
            "    settings:",
            "      resources: {cpu_count: 2, memory: null}",
            "");

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "demo-background");
        thread.setDaemon(true);
        return thread;
    });

    /** Plain main class, so JavaFX starts from the class path. */
    public static final class Launcher {
        public static void main(String[] args) {
            Application.launch(DashboardDemo.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        MainViewModel viewModel = new MainViewModel(new ShellPreferences(
                Preferences.userRoot().node("dev/snapdeck/demo")));
        viewModel.themeProperty().set(args.contains("dark") ? Theme.DARK : Theme.LIGHT);
        Map<Screen, Supplier<Node>> screens = Map.of(Screen.SNAPSHOTS, this::editor,
                Screen.RUNS, this::runDetail);
        MainView view = new MainView(viewModel, screens);
        fillStatus(viewModel);
        if (args.contains("runs")) {
            viewModel.showScreen(Screen.RUNS);
        }
        stage.setTitle("Snapdeck demo");
        stage.setScene(new Scene(view, 1360, 860));
        stage.show();
    }

    private final BackgroundExecutor logWork = BackgroundExecutor.create(Platform::runLater);

    @Override
    public void stop() {
        background.shutdownNow();
        logWork.close();
    }

    private static void fillStatus(MainViewModel viewModel) {
        viewModel.statusBar().serverUrlProperty().set("http://127.0.0.1:8237");
        viewModel.statusBar().serverVersionProperty().set("0.91.0");
        viewModel.statusBar().userProperty().set("admin");
        viewModel.statusBar().canRunSnapshotsProperty().set(true);
        viewModel.banner().show(BannerModel.Severity.WARNING,
                "Server unreachable — reconnecting… (demo banner)");
    }

    private Node editor() {
        YamlEditor editor = new YamlEditor(background);
        editor.setText(YAML);
        editor.setMarkers(List.of(
                new EditorMarker(EditorMarker.Severity.ERROR, 7, 11, 7, 14,
                        "epochs must be an integer, got 'ten'"),
                new EditorMarker(EditorMarker.Severity.WARNING, 11, 22, 11, 25,
                        "test_fraction must be at most 0.9"),
                new EditorMarker(EditorMarker.Severity.INFO, 3, 1, 3, 13,
                        "enable_cache overrides the snapshot's setting")));
        editor.setCompletionProvider(p -> List.of(
                new CompletionItem("enable_cache", "enable_cache: ", "boolean"),
                new CompletionItem("run_name", "run_name: ", "string")));
        return editor;
    }

    private Node runDetail() {
        DagView dag = new DagView();
        dag.setGraph(List.of(
                new DagNode("load", "load_data", "completed"),
                new DagNode("split", "split_data", "cached"),
                new DagNode("features", "build_features", "completed"),
                new DagNode("train", "train_model", "running"),
                new DagNode("tune", "tune_hyperparameters", "failed"),
                new DagNode("evaluate", "evaluate", "initializing"),
                new DagNode("report", "report", "skipped"),
                new DagNode("export", "export_model", "stopped")),
                List.of(new DagEdge("load", "split"), new DagEdge("load", "features"),
                        new DagEdge("split", "train"), new DagEdge("features", "train"),
                        new DagEdge("split", "tune"), new DagEdge("train", "evaluate"),
                        new DagEdge("tune", "evaluate"), new DagEdge("evaluate", "report"),
                        new DagEdge("train", "export")));
        dag.selectedNodeIdProperty().set("train");

        LogView log = new LogView(logWork);
        background.execute(() -> {
            for (int batch = 0; batch < 200; batch++) {
                List<String> lines = new ArrayList<>();
                for (int i = 0; i < 1_000; i++) {
                    int n = batch * 1_000 + i;
                    lines.add(String.format(Locale.ROOT, "2026-12-04 13:%02d:%02d INFO  "
                            + "train_model epoch %d batch %d loss=%.4f", n / 6000 % 60,
                            n / 100 % 60, n / 1000, n % 1000, 1.0 / (1 + n / 1000.0)));
                }
                log.appendLines(lines);
            }
        });
        if (getParameters().getRaw().contains("search")) {
            // Searching once the producer is about done shows the highlighting.
            javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(
                    javafx.util.Duration.seconds(4));
            later.setOnFinished(e -> log.search("batch 99"));
            later.play();
        }
        SplitPane split = new SplitPane(dag, log);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        return split;
    }
}
