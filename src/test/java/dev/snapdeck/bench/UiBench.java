package dev.snapdeck.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;

import dev.snapdeck.ui.editor.YamlStyler;

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
 *   <li>appending log lines to a shown ListView in batches of 1,000 (what LogView does) vs one
 *       line per change.</li>
 * </ul>
 */
public final class UiBench {

    private static final Logger LOG = LoggerFactory.getLogger(UiBench.class);
    private static final int ROUNDS = 5;

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
        int lines = 100_000;

        long batched = onFx(list -> {
            for (int from = 0; from < lines; from += 1_000) {
                List<String> batch = new ArrayList<>(1_000);
                for (int i = from; i < from + 1_000; i++) {
                    batch.add("step output line " + i);
                }
                list.addAll(batch);
            }
        });
        long single = onFx(list -> {
            for (int i = 0; i < lines; i++) {
                list.add("step output line " + i);
            }
        });
        LOG.info("Log, {} lines into a shown ListView: batches of 1000 {} ms, one by one {} ms,"
                + " one-by-one / batched = {}", lines, ms(batched), ms(single),
                String.format("%.1f", (double) single / batched));
    }

    /** Best of a few rounds of filling a fresh, shown list on the FX thread, with one pulse. */
    private static long onFx(java.util.function.Consumer<ObservableList<String>> fill)
            throws Exception {
        long best = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            AtomicLong took = new AtomicLong();
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(() -> {
                ObservableList<String> items = FXCollections.observableArrayList();
                ListView<String> view = new ListView<>(items);
                Stage stage = new Stage();
                stage.setScene(new Scene(view, 600, 400));
                stage.show();
                long start = System.nanoTime();
                fill.accept(items);
                view.scrollTo(items.size() - 1);
                view.layout();
                took.set(System.nanoTime() - start);
                stage.close();
                done.countDown();
            });
            done.await(120, TimeUnit.SECONDS);
            best = Math.min(best, took.get());
        }
        return best;
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
