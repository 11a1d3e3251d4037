package dev.snapdeck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.snapdeck.testing.RawApi;
import dev.snapdeck.testing.RawApi.Answer;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

class LocalServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType APPLICATION_JSON = MediaType.get("application/json");

    @TempDir
    Path dataDir;

    private LocalServer server;
    private RawApi api;

    @BeforeEach
    void startServer() throws Exception {
        server = LocalServer.start(new ServerOptions(null, 0, dataDir, null, () -> "s3cret-admin", null));
        api = RawApi.asAdmin(server.url(), "s3cret-admin");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private JsonNode fixture(String name) throws Exception {
        return JSON.readTree(getClass().getResource("/dev/snapdeck/fixtures/" + name));
    }

    @Test
    void answersMissingAndBadCredentialsInZenmlShapes() throws Exception {
        Answer missing = api.call("GET", "/api/v1/runs", null, null);
        Answer bad = api.call("GET", "/api/v1/runs", null, "not-a-token");
        Answer unknownRoute = api.call("GET", "/api/v1/nothing-here", null);

        assertEquals(401, missing.status());
        assertEquals(fixture("error-401-no-credentials.json"), missing.json());
        assertEquals(401, bad.status());
        assertEquals("AuthorizationException", bad.json().get("detail").get(0).asText());
        assertEquals(404, unknownRoute.status());
        assertEquals(fixture("error-404-unknown-path.json"), unknownRoute.json());
    }

    @Test
    void unknownPathsAre404WithOrWithoutAToken() throws Exception {
        Answer unknown = api.call("GET", "/api/v1/nothing-here", null, null);
        Answer unknownUnderARun = api.call("GET", "/api/v1/runs/" + java.util.UUID.randomUUID() + "/colour",
                null, null);
        Answer knownWithParameter = api.call("GET", "/api/v1/runs/" + java.util.UUID.randomUUID() + "/dag", null, null);
        Answer knownWithSlash = api.call("GET", "/api/v1/runs/", null, null);

        assertEquals(404, unknown.status());
        assertEquals(fixture("error-404-unknown-path.json"), unknown.json());
        assertEquals(404, unknownUnderARun.status());
        assertEquals(fixture("error-404-unknown-path.json"), unknownUnderARun.json());
        assertEquals(401, knownWithParameter.status());
        assertEquals(fixture("error-401-no-credentials.json"), knownWithParameter.json());
        assertEquals(401, knownWithSlash.status());
    }

    @Test
    void infoSaysSnapdeckLocalAndOpenApiListsTheRunRoute() throws Exception {
        Answer info = api.call("GET", "/api/v1/info", null, null);
        Answer openApi = api.call("GET", "/openapi.json", null, null);

        assertEquals("local", info.json().get("deployment_type").asText());
        assertEquals("OAUTH2_PASSWORD_BEARER", info.json().get("auth_scheme").asText());
        assertEquals("true", info.json().get("metadata").get("snapdeck").asText());
        assertTrue(openApi.json().get("paths").get("/api/v1/pipeline_snapshots/{snapshot_id}/runs").has("post"));
    }

    @Test
    void runsASnapshotWithAChangedParameterToCompletion() throws Exception {
        Answer snapshot = api.call("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots",
                "{\"name\": \"nightly\"}");
        String snapshotId = snapshot.json().get("id").asText();

        Answer run = api.call("POST", "/api/v1/pipeline_snapshots/" + snapshotId + "/runs",
                "{\"run_configuration\": {\"steps\": {\"train_model\": {\"parameters\": {\"k\": 7}}}}}");
        String runId = run.json().get("id").asText();
        JsonNode finished = waitForRun(runId, Duration.ofMinutes(3));

        assertEquals(200, snapshot.status(), snapshot.json().toString());
        assertEquals(200, run.status(), run.json().toString());
        assertEquals("initializing", run.json().get("body").get("status").asText());
        assertEquals("completed", finished.get("body").get("status").asText(), finished.toString());
        assertEquals(snapshotId, finished.get("resources").get("source_snapshot").get("id").asText());
        Answer steps = api.call("GET", "/api/v1/runs/" + runId + "/steps?name=train_model", null);
        JsonNode step = steps.json().get("items").get(0);
        String logsId = step.get("resources").get("log_collection").get(0).get("id").asText();
        Answer logs = api.call("GET", "/api/v1/steps/" + step.get("id").asText() + "/logs?logs_id=" + logsId, null);
        assertTrue(logs.json().toString().contains("k=7"), logs.json().toString());
        assertTrue(Files.isDirectory(dataDir.resolve("runs").resolve(runId).resolve("train_model").resolve("outputs")));
    }

    @Test
    void aWholeNumberFloatForAnIntegerParameterReachesTheStepAsAnInteger() throws Exception {
        Answer snapshot = api.call("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots",
                "{\"name\": \"float-k\"}");
        String snapshotId = snapshot.json().get("id").asText();

        Answer run = api.call("POST", "/api/v1/pipeline_snapshots/" + snapshotId + "/runs",
                "{\"run_configuration\": {\"steps\": {\"train_model\": {\"parameters\": {\"k\": 7.0}}}}}");
        String runId = run.json().get("id").asText();
        JsonNode finished = waitForRun(runId, Duration.ofMinutes(3));

        assertEquals(200, run.status(), run.json().toString());
        assertEquals("completed", finished.get("body").get("status").asText(), finished.toString());
        Path trainModel = dataDir.resolve("runs").resolve(runId).resolve("train_model");
        String log = Files.readString(trainModel.resolve("step.log"));
        assertTrue(log.contains(" k=7 "), log);
        JsonNode k = JSON.readTree(trainModel.resolve("parameters.json").toFile()).get("parameters").get("k");
        assertTrue(k.isIntegralNumber(), k.toString());
        assertEquals(7, k.intValue());
    }

    @Test
    void refusesAListAsRunConfigurationWithShapeC() throws Exception {
        String snapshotId = api.call("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots", "{}")
                .json().get("id").asText();

        Answer answer = api.call("POST", "/api/v1/pipeline_snapshots/" + snapshotId + "/runs",
                "{\"run_configuration\": []}");
        Answer unknown = api.call("POST", "/api/v1/pipeline_snapshots/" + snapshotId + "/runs",
                "{\"run_configuration\": {\"steps\": {\"train_model\": {\"parameters\": {\"momentum\": 1}}}}}");

        assertEquals(422, answer.status());
        assertTrue(answer.json().isArray());
        assertTrue(answer.json().get(1).asText().contains("'loc': ('body', 'run_configuration')"));
        assertEquals(400, unknown.status());
        assertEquals("Run configuration contains the following unknown parameters for step train_model: "
                + "{'momentum'}.", unknown.json().get("detail").get(1).asText());
    }

    @Test
    void reconcilesRunsLeftRunningByAKilledServer() throws Exception {
        String snapshotId = api.call("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots", "{}")
                .json().get("id").asText();
        String runId = api.call("POST", "/api/v1/pipeline_snapshots/" + snapshotId + "/runs", "{}")
                .json().get("id").asText();
        server.close();
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("snapdeck.db"))) {
            connection.createStatement().executeUpdate("UPDATE runs SET status = 'running', status_reason = NULL");
        }

        server = LocalServer.start(new ServerOptions(null, 0, dataDir, null, () -> "unused", null));
        api = RawApi.asAdmin(server.url(), "s3cret-admin");
        JsonNode run = api.call("GET", "/api/v1/runs/" + runId, null).json();

        assertEquals("failed", run.get("body").get("status").asText());
        assertTrue(run.get("body").get("status_reason").asText().contains("stopped"));
    }

    @Test
    void pagesPastTheEndAreA400AndUnknownSortA422() throws Exception {
        Answer page = api.call("GET", "/api/v1/runs?page=3", null);
        Answer sort = api.call("GET", "/api/v1/runs?sort_by=desc:colour", null);
        Answer empty = api.call("GET", "/api/v1/runs", null);

        assertEquals(400, page.status());
        assertEquals(422, sort.status());
        assertEquals(1, empty.json().get("total_pages").asInt());
        assertEquals(0, empty.json().get("total").asInt());
    }

    @Test
    void runFiltersOnTheOneStackWorkAndFiltersItCannotAnswerAre422() throws Exception {
        String snapshotId = api.call("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots", "{}")
                .json().get("id").asText();
        api.call("POST", "/api/v1/pipeline_snapshots/" + snapshotId + "/runs", "{}");
        String stackId = api.call("GET", "/api/v1/stacks", null).json().get("items").get(0).get("id").asText();
        String otherId = java.util.UUID.randomUUID().toString();

        int onTheStack = api.call("GET", "/api/v1/runs?stack_id=" + stackId, null).json().get("total").asInt();
        int onAnother = api.call("GET", "/api/v1/runs?stack_id=" + otherId, null).json().get("total").asInt();
        int byName = api.call("GET", "/api/v1/runs?stack=default", null).json().get("total").asInt();
        int byOtherName = api.call("GET", "/api/v1/runs?stack=gpu", null).json().get("total").asInt();
        int roots = api.call("GET", "/api/v1/runs?root_runs_only=true", null).json().get("total").asInt();
        Answer tags = api.call("GET", "/api/v1/runs?tags=nightly", null);
        Answer metadata = api.call("GET", "/api/v1/runs?run_metadata=accuracy:gt:0.9", null);
        Answer build = api.call("GET", "/api/v1/runs?build_id=" + otherId, null);
        Answer schedule = api.call("GET", "/api/v1/runs?schedule_id=" + otherId, null);

        assertEquals(1, onTheStack);
        assertEquals(0, onAnother);
        assertEquals(1, byName);
        assertEquals(0, byOtherName);
        assertEquals(1, roots);
        for (Answer refused : List.of(tags, metadata, build, schedule)) {
            assertEquals(422, refused.status(), String.valueOf(refused.json()));
            assertEquals("ValueError", refused.json().get("detail").get(0).asText());
            assertTrue(refused.json().get("detail").get(1).asText().endsWith("is not supported by the Snapdeck "
                    + "local server."), refused.json().toString());
        }
        assertTrue(tags.json().get("detail").get(1).asText().contains("'tags'"));
    }

    @Test
    void answersSizeTooLargeAndWrongMethodLikeTheFixtures() throws Exception {
        Answer size = api.call("GET", "/api/v1/runs?size=20000", null);
        Answer method = api.call("POST", "/api/v1/runs", "{}");

        assertEquals(422, size.status());
        assertEquals(fixture("error-422-query.json"), size.json());
        assertEquals(405, method.status());
        assertEquals(fixture("error-405-no-workload-manager.json"), method.json());
    }

    @Test
    void addsAndRemovesSnapshotTags() throws Exception {
        String id = api.call("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots",
                "{\"name\": \"tagged\", \"tags\": [\"a\", \"b\"]}").json().get("id").asText();

        Answer updated = api.call("PUT", "/api/v1/pipeline_snapshots/" + id,
                "{\"add_tags\": [\"c\"], \"remove_tags\": [\"a\"], \"description\": \"\"}");
        Answer unnamed = api.call("PUT", "/api/v1/pipeline_snapshots/" + id, "{\"name\": false}");
        Answer empty = api.call("PUT", "/api/v1/pipeline_snapshots/" + id, "{\"name\": \"\"}");

        JsonNode tags = updated.json().get("resources").get("tags");
        assertEquals("b", tags.get(0).get("name").asText());
        assertEquals("c", tags.get(1).get("name").asText());
        assertEquals(2, tags.size());
        assertTrue(unnamed.json().get("name").isNull());
        assertEquals(422, empty.status());
    }

    private JsonNode waitForRun(String runId, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode run = api.call("GET", "/api/v1/runs/" + runId, null).json();
        while (run.get("body").get("in_progress").asBoolean() && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
            run = api.call("GET", "/api/v1/runs/" + runId, null).json();
        }
        return run;
    }

    @Test
    void chunkedBodyOverTheLimitIsRefusedWith413() throws Exception {
        byte[] chunk = "x".repeat(64 * 1024).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RequestBody chunked = new RequestBody() {
            @Override
            public MediaType contentType() {
                return APPLICATION_JSON;
            }

            @Override
            public void writeTo(okio.BufferedSink sink) throws java.io.IOException {
                for (int i = 0; i < 40; i++) {
                    sink.write(chunk);
                }
            }
        };
        Request request = new Request.Builder()
                .url(server.url() + "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots")
                .header("Authorization", "Bearer " + api.token()).post(chunked).build();

        int status;
        try (Response response = new OkHttpClient().newCall(request).execute()) {
            status = response.code();
        }

        assertEquals(413, status);
    }

    @Test
    void deeplyNestedJsonIsA422NotA500() throws Exception {
        String nested = "[".repeat(5000) + "]".repeat(5000);

        Answer answer = api.call("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots",
                "{\"config\": " + nested + "}");

        assertEquals(422, answer.status());
        assertTrue(answer.json().isArray(), answer.json().toString());
    }

    @Test
    void snapshotWithAConfigNoRunCouldUseIsRefused() throws Exception {
        String body = "{\"name\": \"broken\", \"config\": {\"steps\": {\"train_model\": "
                + "{\"parameters\": {\"k\": 999}}}}}";

        Answer answer = api.call("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots",
                body);

        assertEquals(400, answer.status(), String.valueOf(answer.json()));
        assertTrue(answer.json().toString().contains("k"), answer.json().toString());
    }

    @Test
    void snapshotWithARunNameNoRunCouldUseIsRefused() throws Exception {
        String body = "{\"name\": \"unnameable\", \"config\": {\"run_name\": \"x-{nope}\"}}";

        Answer answer = api.call("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots", body);

        assertEquals(422, answer.status(), String.valueOf(answer.json()));
        assertTrue(answer.json().toString().contains("{nope}"), answer.json().toString());
        assertEquals(0, api.call("GET", "/api/v1/pipeline_snapshots", null).json().get("total").asInt());
    }
}
