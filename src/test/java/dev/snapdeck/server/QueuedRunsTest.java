package dev.snapdeck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import dev.snapdeck.testing.GatePipeline;
import dev.snapdeck.testing.RawApi;
import dev.snapdeck.testing.RawApi.Answer;

/**
 * A server with room for one step at a time: a run whose step must wait for that room reads
 * {@code queued}, not {@code running}, until the step starts; stopping it then starts nothing.
 */
@DisabledOnOs(OS.WINDOWS)
@Timeout(180)
class QueuedRunsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @TempDir
    Path root;

    private Path pipelines;
    private LocalServer server;
    private RawApi api;
    private String snapshotId;

    @BeforeEach
    void startServerWithOneStepSlot() throws Exception {
        pipelines = root.resolve("pipelines");
        // The step says it started, then holds its slot until the test lets it go.
        GatePipeline.writeInto(pipelines);
        startServer();
        snapshotId = api.ok("POST", "/api/v1/x-snapdeck/pipelines/gate/snapshots", "{}")
                .get("id").asText();
    }

    private void startServer() throws Exception {
        server = LocalServer.start(new ServerOptions(null, 0, root.resolve("data"), pipelines,
                () -> "pw", null).withMaxParallelSteps(1));
        api = RawApi.asAdmin(server.url(), "pw");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aRunWaitingForAStepSlotIsQueuedUntilItsFirstStepStarts() throws Exception {
        trigger("first");
        awaitFile(started("first"));

        String second = trigger("second");
        String waiting = awaitStatusPast(second, "initializing");
        JsonNode whileQueued = api.ok("GET", "/api/v1/runs/" + second, null);
        int stepsWhileQueued = api.ok("GET", "/api/v1/runs/" + second + "/steps", null)
                .get("total").asInt();
        Files.createFile(release("first"));
        awaitFile(started("second"));
        JsonNode onceStarted = api.ok("GET", "/api/v1/runs/" + second, null);
        Files.createFile(release("second"));
        JsonNode ended = awaitEnd(second);

        assertEquals("queued", waiting);
        assertTrue(whileQueued.get("body").get("in_progress").asBoolean(), whileQueued.toString());
        assertTrue(whileQueued.get("metadata").get("start_time").isNull(), whileQueued.toString());
        assertEquals(0, stepsWhileQueued);
        assertEquals("running", onceStarted.get("body").get("status").asText(),
                onceStarted.toString());
        assertFalse(onceStarted.get("metadata").get("start_time").isNull(), onceStarted.toString());
        assertEquals("completed", ended.get("body").get("status").asText(), ended.toString());
    }

    @Test
    void stoppingAQueuedRunGracefullyStartsNoneOfItsSteps() throws Exception {
        trigger("first");
        awaitFile(started("first"));
        String second = trigger("second");
        String waiting = awaitStatusPast(second, "initializing");

        Answer stop = api.call("POST", "/api/v1/runs/" + second + "/stop?graceful=true", "");
        JsonNode stopped = awaitEnd(second);
        Files.createFile(release("first"));
        // One slot, taken in order: once a later run's step has started, the stopped run's
        // step has had its turn.
        Files.createFile(release("third"));
        trigger("third");
        awaitFile(started("third"));
        JsonNode steps = api.ok("GET", "/api/v1/runs/" + second + "/steps", null);

        assertEquals("queued", waiting);
        assertEquals(200, stop.status(), String.valueOf(stop.json()));
        assertEquals("stopped", stopped.get("body").get("status").asText(), stopped.toString());
        assertEquals(1, steps.get("total").asInt(), steps.toString());
        assertEquals("skipped", steps.get("items").get(0).get("body").get("status").asText(),
                steps.toString());
        assertFalse(Files.exists(started("second")), "the stopped run's step started");
    }

    @Test
    void aServerClosedWhileARunIsQueuedLeavesItStopped() throws Exception {
        String first = trigger("first");
        awaitFile(started("first"));
        String second = trigger("second");
        String waiting = awaitStatusPast(second, "initializing");

        server.close();
        startServer();
        JsonNode run = api.ok("GET", "/api/v1/runs/" + second, null);

        assertEquals("queued", waiting);
        assertEquals("stopped", run.get("body").get("status").asText(), run.toString());
        assertTrue(run.get("body").get("status_reason").asText().contains("shut down"),
                run.toString());
        assertEquals("stopped", api.ok("GET", "/api/v1/runs/" + first + "/status", null).asText());
        assertFalse(Files.exists(started("second")), "the queued run's step started");
    }

    /** Starts a run whose step touches {@code started(name)}, then awaits {@code release(name)}. */
    private String trigger(String name) throws Exception {
        String body = "{\"run_configuration\": {\"steps\": {\"hold\": {\"parameters\": {"
                + "\"started\": " + JSON.writeValueAsString(started(name).toString()) + ", "
                + "\"release\": " + JSON.writeValueAsString(release(name).toString()) + "}}}}}";
        return api.ok("POST", "/api/v1/pipeline_snapshots/" + snapshotId + "/runs", body)
                .get("id").asText();
    }

    private Path started(String name) {
        return root.resolve(name + ".started");
    }

    private Path release(String name) {
        return root.resolve(name + ".release");
    }

    private static void awaitFile(Path file) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!Files.exists(file) && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertTrue(Files.exists(file), file + " did not appear");
    }

    /** The run's first status other than {@code status}. */
    private String awaitStatusPast(String runId, String status) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        String now = api.ok("GET", "/api/v1/runs/" + runId + "/status", null).asText();
        while (now.equals(status) && Instant.now().isBefore(deadline)) {
            now = api.ok("GET", "/api/v1/runs/" + runId + "/status", null).asText();
        }
        return now;
    }

    private JsonNode awaitEnd(String runId) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonNode run = api.ok("GET", "/api/v1/runs/" + runId, null);
        while (run.get("body").get("in_progress").asBoolean() && Instant.now().isBefore(deadline)) {
            run = api.ok("GET", "/api/v1/runs/" + runId, null);
        }
        return run;
    }
}
