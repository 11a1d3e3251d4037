package dev.snapdeck.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import dev.snapdeck.runconfig.CheckResult;
import dev.snapdeck.runconfig.RunConfigChecker;
import dev.snapdeck.runconfig.SnapshotSpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks a generated 5,000-line run configuration end to end (read with positions, snapshot
 * rules, deep merge, JSON Schema validation) and compares the median time with a bare
 * jackson-dataformat-yaml parse of the same text, measured in the same run. Not part of the
 * build; run it with:
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     dev.snapdeck.bench.RunConfigBenchmark
 * </pre>
 */
public final class RunConfigBenchmark {

    private static final int LINES = 5_000;
    private static final int WARMUP = 300;
    private static final int RUNS = 101;

    private RunConfigBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        SnapshotSpec spec = fixtureSpec();
        String text = configuration(LINES);
        YAMLMapper yaml = new YAMLMapper();
        RunConfigChecker checker = new RunConfigChecker();
        CheckResult first = checker.check(text, spec);
        if (first.hasErrors() || first.runConfiguration().isEmpty()) {
            throw new IllegalStateException("generated configuration should check clean: "
                    + first.diagnostics());
        }

        long[] bare = new long[RUNS];
        long[] full = new long[RUNS];
        for (int i = 0; i < WARMUP; i++) {
            yaml.readTree(text);
            checker.check(text, spec);
        }
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            JsonNode parsed = yaml.readTree(text);
            bare[i] = System.nanoTime() - start;
            start = System.nanoTime();
            CheckResult result = checker.check(text, spec);
            full[i] = System.nanoTime() - start;
            if (parsed.size() == 0 || result.runConfiguration().isEmpty()) {
                throw new IllegalStateException("nothing parsed");
            }
        }
        double bareMs = median(bare) / 1e6;
        double fullMs = median(full) / 1e6;
        System.out.printf("lines=%d chars=%d diagnostics=%d%n", text.lines().count(),
                text.length(), first.diagnostics().size());
        System.out.printf("bare YAML parse (jackson readTree): median %.2f ms%n", bareMs);
        System.out.printf("full check (read + rules + merge + schema): median %.2f ms%n", fullMs);
        System.out.printf("ratio full/bare: %.2fx%n", fullMs / bareMs);
    }

    /** A realistic override, grown to {@code lines} lines with step parameters, tags, extras. */
    static String configuration(int lines) {
        StringBuilder out = new StringBuilder();
        out.append("run_name: bench-{date}-{time}\nenable_cache: false\n")
                .append("steps:\n  load_data:\n    parameters:\n")
                .append("      dataset_uri: s3://acme-ml-data/iris/iris.csv\n")
                .append("      test_fraction: 0.25\n      seed: 7\n      shuffle: true\n")
                .append("  train_model:\n    parameters:\n      model_type: knn\n")
                .append("      learning_rate: 0.05\n      epochs: 40\n      class_weights:\n");
        int used = 14;
        int third = (lines - used - 6) / 3;
        for (int i = 0; i < third; i++) {
            out.append("        class_").append(i).append(": ").append(1 + i % 7).append(".5\n");
        }
        out.append("    settings:\n      resources:\n        cpu_count: 8\n        memory: 32GB\n")
                .append("tags:\n");
        for (int i = 0; i < third; i++) {
            out.append("  - experiment-").append(i).append('\n');
        }
        out.append("extra:\n");
        int written = out.toString().split("\n").length;
        for (int i = 0; written + 2 <= lines; i++, written += 2) {
            out.append("  block_").append(i).append(":\n    note: \"value ").append(i)
                    .append("\"\n");
        }
        if (written < lines) {
            out.append("  last: end\n");
        }
        return out.toString();
    }

    private static SnapshotSpec fixtureSpec() throws IOException {
        try (InputStream in = RunConfigBenchmark.class.getResourceAsStream(
                "/dev/snapdeck/fixtures/snapshot-hydrated.json")) {
            JsonNode metadata = new ObjectMapper().readTree(in).path("metadata");
            return SnapshotSpec.of(metadata.get("config_template"), metadata.get("config_schema"));
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
