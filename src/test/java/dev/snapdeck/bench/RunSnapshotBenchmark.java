package dev.snapdeck.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.snapdeck.api.Snapshot;
import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.ui.editor.RunSnapshotViewModel;
import dev.snapdeck.ui.testing.FakeShell;
import dev.snapdeck.ui.testing.FakeWorkspace;

/**
 * Keystroke to fresh diagnostics in the Run Snapshot screen, on a 2,000-line configuration: the
 * time from a one-character change of the text to the view-model holding markers, diff and
 * request JSON for the new text, with the check on a worker thread of the real executor (the
 * debounce pause is left out: it is a deliberate wait, added on top). The baseline is a bare
 * jackson-dataformat-yaml parse of the same text in the same run. Not part of the build:
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     dev.snapdeck.bench.RunSnapshotBenchmark
 * </pre>
 */
public final class RunSnapshotBenchmark {

    private static final int LINES = 2_000;
    private static final int WARMUP = 200;
    private static final int RUNS = 101;

    private RunSnapshotBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String text = RunConfigBenchmark.configuration(LINES);
        String edited = text.replace("epochs: 40", "epochs: 41");
        FakeWorkspace workspace = new FakeWorkspace();
        Snapshot snapshot = workspace.add(FakeWorkspace.snapshot("bench",
                FakeWorkspace.SERVER_VERSION));
        YAMLMapper yaml = new YAMLMapper();

        try (BackgroundExecutor executor = BackgroundExecutor.create(Runnable::run)) {
            RunSnapshotViewModel viewModel = new RunSnapshotViewModel(
                    new FakeShell().context(workspace, executor), snapshot.id(), Duration.ZERO);
            viewModel.load();
            await(viewModel, null);
            long[] keystroke = new long[RUNS];
            long[] bare = new long[RUNS];
            for (int i = 0; i < WARMUP + RUNS; i++) {
                String next = i % 2 == 0 ? text : edited;
                long start = System.nanoTime();
                await(viewModel, next);
                long took = System.nanoTime() - start;
                start = System.nanoTime();
                yaml.readTree(next);
                long parse = System.nanoTime() - start;
                if (i >= WARMUP) {
                    keystroke[i - WARMUP] = took;
                    bare[i - WARMUP] = parse;
                }
            }
            if (viewModel.hasErrorsProperty().get()) {
                throw new IllegalStateException("the configuration should check clean: "
                        + viewModel.getMarkers());
            }
            double keyMs = median(keystroke) / 1e6;
            double bareMs = median(bare) / 1e6;
            System.out.printf("lines=%d chars=%d%n", text.lines().count(), text.length());
            System.out.printf("bare YAML parse (jackson readTree): median %.2f ms%n", bareMs);
            System.out.printf("keystroke to fresh diagnostics: median %.2f ms, p90 %.2f ms "
                    + "(+ %d ms typing pause)%n", keyMs, percentile(keystroke, 0.9) / 1e6,
                    RunSnapshotViewModel.CHECK_DELAY.toMillis());
            System.out.printf("ratio keystroke/bare: %.2fx%n", keyMs / bareMs);
        }
    }

    /** Sets {@code next} (null: keep the text) and waits until it has been checked. */
    private static void await(RunSnapshotViewModel viewModel, String next) throws Exception {
        CountDownLatch checked = new CountDownLatch(1);
        javafx.beans.value.ChangeListener<Boolean> listener = (obs, old, now) -> {
            if (now) {
                checked.countDown();
            }
        };
        viewModel.upToDateProperty().addListener(listener);
        if (next != null) {
            viewModel.textProperty().set(next);
        }
        if (!viewModel.upToDateProperty().get() && !checked.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no check within 30 s");
        }
        viewModel.upToDateProperty().removeListener(listener);
    }

    private static double median(long[] values) {
        return percentile(values, 0.5);
    }

    private static double percentile(long[] values, double share) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
    }
}
