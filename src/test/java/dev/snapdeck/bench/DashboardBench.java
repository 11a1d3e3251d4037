package dev.snapdeck.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.snapdeck.SnapdeckHome;
import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.api.Pipeline;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.testing.TestLocalServer;
import dev.snapdeck.ui.runs.RunsView;
import dev.snapdeck.ui.runs.RunsViewModel;
import dev.snapdeck.ui.runs.RunsWorkspace;
import dev.snapdeck.ui.testing.FakeShell;

/**
 * The dashboard's speed targets, apart from the build. Run with the test class path, e.g. under
 * Xvfb ({@code DISPLAY=:99}) or headless ({@code -Dglass.platform=Monocle
 * -Dmonocle.platform=Headless -Dprism.order=sw}):
 * {@code java -cp target/classes:target/test-classes:<deps> dev.snapdeck.bench.DashboardBench}.
 *
 * <ul>
 *   <li>start-up: a child JVM from spawn to a populated Snapshots view, started as {@code Main}
 *       starts the dashboard (log file, local server and sign-in on a thread of their own while
 *       JavaFX starts), against a child JVM from spawn to a bare JavaFX window with the same class
 *       path (aim: at most 1.5x). Two more children show how much of that JavaFX and the
 *       libraries take before the dashboard does anything: {@link ScreenFloorMain}, the same
 *       kinds of controls with none of Snapdeck's code, and {@link TableFloorMain}, the themed
 *       table with its one row alone. The aim is not met and cannot be with a JavaFX table on
 *       this machine: the table alone is already 1.85x to 2x the bare window (with AtlantaFX or
 *       with JavaFX's own Modena theme alike), the whole screen 1.9x to 2.3x, and the dashboard
 *       3.3x to 3.5x, about 1.7x its floor. What the dashboard adds keeps both cores busy: of
 *       about 3.6 s of processor time, the JIT compilers take 1.5 s (mostly code that loads
 *       classes and spins lambda classes: some 8,000 classes and 1,300 lambdas, against 2,700
 *       for the bare window), the JavaFX thread 0.6 s for the window, and the local server
 *       (Jetty, SQLite) and the sign-in the rest. A class-data-sharing archive cuts every child
 *       by about 40% and leaves the ratios where they are; C1 alone ({@code
 *       -XX:TieredStopAtLevel=1}) brings the dashboard to 2.7x but slows the server and the
 *       editor for the whole session;</li>
 *   <li>a Runs table of 10,000 rows: scrolling through it and select-all, reporting the longest
 *       gap between two FX pulses against the longest gap while idle.</li>
 * </ul>
 */
