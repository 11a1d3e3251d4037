package dev.snapdeck.bench;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import dev.snapdeck.server.orchestrator.Orchestrator;
import dev.snapdeck.server.orchestrator.RunListener;
import dev.snapdeck.server.orchestrator.RunPlan;
import dev.snapdeck.server.orchestrator.StepPlan;
import dev.snapdeck.server.pipeline.RetryPolicy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Per-step orchestration cost as a ratio to starting the same process directly, both measured in
 * this run: the median of N one-step runs ({@code submit} to completion, log file and folders
 * included) against the median of N plain {@code ProcessBuilder} start-and-wait calls.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:<deps> dev.snapdeck.bench.OrchestratorBenchmark [N]}
 */
public final class OrchestratorBenchmark {

    private OrchestratorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        Path temp = Files.createTempDirectory("snapdeck-bench");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try (Orchestrator orchestrator = new Orchestrator(temp.resolve("cache"), 4)) {
            compare(orchestrator, temp, List.of("true"), n);
            compare(orchestrator, temp, List.of(java.toString(), "-version"), Math.max(5, n / 4));
        }
    }

    private static void compare(Orchestrator orchestrator, Path temp, List<String> command, int n)
            throws Exception {
        List<Long> direct = new ArrayList<>();
        List<Long> orchestrated = new ArrayList<>();
        for (int i = -3; i < n; i++) {
            long directNanos = direct(command, temp);
            long orchestratedNanos = orchestrated(orchestrator, temp, command, i);
            if (i >= 0) {
                direct.add(directNanos);
                orchestrated.add(orchestratedNanos);
            }
        }
        double directMs = median(direct) / 1e6;
        double orchestratedMs = median(orchestrated) / 1e6;
        System.out.printf(Locale.ROOT, "%-24s N=%d  direct %.2f ms  orchestrated %.2f ms  ratio %.2fx%n",
                String.join(" ", command).replaceAll(".*/bin/java", "java"), n, directMs, orchestratedMs,
                orchestratedMs / directMs);
    }

    private static long direct(List<String> command, Path temp) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(temp.resolve("direct.log").toFile())).start();
        process.waitFor();
        return System.nanoTime() - start;
    }

    private static long orchestrated(Orchestrator orchestrator, Path temp, List<String> command, int i)
            throws Exception {
        String runId = "bench-" + System.nanoTime() + "-" + i;
        StepPlan step = new StepPlan("step", command, List.of(), JsonNodeFactory.instance.objectNode(),
                RetryPolicy.NONE, null, false);
        RunPlan plan = new RunPlan(runId, temp, temp.resolve("runs").resolve(runId), List.of(step), true);
        long start = System.nanoTime();
        String status = orchestrator.submit(plan, RunListener.NONE).completion().get(60, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - start;
        if (!status.equals("completed")) {
            throw new IllegalStateException("benchmark run " + runId + " ended " + status);
        }
        return elapsed;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2.0;
    }
}
