package dev.snapdeck.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;

import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.ui.controls.LogView;
import dev.snapdeck.ui.editor.YamlStyler;

import atlantafx.base.theme.PrimerLight;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speed of the dashboard's building blocks, as ratios against baselines measured in the same run.
 * Not part of the build; run headless with
 * {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw
 * -cp target/classes:target/test-classes:<test class path> dev.snapdeck.bench.UiBench}.
 *
 * <ul>
 *   <li>highlighting a run configuration vs parsing it with Jackson YAML (what validation does
 *       anyway): highlighting should cost less than parsing;</li>
 *   <li>streaming log lines from a producer thread into LogView (queued, flushed in batches
 *       every 100 ms) vs posting each line to the FX thread with {@code Platform.runLater}.</li>
 * </ul>
 */
public final class UiBench {

    private static final Logger LOG = LoggerFactory.getLogger(UiBench.class);
    private static final int ROUNDS = 3;

    private UiBench() {
    }

    public static void main(String[] args) throws Exception {
        benchStyler();
        benchLogAppends();
        Platform.exit();
    }

    private static void benchStyler() throws Exception {
        String yaml = sampleYaml(20_000);
        YamlStyler styler = new YamlStyler();
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        for (int i = 0; i < 3; i++) {
            styler.spans(yaml);
            mapper.readTree(yaml);
        }

        long styling = best(() -> styler.spans(yaml));
        long parsing = best(() -> {
            try {
                mapper.readTree(yaml);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        LOG.info("YAML, {} lines: highlight {} ms, Jackson parse {} ms, ratio {}",
                20_000, ms(styling), ms(parsing), String.format("%.2f", (double) styling / parsing));
    }

    private static void benchLogAppends() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await(10, TimeUnit.SECONDS);
        // Each round closes its window; without this the toolkit would exit after the first.
        Platform.setImplicitExit(false);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        int lines = 20_000;

        long logView = Long.MAX_VALUE;
        long perLine = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            logView = Math.min(logView, throughLogView(lines));
            perLine = Math.min(perLine, runLaterPerLine(lines));
        }
        LOG.info("Log, {} lines from a producer thread until shown: LogView batches {} ms,"
                + " Platform.runLater per line into a ListView {} ms, per-line / LogView = {}",
                lines, ms(logView), ms(perLine), String.format("%.1f", (double) perLine / logView));
    }

    /** Wall time from the first append until LogView shows every line. */
    private static long throughLogView(int lines) throws Exception {
        BackgroundExecutor executor = BackgroundExecutor.create(Platform::runLater);
        LogView log = onFx(() -> show(new LogView(executor)));
        long start = System.nanoTime();
        for (int from = 0; from < lines; from += 1_000) {
            List<String> batch = new ArrayList<>(1_000);
            for (int i = from; i < from + 1_000; i++) {
                batch.add("step output line " + i);
            }
            log.appendLines(batch);
        }
        while (onFx(log::lineCount) < lines) {
            Thread.onSpinWait();
        }
        long took = System.nanoTime() - start;
        onFx(() -> {
            log.dispose();
            log.getScene().getWindow().hide();
            return null;
        });
        executor.close();
        return took;
    }

    /** Wall time when every line is posted to the FX thread on its own. */
    private static long runLaterPerLine(int lines) throws Exception {
        ObservableList<String> items = FXCollections.observableArrayList();
        ListView<String> view = onFx(() -> show(new ListView<>(items)));
        CountDownLatch done = new CountDownLatch(1);
        long start = System.nanoTime();
        for (int i = 0; i < lines; i++) {
            String line = "step output line " + i;
            boolean last = i == lines - 1;
            Platform.runLater(() -> {
                items.add(line);
                view.scrollTo(items.size() - 1);
                if (last) {
                    done.countDown();
                }
            });
        }
        done.await(120, TimeUnit.SECONDS);
        long took = System.nanoTime() - start;
        onFx(() -> {
            view.getScene().getWindow().hide();
            return null;
        });
        return took;
    }

    private static <T extends Parent> T show(T root) {
        Stage stage = new Stage();
        stage.setScene(new Scene(root, 600, 400));
        stage.show();
        return root;
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get(60, TimeUnit.SECONDS);
    }

    private static long best(Runnable work) {
        long best = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }

    private static String ms(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }

    private static String sampleYaml(int lines) {
        StringBuilder yaml = new StringBuilder("# generated\nsteps:\n");
        for (int i = 0; i < lines / 4; i++) {
            yaml.append("  step_").append(i).append(":\n")
                    .append("    enable_cache: true\n")
                    .append("    parameters: {rate: 0.").append(i % 10).append(", name: \"s")
                    .append(i).append("\"}\n")
                    .append("    retry: &r").append(i).append(" 3  # retries\n");
        }
        return yaml.toString();
    }
}
