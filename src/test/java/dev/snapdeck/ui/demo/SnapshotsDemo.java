package dev.snapdeck.ui.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.prefs.Preferences;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.server.LocalServer;
import dev.snapdeck.server.ServerOptions;
import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.service.ConnectionProfile;
import dev.snapdeck.service.Connector;
import dev.snapdeck.service.FileSecretStore;
import dev.snapdeck.service.ProfileStore;
import dev.snapdeck.service.Workspace;
import dev.snapdeck.ui.editor.RunSnapshotView;
import dev.snapdeck.ui.editor.RunSnapshotViewModel;
import dev.snapdeck.ui.shell.AppContext;
import dev.snapdeck.ui.shell.MainView;
import dev.snapdeck.ui.shell.MainViewModel;
import dev.snapdeck.ui.shell.Navigator;
import dev.snapdeck.ui.shell.Screen;
import dev.snapdeck.ui.shell.ShellPreferences;
import dev.snapdeck.ui.shell.Theme;
import dev.snapdeck.ui.snapshots.NewSnapshotDialog;
import dev.snapdeck.ui.snapshots.NewSnapshotViewModel;
import dev.snapdeck.ui.snapshots.SnapshotsView;
import dev.snapdeck.ui.snapshots.SnapshotsViewModel;
import dev.snapdeck.ui.testing.FakeShell;

import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Test-only demo, not shipped: a real local server in a temporary folder with the example
 * pipeline, two named snapshots and a finished run, shown in the shell with the Snapshots
 * screen; Run Snapshot opens in its own window. Arguments: {@code run} opens Run Snapshot at
 * once with one parameter out of range; {@code form} or {@code changes} shows that tab; {@code dark} for the dark theme. Used for screenshots.
 */
public final class SnapshotsDemo extends Application {

    private static final String PASSWORD = "demo-pass";

    private LocalServer server;
    private Workspace workspace;
    private BackgroundExecutor executor;
    private AppContext context;
    private SnapshotsViewModel snapshots;

    /** Plain main class, so JavaFX starts from the class path. */
    public static final class Launcher {
        public static void main(String[] args) {
            Application.launch(SnapshotsDemo.class, args);
        }
    }