public final class DashboardBench {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardBench.class);
    private static final int ROUNDS = 5;

    private DashboardBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("snapdeck-bench");
        Path data = work.resolve("server");
        try (TestLocalServer server = new TestLocalServer(data)) {
            server.start();
            server.snapshotOfExample("iris-ready");
        }
        benchStartup(work, data);
        benchBigRunsTable();
        Platform.exit();
    }

    private static void benchStartup(Path work, Path data) throws Exception {
        List<Long> bare = new ArrayList<>();
        List<Long> table = new ArrayList<>();
        List<Long> floor = new ArrayList<>();
        List<Long> dashboard = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            bare.add(child(BareWindowMain.class, work, data));
            table.add(child(TableFloorMain.class, work, data));
            floor.add(child(ScreenFloorMain.class, work, data));
            dashboard.add(child(dev.snapdeck.ui.shell.DashboardStartMain.class, work, data));
        }
        long bareBest = best(bare);
        long tableBest = best(table);
        long floorBest = best(floor);
        long dashboardBest = best(dashboard);
        LOG.info("Start-up: bare JavaFX window {} ms, dashboard to populated Snapshots {} ms "
                + "(best of {}); ratio {}", bareBest, dashboardBest, ROUNDS,
                ratio(dashboardBest, bareBest));
        LOG.info("Start-up floor: the same kinds of controls with no Snapdeck code {} ms, {} the "
                + "bare window; the dashboard is {} that floor", floorBest,
                ratio(floorBest, bareBest), ratio(dashboardBest, floorBest));
        LOG.info("Start-up floor, table alone: the themed table with its one row and nothing "
                + "else {} ms, {} the bare window", tableBest, ratio(tableBest, bareBest));
    }

    private static long best(List<Long> millis) {
        return millis.stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    private static String ratio(long what, long against) {
        return String.format("%.2fx", (double) what / against);
    }

    /** Milliseconds from spawning the child JVM until it wrote its ready file. */
    private static long child(Class<?> main, Path work, Path data) throws Exception {
        Path ready = work.resolve("ready-" + System.nanoTime());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        for (String property : List.of("glass.platform", "monocle.platform", "prism.order")) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        Path home = work.resolve("home-" + System.nanoTime());
        command.addAll(List.of(main.getName(), ready.toString(), data.toString(), home.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("child.log").toFile());
        // The dashboard's log file goes into the data folder, as for a user.
        builder.environment().put(SnapdeckHome.ENVIRONMENT_VARIABLE, home.toString());
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            while (!Files.exists(ready)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(main.getSimpleName() + " ended early; see "
                            + work.resolve("child.log"));
                }
                if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(120)) {
                    throw new IllegalStateException(main.getSimpleName() + " took too long");
                }
                // Sleep, not spin: a spinning parent would take one of the child's cores.
                Thread.sleep(5);
            }
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void benchBigRunsTable() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();

        RunsWorkspace workspace = new RunsWorkspace();
        Pipeline pipeline = workspace.addPipeline("training");
        for (int i = 0; i < 10_000; i++) {
            workspace.addRun(pipeline, "run-" + i, i % 7 == 0 ? ExecutionStatus.FAILED
                    : ExecutionStatus.COMPLETED);
        }
        BackgroundExecutor executor = BackgroundExecutor.create(Platform::runLater);
        FakeShell shell = new FakeShell();
        CountDownLatch shown = new CountDownLatch(1);
        TableView<PipelineRun>[] table = new TableView[1];
        Platform.runLater(() -> {
            RunsView view = new RunsView(new RunsViewModel(shell.context(workspace, executor),
                    10_000));
            table[0] = view.table();
            Stage stage = new Stage();
            stage.setScene(new Scene(view, 1200, 800));
            stage.show();
            shown.countDown();
        });
        shown.await();
        while (table[0].getItems().size() < 10_000) {
            Thread.onSpinWait();
        }

        PulseWatch watch = new PulseWatch();
        long idle = watch.longestGapDuring(() -> { }, 1000);
        // One scroll step per frame, as a user dragging the scroll bar would cause.
        long scrolling = watch.longestGapDuring(() -> Platform.runLater(() -> new AnimationTimer() {
            private int row;

            @Override
            public void handle(long now) {
                table[0].scrollTo(row);
                row += 100;
                if (row >= 10_000) {
                    stop();
                }
            }
        }.start()), 3000);
        long selectAll = watch.longestGapDuring(() -> Platform.runLater(() ->
                table[0].getSelectionModel().selectAll()), 1500);
        LOG.info("Runs table with 10,000 rows: longest FX stall idle {} ms, scrolling through "
                + "it {} ms, select-all {} ms", idle, scrolling, selectAll);
        executor.close();
    }

    /** Measures the longest time between two JavaFX pulses while something happens. */
    private static final class PulseWatch {

        long longestGapDuring(Runnable action, long millis) throws InterruptedException {
            AtomicLong last = new AtomicLong(System.nanoTime());
            AtomicLong longest = new AtomicLong();
            CountDownLatch on = new CountDownLatch(1);
            AnimationTimer[] timer = new AnimationTimer[1];
            Platform.runLater(() -> {
                timer[0] = new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        long time = System.nanoTime();
                        longest.accumulateAndGet(time - last.getAndSet(time), Math::max);
                    }
                };
                last.set(System.nanoTime());
                timer[0].start();
                on.countDown();
            });
            on.await();
            action.run();
            TimeUnit.MILLISECONDS.sleep(millis);
            CountDownLatch off = new CountDownLatch(1);
            Platform.runLater(() -> {
                timer[0].stop();
                off.countDown();
            });
            off.await();
            return TimeUnit.NANOSECONDS.toMillis(longest.get());
        }
    }
}
