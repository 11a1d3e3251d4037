package dev.snapdeck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import okhttp3.FormBody;
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
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();
    private String token;

    @BeforeEach
    void startServer() throws Exception {
        server = LocalServer.start(new ServerOptions(null, 0, dataDir, null, () -> "s3cret-admin", null));
        token = login("admin", "s3cret-admin");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private String login(String user, String password) throws Exception {
        Request request = new Request.Builder().url(server.url() + "/api/v1/login")
                .post(new FormBody.Builder().add("username", user).add("password", password).build()).build();
        try (Response response = http.newCall(request).execute()) {
            assertEquals(200, response.code());
            return JSON.readTree(response.body().string()).get("access_token").asText();
        }
    }

    private record Answer(int status, JsonNode json) {
    }

    private Answer call(String method, String path, String body, String bearer) throws Exception {
        Request.Builder builder = new Request.Builder().url(server.url() + path);
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        builder.method(method, body == null ? (method.equals("POST") || method.equals("PUT")
                ? RequestBody.create("", APPLICATION_JSON) : null) : RequestBody.create(body, APPLICATION_JSON));
        try (Response response = http.newCall(builder.build()).execute()) {
            String text = response.body().string();
            return new Answer(response.code(), text.isEmpty() ? null : JSON.readTree(text));
        }
    }

    private JsonNode fixture(String name) throws Exception {
        return JSON.readTree(getClass().getResource("/dev/snapdeck/fixtures/" + name));
    }

    @Test
    void answersMissingAndBadCredentialsInZenmlShapes() throws Exception {
        Answer missing = call("GET", "/api/v1/runs", null, null);
        Answer bad = call("GET", "/api/v1/runs", null, "not-a-token");
        Answer unknownRoute = call("GET", "/api/v1/nothing-here", null, token);

        assertEquals(401, missing.status());
        assertEquals(fixture("error-401-no-credentials.json"), missing.json());
        assertEquals(401, bad.status());
        assertEquals("AuthorizationException", bad.json().get("detail").get(0).asText());
        assertEquals(404, unknownRoute.status());
        assertEquals(fixture("error-404-unknown-path.json"), unknownRoute.json());
    }

    @Test
    void unknownPathsAre404WithOrWithoutAToken() throws Exception {
        Answer unknown = call("GET", "/api/v1/nothing-here", null, null);
        Answer unknownUnderARun = call("GET", "/api/v1/runs/" + java.util.UUID.randomUUID() + "/colour", null, null);
        Answer knownWithParameter = call("GET", "/api/v1/runs/" + java.util.UUID.randomUUID() + "/dag", null, null);
        Answer knownWithSlash = call("GET", "/api/v1/runs/", null, null);

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
        Answer info = call("GET", "/api/v1/info", null, null);
        Answer openApi = call("GET", "/openapi.json", null, null);

        assertEquals("local", info.json().get("deployment_type").asText());
        assertEquals("OAUTH2_PASSWORD_BEARER", info.json().get("auth_scheme").asText());
        assertEquals("true", info.json().get("metadata").get("snapdeck").asText());
        assertTrue(openApi.json().get("paths").get("/api/v1/pipeline_snapshots/{snapshot_id}/runs").has("post"));
    }

    @Test
    void runsASnapshotWithAChangedParameterToCompletion() throws Exception {
        Answer snapshot = call("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots",
                "{\"name\": \"nightly\"}", token);
        String snapshotId = snapshot.json().get("id").asText();

        Answer run = call("POST", "/api/v1/pipeline_snapshots/" + snapshotId + "/runs",
                "{\"run_configuration\": {\"steps\": {\"train_model\": {\"parameters\": {\"k\": 7}}}}}", token);
        String runId = run.json().get("id").asText();
        JsonNode finished = waitForRun(runId, Duration.ofMinutes(3));

        assertEquals(200, snapshot.status(), snapshot.json().toString());
        assertEquals(200, run.status(), run.json().toString());
        assertEquals("initializing", run.json().get("body").get("status").asText());
        assertEquals("completed", finished.get("body").get("status").asText(), finished.toString());
        assertEquals(snapshotId, finished.get("resources").get("source_snapshot").get("id").asText());
        Answer steps = call("GET", "/api/v1/runs/" + runId + "/steps?name=train_model", null, token);
        JsonNode step = steps.json().get("items").get(0);
        String logsId = step.get("resources").get("log_collection").get(0).get("id").asText();
        Answer logs = call("GET", "/api/v1/steps/" + step.get("id").asText() + "/logs?logs_id=" + logsId, null, token);
        assertTrue(logs.json().toString().contains("k=7"), logs.json().toString());
        assertTrue(Files.isDirectory(dataDir.resolve("runs").resolve(runId).resolve("train_model").resolve("outputs")));
    }

    @Test
    void refusesAListAsRunConfigurationWithShapeC() throws Exception {
        String snapshotId = call("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots", "{}", token)
                .json().get("id").asText();

        Answer answer = call("POST", "/api/v1/pipeline_snapshots/" + snapshotId + "/runs",
                "{\"run_configuration\": []}", token);
        Answer unknown = call("POST", "/api/v1/pipeline_snapshots/" + snapshotId + "/runs",
                "{\"run_configuration\": {\"steps\": {\"train_model\": {\"parameters\": {\"momentum\": 1}}}}}", token);

        assertEquals(422, answer.status());
        assertTrue(answer.json().isArray());
        assertTrue(answer.json().get(1).asText().contains("'loc': ('body', 'run_configuration')"));
        assertEquals(400, unknown.status());
        assertEquals("Run configuration contains the following unknown parameters for step train_model: "
                + "{'momentum'}.", unknown.json().get("detail").get(1).asText());
    }

    @Test
    void reconcilesRunsLeftRunningByAKilledServer() throws Exception {
        String snapshotId = call("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots", "{}", token)
                .json().get("id").asText();
        String runId = call("POST", "/api/v1/pipeline_snapshots/" + snapshotId + "/runs", "{}", token)
                .json().get("id").asText();
        server.close();
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("snapdeck.db"))) {
            connection.createStatement().executeUpdate("UPDATE runs SET status = 'running', status_reason = NULL");
        }

        server = LocalServer.start(new ServerOptions(null, 0, dataDir, null, () -> "unused", null));
        token = login("admin", "s3cret-admin");
        JsonNode run = call("GET", "/api/v1/runs/" + runId, null, token).json();

        assertEquals("failed", run.get("body").get("status").asText());
        assertTrue(run.get("body").get("status_reason").asText().contains("stopped"));
    }

    @Test
    void pagesPastTheEndAreA400AndUnknownSortA422() throws Exception {
        Answer page = call("GET", "/api/v1/runs?page=3", null, token);
        Answer sort = call("GET", "/api/v1/runs?sort_by=desc:colour", null, token);
        Answer empty = call("GET", "/api/v1/runs", null, token);

        assertEquals(400, page.status());
        assertEquals(422, sort.status());
        assertEquals(1, empty.json().get("total_pages").asInt());
        assertEquals(0, empty.json().get("total").asInt());
    }

    @Test
    void runFiltersOnTheOneStackWorkAndFiltersItCannotAnswerAre422() throws Exception {
        String snapshotId = call("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots", "{}", token)
                .json().get("id").asText();
        call("POST", "/api/v1/pipeline_snapshots/" + snapshotId + "/runs", "{}", token);
        String stackId = call("GET", "/api/v1/stacks", null, token).json().get("items").get(0).get("id").asText();
        String otherId = java.util.UUID.randomUUID().toString();

        int onTheStack = call("GET", "/api/v1/runs?stack_id=" + stackId, null, token).json().get("total").asInt();
        int onAnother = call("GET", "/api/v1/runs?stack_id=" + otherId, null, token).json().get("total").asInt();
        int byName = call("GET", "/api/v1/runs?stack=default", null, token).json().get("total").asInt();
        int byOtherName = call("GET", "/api/v1/runs?stack=gpu", null, token).json().get("total").asInt();
        int roots = call("GET", "/api/v1/runs?root_runs_only=true", null, token).json().get("total").asInt();
        Answer tags = call("GET", "/api/v1/runs?tags=nightly", null, token);
        Answer metadata = call("GET", "/api/v1/runs?run_metadata=accuracy:gt:0.9", null, token);
        Answer build = call("GET", "/api/v1/runs?build_id=" + otherId, null, token);
        Answer schedule = call("GET", "/api/v1/runs?schedule_id=" + otherId, null, token);

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
        Answer size = call("GET", "/api/v1/runs?size=20000", null, token);
        Answer method = call("POST", "/api/v1/runs", "{}", token);

        assertEquals(422, size.status());
        assertEquals(fixture("error-422-query.json"), size.json());
        assertEquals(405, method.status());
        assertEquals(fixture("error-405-no-workload-manager.json"), method.json());
    }

    @Test
    void addsAndRemovesSnapshotTags() throws Exception {
        String id = call("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots",
                "{\"name\": \"tagged\", \"tags\": [\"a\", \"b\"]}", token).json().get("id").asText();

        Answer updated = call("PUT", "/api/v1/pipeline_snapshots/" + id,
                "{\"add_tags\": [\"c\"], \"remove_tags\": [\"a\"], \"description\": \"\"}", token);
        Answer unnamed = call("PUT", "/api/v1/pipeline_snapshots/" + id, "{\"name\": false}", token);
        Answer empty = call("PUT", "/api/v1/pipeline_snapshots/" + id, "{\"name\": \"\"}", token);

        JsonNode tags = updated.json().get("resources").get("tags");
        assertEquals("b", tags.get(0).get("name").asText());
        assertEquals("c", tags.get(1).get("name").asText());
        assertEquals(2, tags.size());
        assertTrue(unnamed.json().get("name").isNull());
        assertEquals(422, empty.status());
    }

    private JsonNode waitForRun(String runId, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode run = call("GET", "/api/v1/runs/" + runId, null, token).json();
        while (run.get("body").get("in_progress").asBoolean() && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
            run = call("GET", "/api/v1/runs/" + runId, null, token).json();
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
                .header("Authorization", "Bearer " + token).post(chunked).build();

        int status;
        try (Response response = http.newCall(request).execute()) {
            status = response.code();
        }

        assertEquals(413, status);
    }

    @Test
    void deeplyNestedJsonIsA422NotA500() throws Exception {
        String nested = "[".repeat(5000) + "]".repeat(5000);

        Answer answer = call("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots",
                "{\"config\": " + nested + "}", token);

        assertEquals(422, answer.status());
        assertTrue(answer.json().isArray(), answer.json().toString());
    }

    @Test
    void snapshotWithAConfigNoRunCouldUseIsRefused() throws Exception {
        String body = "{\"name\": \"broken\", \"config\": {\"steps\": {\"train_model\": "
                + "{\"parameters\": {\"k\": 999}}}}}";

        Answer answer = call("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots",
                body, token);

        assertEquals(400, answer.status(), String.valueOf(answer.json()));
        assertTrue(answer.json().toString().contains("k"), answer.json().toString());
    }
}