    @Override
    public void init() throws Exception {
        Path data = Files.createTempDirectory("snapdeck-demo");
        server = LocalServer.start(new ServerOptions(null, 0, data, null, () -> PASSWORD, null));
        ProfileStore profiles = new ProfileStore(data.resolve("profiles.json"),
                new FileSecretStore(data.resolve("secrets.json")));
        workspace = new Connector(profiles, null, reason -> Optional.empty()).connect(
                new ConnectionProfile("local", server.url().toString(),
                        ConnectionProfile.SignIn.PASSWORD, "admin"), PASSWORD);
        UUID first = folderSnapshot();
        PipelineRun run = workspace.triggerRun(first, null);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (workspace.run(run.id()).inProgress() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        workspace.snapshotFromRun(run.id(), "iris-nightly", "Nightly retraining on iris.",
                List.of("nightly", "iris"), false);
        UUID second = folderSnapshot();
        workspace.updateSnapshot(second, new dev.snapdeck.api.SnapshotUpdate()
                .name("iris-centroid").description("Nearest-centroid baseline.")
                .addTag("baseline"));
    }

    private UUID folderSnapshot() throws Exception {
        OkHttpClient http = new OkHttpClient();
        ObjectMapper json = new ObjectMapper();
        String token;
        try (Response response = http.newCall(new Request.Builder()
                .url(server.url() + "/api/v1/login").post(new FormBody.Builder()
                        .add("username", "admin").add("password", PASSWORD).build())
                .build()).execute()) {
            token = json.readTree(response.body().string()).get("access_token").asText();
        }
        try (Response response = http.newCall(new Request.Builder()
                .url(server.url() + "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots")
                .header("Authorization", "Bearer " + token)
                .post(RequestBody.create("{}", MediaType.get("application/json"))).build())
                .execute()) {
            return UUID.fromString(json.readTree(response.body().string()).get("id").asText());
        }
    }

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        executor = BackgroundExecutor.create(Platform::runLater);
        context = new AppContext(executor, new SimpleObjectProperty<>(workspace),
                new DemoNavigator(args.contains("run"),
                        args.contains("form") ? 1 : args.contains("changes") ? 2 : 0), new FakeShell());
        snapshots = new SnapshotsViewModel(context);
        MainViewModel shell = new MainViewModel(new ShellPreferences(
                Preferences.userRoot().node("dev/snapdeck/demo-snapshots")));
        shell.themeProperty().set(args.contains("dark") ? Theme.DARK : Theme.LIGHT);
        shell.setRefreshHandler(Screen.SNAPSHOTS, snapshots::refresh);
        Map<Screen, Supplier<Node>> screens = Map.of(Screen.SNAPSHOTS,
                () -> new SnapshotsView(snapshots));
        var connection = workspace.connection();
        shell.statusBar().serverUrlProperty().set(connection.url());
        shell.statusBar().serverVersionProperty().set(connection.version());
        shell.statusBar().localProperty().set(true);
        shell.statusBar().userProperty().set(connection.user().name());
        shell.statusBar().canRunSnapshotsProperty().set(connection.canRunSnapshots());
        stage.setTitle("Snapdeck");
        stage.setScene(new Scene(new MainView(shell, screens), 1400, 900));
        stage.setX(0);
        stage.setY(0);
        stage.show();
        snapshots.getSnapshots().addListener((javafx.collections.ListChangeListener<
                dev.snapdeck.ui.snapshots.SnapshotRow>) change -> {
            if (!snapshots.getSnapshots().isEmpty() && snapshots.getSelection().isEmpty()) {
                Platform.runLater(() -> snapshots.getSelection().setAll(snapshots.getSnapshots()
                        .stream().filter(row -> row.name().equals("iris-nightly")).toList()));
            }
        });
        if (args.contains("run")) {
            boolean[] opened = {false};
            snapshots.getSelection().addListener((javafx.collections.ListChangeListener<
                    dev.snapdeck.ui.snapshots.SnapshotRow>) change -> {
                if (!snapshots.getSelection().isEmpty() && !opened[0]) {
                    opened[0] = true;
                    snapshots.runSelected();
                }
            });
        }
    }

    @Override
    public void stop() {
        executor.close();
        workspace.close();
        server.close();
    }

    private final class DemoNavigator implements Navigator {

        private final boolean breakOneValue;
        private final int tab;

        DemoNavigator(boolean breakOneValue, int tab) {
            this.breakOneValue = breakOneValue;
            this.tab = tab;
        }

        @Override
        public void showSnapshots() {
            snapshots.refresh();
        }

        @Override
        public void showPipelines() {
        }

        @Override
        public void showRuns() {
        }

        @Override
        public void openRun(UUID runId) {
        }

        @Override
        public void runSnapshot(UUID snapshotId) {
            RunSnapshotViewModel viewModel = new RunSnapshotViewModel(context, snapshotId);
            RunSnapshotView view = new RunSnapshotView(viewModel);
            if (breakOneValue) {
                viewModel.templateProperty().addListener((obs, old, now) -> Platform.runLater(
                        () -> viewModel.textProperty().set(now.replace("k: 5", "k: 80")
                                .replace("model_type: knn", "model_type: nearest_centroid"))));
            }
            Stage window = new Stage();
            window.setTitle("Run snapshot");
            window.setScene(new Scene(view, 1400, 900));
            window.setX(0);
            window.setY(0);
            window.setOnHidden(e -> view.dispose());
            window.show();
            ((javafx.scene.control.TabPane) view.lookup("#" + RunSnapshotView.TABS_ID))
                    .getSelectionModel().select(tab);
        }

        @Override
        public void newSnapshotFromRun(UUID runId) {
            new NewSnapshotDialog(new NewSnapshotViewModel(context, runId)).show();
        }

        @Override
        public void newSnapshot() {
            new NewSnapshotDialog(new NewSnapshotViewModel(context, null)).show();
        }
    }
}
