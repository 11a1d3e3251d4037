package dev.snapdeck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.snapdeck.testing.RawApi;
import dev.snapdeck.testing.RawApi.Answer;

import dev.snapdeck.runconfig.CheckResult;
import dev.snapdeck.runconfig.RunConfigChecker;
import dev.snapdeck.runconfig.SnapshotSpec;
import dev.snapdeck.server.pipeline.CodeArchive;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Endpoints, shapes and failure paths over raw HTTP. */
class ServerEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private LocalServer server;
    private RawApi api;

    @BeforeEach
    void startServer() throws Exception {
        server = LocalServer.start(new ServerOptions(null, 0, dataDir, null, () -> "pw", null));
        api = RawApi.asAdmin(server.url(), "pw");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private JsonNode fixture(String name) throws Exception {
        return new ObjectMapper().readTree(getClass().getResource("/dev/snapdeck/fixtures/" + name));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private JsonNode finished(String runId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        JsonNode run = api.ok("GET", "/api/v1/runs/" + runId, null);
        while (run.get("body").get("in_progress").asBoolean() && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
            run = api.ok("GET", "/api/v1/runs/" + runId, null);
        }
        return run;
    }

    @Test
    void objectsHaveTheFixturesKeysInTheFixturesOrder() throws Exception {
        String snapshotId = api.ok("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots",
                "{\"name\": \"shapes\"}").get("id").asText();
        String runId = api.ok("POST", "/api/v1/pipeline_snapshots/" + snapshotId + "/runs", "{}").get("id").asText();
        finished(runId);

        JsonNode run = api.ok("GET", "/api/v1/runs/" + runId, null);
        JsonNode runs = api.ok("GET", "/api/v1/runs", null);
        JsonNode snapshot = api.ok("GET", "/api/v1/pipeline_snapshots/" + snapshotId, null);
        JsonNode user = api.ok("GET", "/api/v1/current-user", null);
        JsonNode projects = api.ok("GET", "/api/v1/projects", null);
        JsonNode stack = api.ok("GET", "/api/v1/stacks/" + api.ok("GET", "/api/v1/stacks", null).get("items").get(0)
                .get("id").asText(), null);
        JsonNode pipelines = api.ok("GET", "/api/v1/pipelines", null);
        JsonNode steps = api.ok("GET", "/api/v1/steps?pipeline_run_id=" + runId, null);

        assertEquals(keys(fixture("run-hydrated.json")), keys(run));
        assertEquals(keys(fixture("run-hydrated.json").get("body")), keys(run.get("body")));
        assertEquals(keys(fixture("run-hydrated.json").get("resources")), keys(run.get("resources")));
        assertEquals(keys(fixture("runs-page.json")), keys(runs));
        assertNull(runs.get("items").get(0).get("metadata").textValue());
        assertEquals(keys(fixture("snapshot-hydrated.json").get("body")), keys(snapshot.get("body")));
        assertEquals(keys(fixture("snapshot-hydrated.json").get("resources")), keys(snapshot.get("resources")));
        assertEquals(keys(fixture("current-user.json").get("body")), keys(user.get("body")));
        assertEquals(keys(fixture("projects-page.json").get("items").get(0).get("body")),
                keys(projects.get("items").get(0).get("body")));
        assertEquals("snapdeck", stack.get("metadata").get("components").get("orchestrator").get(0).get("body")
                .get("flavor_name").asText());
        assertEquals(keys(fixture("pipelines-page.json").get("items").get(0).get("resources")),
                keys(pipelines.get("items").get(0).get("resources")));
        assertEquals(4, steps.get("total").asInt());
        assertEquals(keys(fixture("steps-page.json").get("items").get(0).get("body")),
                keys(steps.get("items").get(0).get("body")));
        assertTrue(run.get("body").get("created").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?"));
    }

    @Test
    void configSchemaHasZenmlsStructureAndTheEngineUsesIt() throws Exception {
        String snapshotId = api.ok("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots", "{}")
                .get("id").asText();

        JsonNode snapshot = api.ok("GET", "/api/v1/pipeline_snapshots/" + snapshotId + "?include_config_schema=true",
                null);
        JsonNode schema = snapshot.get("metadata").get("config_schema");
        JsonNode template = snapshot.get("metadata").get("config_template");
        SnapshotSpec spec = SnapshotSpec.of(template, schema);
        CheckResult good = new RunConfigChecker().check("steps:\n  train_model:\n    parameters:\n      k: 9\n", spec);
        CheckResult bad = new RunConfigChecker().check("steps:\n  train_model:\n    parameters:\n      k: 99\n", spec);

        JsonNode reference = fixture("snapshot-hydrated.json").get("metadata").get("config_schema");
        assertEquals(keys(reference), keys(schema));
        assertEquals("Result", schema.get("title").asText());
        assertEquals(keys(reference.get("properties")), keys(schema.get("properties")));
        assertEquals(List.of("load_data", "train_model", "profile_data", "evaluate"),
                keys(schema.get("$defs").get("Steps").get("properties")));
        assertEquals(keys(reference.get("$defs").get("load_data").get("properties")),
                keys(schema.get("$defs").get("load_data").get("properties")));
        assertEquals("integer", schema.get("$defs").get("train_model").get("properties").get("parameters")
                .get("properties").get("k").get("type").asText());
        assertEquals(List.of("resources"), keys(schema.get("$defs").get("Settings").get("properties")));
        assertFalse(good.hasErrors(), good.diagnostics().toString());
        assertTrue(bad.hasErrors());
    }

    @Test
    void everyReadEndpointAnswers() throws Exception {
        String snapshotId = api.ok("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots",
                "{\"name\": \"reads\", \"tags\": [\"a\"]}").get("id").asText();
        String runId = api.ok("POST", "/api/v1/pipeline_snapshots/" + snapshotId + "/runs", "{}").get("id").asText();
        JsonNode run = finished(runId);
        String stepId = api.ok("GET", "/api/v1/runs/" + runId + "/steps", null).get("items").get(0).get("id").asText();

        Request health = new Request.Builder().url(server.url() + "/health").build();
        try (Response response = new OkHttpClient().newCall(health).execute()) {
            assertEquals("\"OK\"", response.body().string());
        }
        assertEquals(dev.snapdeck.Version.current(), api.ok("GET", "/api/v1/version", null).asText());
        assertEquals("completed", api.ok("GET", "/api/v1/runs/" + runId + "/status", null).asText());
        assertEquals("completed", api.ok("GET", "/api/v1/steps/" + stepId + "/status", null).asText());
        assertEquals(4, api.ok("GET", "/api/v1/runs/" + runId + "/dag", null).get("nodes").size());
        assertEquals(5, api.ok("GET", "/api/v1/runs/" + runId + "/dag", null).get("edges").size());
        assertEquals(stepId, api.ok("GET", "/api/v1/steps/" + stepId, null).get("id").asText());
        assertEquals("default", api.ok("GET", "/api/v1/projects/default", null).get("name").asText());
        assertEquals(2, api.ok("GET", "/api/v1/components", null).get("total").asInt());
        assertEquals("training_pipeline", api.ok("GET", "/api/v1/pipelines/" + run.get("body").get("pipeline_id")
                .asText(), null).get("name").asText());
        assertEquals(List.of("a"), List.of(api.ok("GET", "/api/v1/pipeline_snapshots?named_only=true", null)
                .get("items").get(0).get("resources").get("tags").get(0).get("name").asText()));
        assertEquals("training_pipeline", api.ok("GET", "/api/v1/x-snapdeck/pipelines", null).get("items").get(0)
                .get("name").asText());
        assertEquals("null", api.ok("GET", "/api/v1/logout", null).toString());
        assertTrue(api.ok("GET", "/api/v1/runs/" + runId + "/logs", null).size() > 0);
    }

    @Test
    void deletesRunsSnapshotsAndPipelines() throws Exception {
        String snapshotId = api.ok("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots",
                "{\"name\": \"gone\"}").get("id").asText();
        String runId = api.ok("POST", "/api/v1/pipeline_snapshots/" + snapshotId + "/runs", "{}").get("id").asText();
        String pipelineId = finished(runId).get("body").get("pipeline_id").asText();

        api.ok("DELETE", "/api/v1/runs/" + runId, null);
        Answer runGone = api.call("GET", "/api/v1/runs/" + runId, null);
        api.ok("DELETE", "/api/v1/pipeline_snapshots/" + snapshotId, null);
        Answer snapshotGone = api.call("GET", "/api/v1/pipeline_snapshots/" + snapshotId, null);
        api.ok("DELETE", "/api/v1/pipelines/" + pipelineId, null);

        assertEquals(404, runGone.status());
        assertEquals(404, snapshotGone.status());
        assertFalse(Files.exists(dataDir.resolve("runs").resolve(runId)));
        assertEquals(0, api.ok("GET", "/api/v1/pipelines", null).get("total").asInt());
    }

    @Test
    void anExpiredTokenIsRefusedWithShapeA() throws Exception {
        server.close();
        server = LocalServer.start(new ServerOptions(null, 0, dataDir, null, () -> "pw", Duration.ofNanos(1)));
        api = RawApi.asAdmin(server.url(), "pw");

        Answer answer = api.call("GET", "/api/v1/runs", null);

        assertEquals(401, answer.status());
        assertEquals(fixture("error-401-invalid-token.json"), answer.json());
    }

    @Test
    void gracefulStopLetsTheRunningStepFinish() throws Exception {
        String snapshotId = api.ok("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots",
                "{\"config\": {\"enable_cache\": false}}").get("id").asText();
        String runId = api.ok("POST", "/api/v1/pipeline_snapshots/" + snapshotId + "/runs", "{}").get("id").asText();

        api.ok("POST", "/api/v1/runs/" + runId + "/stop?graceful=true", null);
        JsonNode run = finished(runId);

        assertEquals("stopped", run.get("body").get("status").asText());
        Answer again = api.call("POST", "/api/v1/runs/" + runId + "/stop", null);
        assertEquals(403, again.status());
        assertEquals("IllegalOperationError", again.json().get("detail").get(0).asText());
    }

    @Test
    void anArchiveEntryThatEscapesFailsTheRunAndWritesNothingOutside() throws Exception {
        Path archives = dataDir.resolve("archives");
        Files.createDirectories(archives);
        Path evil = archives.resolve("evil.zip");
        try (OutputStream file = Files.newOutputStream(evil); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("../../escaped.txt"));
            zip.write("gotcha".getBytes());
            zip.closeEntry();
        }
        String evilId = CodeArchive.hash(evil);
        Files.move(evil, archives.resolve(evilId + ".zip"));
        String snapshotId = api.ok("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots", "{}")
                .get("id").asText();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("snapdeck.db"))) {
            connection.createStatement().executeUpdate("PRAGMA busy_timeout=5000");
            connection.createStatement().executeUpdate("UPDATE snapshots SET code_id = '" + evilId + "'");
        }

        String runId = api.ok("POST", "/api/v1/pipeline_snapshots/" + snapshotId + "/runs", "{}").get("id").asText();
        JsonNode run = finished(runId);

        assertEquals("failed", run.get("body").get("status").asText());
        assertTrue(run.get("body").get("status_reason").asText().startsWith("Failed to start run"));
        assertFalse(Files.exists(dataDir.resolve("escaped.txt")));
        assertFalse(Files.exists(dataDir.resolve("code").resolve("escaped.txt")));
        try (var left = Files.list(dataDir.resolve("code"))) {
            assertEquals(0, left.count());
        }
    }
}
