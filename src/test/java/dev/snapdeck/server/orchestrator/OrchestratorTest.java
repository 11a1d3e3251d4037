package dev.snapdeck.server.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import dev.snapdeck.server.pipeline.PipelineDefinition;
import dev.snapdeck.server.pipeline.RetryPolicy;
import dev.snapdeck.server.pipeline.StepDefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class OrchestratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Orchestrator orchestrator;
    private int runCount;

    @BeforeEach
    void createOrchestrator() throws IOException {
        Files.createDirectories(temp.resolve("code"));
        orchestrator = new Orchestrator(temp.resolve("cache"), 4);
    }

    @AfterEach
    void closeOrchestrator() {
        orchestrator.close();
    }

    @Test
    void runsTheExamplePipelineEndToEnd() throws Exception {
        PipelineDefinition pipeline = PipelineDefinition.load(Path.of("assets/examples/training_pipeline"));
        List<StepPlan> steps = pipeline.steps().stream().map(step -> StepPlan.from(step, parameters(step))).toList();
        RunPlan plan = new RunPlan("example", pipeline.folder(), temp.resolve("runs/example"), steps, true);
        RecordingListener listener = new RecordingListener();

        String status = orchestrator.submit(plan, listener).completion().get(180, TimeUnit.SECONDS);

        assertEquals("completed", status, listener.events + log(plan, "evaluate"));
        assertEquals(Map.of("load_data", "completed", "train_model", "completed", "profile_data", "completed",
                "evaluate", "completed"), listener.finalStatus);
        assertTrue(log(plan, "load_data").contains("parameters: test_fraction=0.3 shuffle=true seed=42"));
        assertTrue(log(plan, "train_model").contains("parameters: model_type=nearest_centroid k=5 normalize=true"));
        JsonNode metrics = JSON.readTree(plan.runDir().resolve("evaluate/outputs/metrics.json").toFile());
        assertEquals("nearest_centroid", metrics.get("model_type").asText());
        assertEquals(45, metrics.get("total").asInt());
        assertTrue(metrics.get("accuracy").asDouble() >= 0.8, metrics.toString());
        assertEquals(3, metrics.get("confusion_matrix").size());
    }

    @Test
    void failingStepFailsTheRunAndSkipsItsDownstream() throws Exception {
        RunPlan plan = plan(false, sh("broken", "echo about to fail; exit 3"),
                sh("after_broken", "echo never", "broken"), sh("independent", "echo fine"));
        RecordingListener listener = new RecordingListener();

        String status = orchestrator.submit(plan, listener).completion().get(30, TimeUnit.SECONDS);

        assertEquals("failed", status);
        assertEquals("failed", listener.finalStatus.get("broken"));
        assertEquals(3, listener.exitCodes.get("broken"));
        assertEquals("skipped", listener.finalStatus.get("after_broken"));
        assertEquals("completed", listener.finalStatus.get("independent"));
        assertTrue(log(plan, "broken").endsWith("about to fail\n[snapdeck] exit code 3\n"), log(plan, "broken"));
        assertTrue(listener.runReason.contains("exit code 3"), listener.runReason);
        assertFalse(listener.events.contains("after_broken started 1"));
    }

    @Test
    void theServersNoteStartsALineOfItsOwnAfterAnUnfinishedLine() throws Exception {
        RunPlan plan = plan(false, sh("broken", "printf 'half a line'; exit 3"));

        orchestrator.submit(plan, new RecordingListener()).completion().get(30, TimeUnit.SECONDS);

        assertTrue(log(plan, "broken").endsWith("half a line\n[snapdeck] exit code 3\n"),
                log(plan, "broken"));
    }

    @Test
    void stopOnFailureStartsNothingNewAfterAFailure() throws Exception {
        Path release = temp.resolve("release");
        RunPlan plan = plan(true, sh("broken", "exit 5"),
                sh("slow", "while [ ! -f " + release + " ]; do sleep 0.02; done"), sh("after_slow", "true", "slow"));
        RecordingListener listener = new RecordingListener();
        RunHandle run = orchestrator.submit(plan, listener);
        assertTrue(listener.awaitStarted("slow"));
        awaitTrue(() -> "failed".equals(run.stepStatuses().get("broken")));

        Files.createFile(release);
        String status = run.completion().get(30, TimeUnit.SECONDS);

        assertEquals("failed", status);
        assertEquals("completed", listener.finalStatus.get("slow"));
        assertEquals("skipped", listener.finalStatus.get("after_slow"));
        assertEquals(List.of("run failed"), listener.events.subList(listener.events.size() - 1,
                listener.events.size()));
    }

    @Test
    void retriesAFailedStepUntilItSucceeds() throws Exception {
        StepPlan flaky = new StepPlan("flaky", List.of("sh", "-c",
                "if [ -f marker ]; then echo second try; else touch marker; echo first try; exit 1; fi"),
                List.of(), JSON.createObjectNode(), new RetryPolicy(2, Duration.ofMillis(10), 2), null, false);
        RunPlan plan = plan(true, flaky);
        RecordingListener listener = new RecordingListener();

        String status = orchestrator.submit(plan, listener).completion().get(30, TimeUnit.SECONDS);

        assertEquals("completed", status);
        assertEquals(List.of("flaky started 1", "flaky retried 1", "flaky started 2", "flaky completed 2",
                "run completed"), listener.events);
        String log = log(plan, "flaky");
        assertTrue(log.indexOf("\nfirst try\n") < log.indexOf("exit code 1"), log);
        assertTrue(log.indexOf("exit code 1") < log.indexOf("\nsecond try\n"), log);
    }

    @Test
    void givesUpAfterTheLastRetry() throws Exception {
        StepPlan broken = new StepPlan("broken", List.of("sh", "-c", "exit 4"), List.of(), JSON.createObjectNode(),
                new RetryPolicy(1, Duration.ZERO, 0), null, false);
        RecordingListener listener = new RecordingListener();

        String status = orchestrator.submit(plan(true, broken), listener).completion().get(30, TimeUnit.SECONDS);

        assertEquals("failed", status);
        assertEquals(List.of("broken started 1", "broken retried 1", "broken started 2", "broken failed 2",
                "run failed"), listener.events);
    }

    @Test
    void secondIdenticalRunComesFromTheCache() throws Exception {
        StepPlan produce = cached("produce", "od -An -N16 -tx1 /dev/urandom > $SNAPDECK_OUTPUT_DIR/id.txt", 1);
        StepPlan consume = cached("consume", "cp $SNAPDECK_INPUT_PRODUCE/id.txt $SNAPDECK_OUTPUT_DIR/copy.txt", 1,
                "produce");
        RunPlan first = plan(true, produce, consume);
        RunPlan second = plan(true, produce, consume);
        RunPlan changed = plan(true, cached("produce", produce.command().get(2), 2), consume);
        RecordingListener firstListener = new RecordingListener();
        RecordingListener secondListener = new RecordingListener();
        RecordingListener changedListener = new RecordingListener();

        orchestrator.submit(first, firstListener).completion().get(30, TimeUnit.SECONDS);
        String secondStatus = orchestrator.submit(second, secondListener).completion().get(30, TimeUnit.SECONDS);
        orchestrator.submit(changed, changedListener).completion().get(30, TimeUnit.SECONDS);

        assertEquals("completed", secondStatus);
        assertEquals(Map.of("produce", "cached", "consume", "cached"), secondListener.finalStatus);
        assertEquals(firstListener.cacheKeys, secondListener.cacheKeys);
        assertEquals(read(first, "consume/outputs/copy.txt"), read(second, "consume/outputs/copy.txt"));
        assertTrue(log(second, "produce").startsWith("[snapdeck] cached"));
        assertEquals(Map.of("produce", "completed", "consume", "completed"), changedListener.finalStatus);
        assertNotEquals(read(first, "produce/outputs/id.txt"), read(changed, "produce/outputs/id.txt"));
    }

    @Test
    void timeoutKillsTheStepAndFailsIt() throws Exception {
        StepPlan slow = new StepPlan("slow", List.of("sh", "-c", "echo waiting; sleep 60"), List.of(),
                JSON.createObjectNode(), RetryPolicy.NONE, Duration.ofMillis(300), false);
        RunPlan plan = plan(true, slow, sh("next", "true", "slow"));
        RecordingListener listener = new RecordingListener();

        String status = orchestrator.submit(plan, listener).completion().get(30, TimeUnit.SECONDS);

        assertEquals("failed", status);
        assertEquals("failed", listener.finalStatus.get("slow"));
        assertEquals("skipped", listener.finalStatus.get("next"));
        assertTrue(log(plan, "slow").contains("timed out after 0.3 s"), log(plan, "slow"));
    }

    @Test
    void immediateStopKillsTheProcessTree() throws Exception {
        Path pidFile = temp.resolve("child.pid");
        RunPlan plan = plan(true, sh("long", "sleep 60 & echo $! > " + pidFile + "; wait"),
                sh("later", "true", "long"));
        RecordingListener listener = new RecordingListener();
        RunHandle run = orchestrator.submit(plan, listener);
        awaitTrue(() -> Files.exists(pidFile) && read(pidFile).trim().length() > 0);
        ProcessHandle child = ProcessHandle.of(Long.parseLong(read(pidFile).trim())).orElseThrow();

        run.stop(false);
        String status = run.completion().get(30, TimeUnit.SECONDS);

        assertEquals("stopped", status);
        assertEquals("stopped on request", listener.runReason);
        assertEquals("stopped", listener.finalStatus.get("long"));
        assertEquals("skipped", listener.finalStatus.get("later"));
        child.onExit().get(10, TimeUnit.SECONDS);
        assertFalse(child.isAlive());
    }

    @Test
    void aRunStillGoingWhenTheServerShutsDownSaysSo() throws Exception {
        Path started = temp.resolve("started");
        RecordingListener listener = new RecordingListener();
        RunHandle run = orchestrator.submit(plan(true, sh("long", "touch " + started + "; sleep 60")),
                listener);
        awaitTrue(() -> Files.exists(started));

        orchestrator.close();

        assertEquals("stopped", run.completion().get(30, TimeUnit.SECONDS));
        assertEquals("stopped because the local server shut down", listener.runReason);
    }

    @Test
    void aStepSignallingItsWholeProcessGroupLeavesTheServerAlone() throws Exception {
        StepPlan groupKiller = new StepPlan("group_killer", List.of("bash", "-c",
                "trap 'kill 0' EXIT; sleep 30 & echo backgrounded; exit 0"), List.of(), JSON.createObjectNode(),
                RetryPolicy.NONE, null, false);
        RecordingListener listener = new RecordingListener();

        orchestrator.submit(plan(true, groupKiller), listener).completion().get(30, TimeUnit.SECONDS);
        RunPlan next = plan(true, sh("next", "echo still here"));
        String nextStatus = orchestrator.submit(next, new RecordingListener()).completion().get(30, TimeUnit.SECONDS);

        assertEquals(128 + 15, listener.exitCodes.get("group_killer"), listener.events.toString());
        assertEquals("completed", nextStatus);
        assertTrue(log(next, "next").contains("still here"), log(next, "next"));
    }

    @Test
    void aStepRunsInItsOwnProcessGroupUnderTheRecordedPid() throws Exception {
        RunPlan plan = plan(true, sh("group", "echo \"pid=$$ group=$(ps -o pgid= -p $$ | tr -d ' ')\""));
        RecordingListener listener = new RecordingListener();

        orchestrator.submit(plan, listener).completion().get(30, TimeUnit.SECONDS);

        long pid = listener.pids.get("group");
        assertTrue(log(plan, "group").contains("pid=" + pid + " group=" + pid + "\n"), log(plan, "group"));
    }

    @Test
    void gracefulStopLetsRunningStepsFinishAndStartsNoMore() throws Exception {
        Path release = temp.resolve("release");
        RunPlan plan = plan(true, sh("running", "while [ ! -f " + release + " ]; do sleep 0.02; done; echo released"),
                sh("later", "true", "running"));
        RecordingListener listener = new RecordingListener();
        RunHandle run = orchestrator.submit(plan, listener);
        assertTrue(listener.awaitStarted("running"));

        run.stop(true);
        Files.createFile(release);
        String status = run.completion().get(30, TimeUnit.SECONDS);

        assertEquals("stopped", status);
        assertEquals("completed", listener.finalStatus.get("running"));
        assertEquals("skipped", listener.finalStatus.get("later"));
        assertTrue(log(plan, "running").contains("released"));
    }

    @Test
    void stepWritingMegabytesToBothStreamsFinishes() throws Exception {
        RunPlan plan = plan(true, sh("loud",
                "head -c 5242880 /dev/zero | tr '\\0' e >&2; head -c 5242880 /dev/zero | tr '\\0' o; echo; echo end"));
        RecordingListener listener = new RecordingListener();

        String status = orchestrator.submit(plan, listener).completion().get(60, TimeUnit.SECONDS);

        assertEquals("completed", status);
        Path log = plan.runDir().resolve("loud/step.log");
        assertTrue(Files.size(log) > 10 * 1024 * 1024, "log size " + Files.size(log));
        long size = Files.size(log);
        assertEquals("end\n", StepLogs.read(log, size - 4, 64).text());
    }

    @Test
    void bytesThatAreNotUtf8KeepTheLogReadable() throws Exception {
        RunPlan plan = plan(true, sh("binary", "printf 'before \\377\\376 after\\n'; echo 'caf\u00e9' >&2"));

        String status = orchestrator.submit(plan, new RecordingListener()).completion().get(30, TimeUnit.SECONDS);

        assertEquals("completed", status);
        Path log = plan.runDir().resolve("binary/step.log");
        byte[] raw = Files.readAllBytes(log);
        assertTrue(containsBytes(raw, new byte[] {(byte) 0xff, (byte) 0xfe}));
        String text = StepLogs.read(log, 0, 1 << 20).text();
        assertTrue(text.contains("before \uFFFD\uFFFD after\ncaf\u00e9\n"), text);
    }

    @Test
    void independentStepsOverlapWhenAllowed() throws Exception {
        RunPlan plan = plan(true, overlapProbe("left", "right"), overlapProbe("right", "left"));

        orchestrator.submit(plan, new RecordingListener()).completion().get(60, TimeUnit.SECONDS);

        assertTrue(log(plan, "left").contains("saw right running"), log(plan, "left"));
        assertTrue(log(plan, "right").contains("saw left running"), log(plan, "right"));
    }

    @Test
    void oneParallelStepRunsStepsOneAtATime() throws Exception {
        RunPlan plan = plan(true, overlapProbe("left", "right"), overlapProbe("right", "left"));

        try (Orchestrator serial = new Orchestrator(temp.resolve("cache"), 1)) {
            serial.submit(plan, new RecordingListener()).completion().get(60, TimeUnit.SECONDS);
        }

        assertTrue(log(plan, "left").contains("alone"), log(plan, "left"));
        assertTrue(log(plan, "right").contains("alone"), log(plan, "right"));
    }

    @Test
    void handsParametersAndUpstreamOutputsToTheStep() throws Exception {
        ObjectNode parameters = JSON.createObjectNode().put("greeting", "hello world").put("k", 7).put("flag", true);
        StepPlan reader = new StepPlan("reader", List.of("sh", "-c",
                "echo \"$SNAPDECK_PARAM_GREETING|$SNAPDECK_PARAM_K|$SNAPDECK_PARAM_FLAG|$SNAPDECK_STEP_NAME\"; "
                        + "cat $SNAPDECK_INPUT_WRITER/note.txt; pwd"),
                List.of("writer"), parameters, RetryPolicy.NONE, null, false);
        RunPlan plan = plan(true, sh("writer", "echo note > $SNAPDECK_OUTPUT_DIR/note.txt"), reader);

        orchestrator.submit(plan, new RecordingListener()).completion().get(30, TimeUnit.SECONDS);

        String log = log(plan, "reader");
        assertTrue(log.contains("hello world|7|true|reader\nnote\n" + plan.runDir().resolve("reader/work")), log);
        JsonNode file = JSON.readTree(plan.runDir().resolve("reader/parameters.json").toFile());
        assertEquals(parameters, file.get("parameters"));
        assertEquals(plan.runDir().resolve("writer/outputs").toAbsolutePath().toString(),
                file.get("inputs").get("writer").asText());
    }

    @Test
    void aParameterTooLongForTheEnvironmentReachesTheStepThroughItsFile() throws Exception {
        String big = "x".repeat(150 * 1024);
        StepPlan reader = new StepPlan("reader", List.of("sh", "-c",
                "echo \"env:${SNAPDECK_PARAM_BIG-unset} small:$SNAPDECK_PARAM_SMALL\""), List.of(),
                JSON.createObjectNode().put("big", big).put("small", "s"), RetryPolicy.NONE, null, false);
        RunPlan plan = plan(true, reader);

        String status = orchestrator.submit(plan, new RecordingListener()).completion().get(30, TimeUnit.SECONDS);

        assertEquals("completed", status, log(plan, "reader"));
        assertTrue(log(plan, "reader").contains("parameter 'big' is too long for an environment variable"));
        assertTrue(log(plan, "reader").contains("env:unset small:s\n"), log(plan, "reader"));
        JsonNode file = JSON.readTree(plan.runDir().resolve("reader/parameters.json").toFile());
        assertEquals(big, file.get("parameters").get("big").asText());
    }

    @Test
    void aMissingProgramFailsTheStepWithAReason() throws Exception {
        StepPlan missing = new StepPlan("missing", List.of("snapdeck-no-such-program"), List.of(),
                JSON.createObjectNode(), RetryPolicy.NONE, null, false);
        RunPlan plan = plan(true, missing);
        RecordingListener listener = new RecordingListener();

        String status = orchestrator.submit(plan, listener).completion().get(30, TimeUnit.SECONDS);

        assertEquals("failed", status);
        assertTrue(log(plan, "missing").contains("could not run"), log(plan, "missing"));
    }

    @Test
    void rejectsPlansWithCyclesOrUnknownUpstreams() {
        IllegalArgumentException cycle = assertThrows(IllegalArgumentException.class,
                () -> plan(true, sh("a", "true", "b"), sh("b", "true", "a")));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> plan(true, sh("a", "true", "ghost")));

        assertTrue(cycle.getMessage().contains("cycle"));
        assertTrue(unknown.getMessage().contains("unknown step 'ghost'"));
    }

    private StepPlan overlapProbe(String name, String other) {
        Path flags = temp.resolve("flags");
        String script = "mkdir -p " + flags + "; touch " + flags + "/" + name + "; seen=alone; i=0; "
                + "while [ $i -lt 40 ]; do if [ -f " + flags + "/" + other + " ]; then seen='saw " + other
                + " running'; break; fi; sleep 0.05; i=$((i+1)); done; echo \"$seen\"; "
                + "[ \"$seen\" = alone ] || sleep 0.3; rm -f " + flags + "/" + name;
        return sh(name, script);
    }

    private static ObjectNode parameters(StepDefinition step) {
        ObjectNode values = step.defaultParameters();
        if (step.name().equals("train_model")) {
            values.put("model_type", "nearest_centroid");
        }
        return values;
    }

    private static StepPlan sh(String name, String script, String... upstream) {
        return new StepPlan(name, List.of("sh", "-c", script), List.of(upstream), JSON.createObjectNode(),
                RetryPolicy.NONE, null, false);
    }

    private static StepPlan cached(String name, String script, int version, String... upstream) {
        return new StepPlan(name, List.of("sh", "-c", script), List.of(upstream),
                JSON.createObjectNode().put("version", version), RetryPolicy.NONE, null, true);
    }

    private RunPlan plan(boolean stopOnFailure, StepPlan... steps) {
        String runId = "run-" + (++runCount);
        return new RunPlan(runId, temp.resolve("code"), temp.resolve("runs").resolve(runId), List.of(steps),
                stopOnFailure);
    }

    private static String log(RunPlan plan, String step) throws IOException {
        return read(plan.runDir().resolve(step).resolve("step.log"));
    }

    private static String read(RunPlan plan, String relative) throws IOException {
        return read(plan.runDir().resolve(relative));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean containsBytes(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            boolean match = true;
            for (int j = 0; j < needle.length && match; j++) {
                match = haystack[i + j] == needle[j];
            }
            if (match) {
                return true;
            }
        }
        return false;
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
