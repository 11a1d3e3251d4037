package dev.snapdeck.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.snapdeck.SnapdeckHome;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.testing.TestLocalServer;

/**
 * Takes the README's screenshots of Snapshots, Runs, a run's detail and Pipelines from the real
 * app on a real local server. Run under an Xvfb of 1280x800:
 * {@code DISPLAY=:99 java -cp … ScreenshotMain assets/screenshots}.
 * Each picture is the whole X screen, taken with ImageMagick's {@code import -window root}.
 */
public final class ScreenshotMain {

    // A main class that extends Application needs JavaFX on the module path; this one does not.
    public static final class App extends Application {

        @Override
        public void start(Stage stage) {
            new ScreenshotMain().show(stage);
        }
    }


    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotMain.class);
    private static Path target;
    /** "1024x700" for a tour of every main view at that size; absent for the README's pictures. */
    private static String tourSize;
    private static TestLocalServer server;
    private static UUID snapshotId;
    private DashboardApp app;

    public static void main(String[] args) throws Exception {
        target = Path.of(args[0]).toAbsolutePath();
        tourSize = args.length > 1 ? args[1] : null;
        Files.createDirectories(target);
        Path work = Files.createTempDirectory("snapdeck-shots");
        server = new TestLocalServer(work.resolve("server"));
        server.start();
        snapshotId = server.snapshotOfExample("iris-ready");
        DashboardApp.setLocalServerLauncher(server);
        DashboardApp.setHome(new SnapdeckHome(work.resolve("home")));
        Application.launch(App.class, args);
    }

    void show(Stage stage) {
        app = new DashboardApp(new ShellPreferences(Preferences.userRoot()
                .node("dev/snapdeck/screenshots/" + UUID.randomUUID())));
        app.start(stage);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(tourSize == null ? 1280 : Integer.parseInt(tourSize.split("x")[0]));
        stage.setHeight(tourSize == null ? 800 : Integer.parseInt(tourSize.split("x")[1]));
        Runnable pictures = tourSize == null ? this::shoot : this::tour;
        CompletableFuture.runAsync(pictures).whenComplete((done, error) -> {
            if (error != null) {
                LOG.error("Screenshots failed", error);
            }
            Platform.runLater(() -> {
                app.stop();
                server.close();
                Platform.exit();
            });
        });
    }

    private void shoot() {
        try {
            await(() -> app.workspace() != null);
            PipelineRun first = app.workspace().triggerRun(snapshotId, null);
            await(() -> app.workspace().run(first.id()).status().isFinished());
            pause(3);
            take("snapshots.png");
            app.workspace().triggerRun(snapshotId, null);
            PipelineRun running = app.workspace().triggerRun(snapshotId, null);
            fx(() -> app.shell().showRuns());
            pause(4);
            take("runs.png");
            fx(() -> app.shell().openRun(first.id()));
            pause(3);
            take("run-detail.png");
            fx(() -> app.shell().showPipelines());
            pause(3);
            fx(() -> app.shell().view().lookup("#pipelinesTable").requestFocus());
            fx(() -> {
                var table = (javafx.scene.control.TableView<?>) app.shell().view()
                        .lookup("#pipelinesTable");
                table.getSelectionModel().select(0);
            });
            pause(2);
            take("pipelines.png");
            await(() -> app.workspace().run(running.id()).status().isFinished());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every main view once, each window in turn at the main window's size, for checking the
     * layout at a small size: {@code ScreenshotMain DIR 1024x700} under an Xvfb of that size.
     */
    private void tour() {
        try {
            await(() -> app.workspace() != null);
            PipelineRun run = app.workspace().triggerRun(snapshotId, null);
            await(() -> app.workspace().run(run.id()).status().isFinished());
            pause(3);
            take("tour-snapshots.png");
            fx(() -> app.shell().showRuns());
            pause(3);
            take("tour-runs.png");
            fx(() -> app.shell().openRun(run.id()));
            pause(3);
            take("tour-run-detail.png");
            fx(() -> app.shell().showPipelines());
            pause(3);
            take("tour-pipelines.png");
            tourRunSnapshot();
            tourDialog(() -> app.shell().newSnapshot(), "tour-new-snapshot.png");
            tourDialog(() -> app.shell().showConnect(), "tour-connect.png");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void tourRunSnapshot() throws Exception {
        fx(() -> app.shell().runSnapshot(snapshotId));
        Stage editor = app.shell().editorWindows().get(0);
        fx(() -> {
            editor.setX(0);
            editor.setY(0);
            editor.setWidth(app.shell().view().getScene().getWindow().getWidth());
            editor.setHeight(app.shell().view().getScene().getWindow().getHeight());
        });
        pause(3);
        take("tour-run-snapshot-yaml.png");
        for (int tab = 1; tab <= 2; tab++) {
            int index = tab;
            fx(() -> ((javafx.scene.control.TabPane) editor.getScene()
                    .lookup("#runSnapshotTabs")).getSelectionModel().select(index));
            pause(2);
            take(index == 1 ? "tour-run-snapshot-form.png" : "tour-run-snapshot-changes.png");
        }
        fx(editor::close);
    }

    /** Opens a modal dialog (which waits in its own loop), takes it, and closes it. */
    private static void tourDialog(Runnable open, String name) throws Exception {
        Platform.runLater(open);
        pause(3);
        take(name);
        fx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.Stage && ((Stage) w).getOwner() != null)
                .map(w -> (Stage) w).toList().forEach(Stage::close));
        pause(1);
    }

    private static void fx(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            action.run();
            done.complete(null);
        });
        done.get(10, TimeUnit.SECONDS);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out");
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private static void pause(int seconds) throws InterruptedException {
        TimeUnit.SECONDS.sleep(seconds);
    }

    private static void take(String name) throws Exception {
        Process process = new ProcessBuilder("import", "-window", "root",
                target.resolve(name).toString()).inheritIO().start();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("import failed for " + name);
        }
        LOG.info("Saved {}", target.resolve(name));
    }
}
