package dev.snapdeck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.snapdeck.api.ConflictException;
import dev.snapdeck.api.Credentials;
import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.api.LogEntry;
import dev.snapdeck.api.Page;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.RunQuery;
import dev.snapdeck.api.ServerCapabilities;
import dev.snapdeck.api.Snapshot;
import dev.snapdeck.api.SnapshotQuery;
import dev.snapdeck.api.StepRun;
import dev.snapdeck.api.UnauthorizedException;
import dev.snapdeck.api.ZenmlClient;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** The real client against a real server on loopback. */
class ClientAgainstServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private LocalServer server;
    private ZenmlClient client;
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();

    @BeforeEach
    void startServer() throws Exception {
        server = LocalServer.start(new ServerOptions(null, 0, dataDir, null, () -> "admin-pass", null));
        client = ZenmlClient.builder(server.url().toString())
                .credentials(Credentials.password("admin", "admin-pass")).build();
        client.login();
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.close();
    }

    private String token() throws Exception {
        Request request = new Request.Builder().url(server.url() + "/api/v1/login")
                .post(new okhttp3.FormBody.Builder().add("username", "admin").add("password", "admin-pass").build())
                .build();
        try (Response response = http.newCall(request).execute()) {
            return JSON.readTree(response.body().string()).get("access_token").asText();
        }
    }

    private JsonNode post(String path, String body, String bearer, int expected) throws Exception {
        Request request = new Request.Builder().url(server.url() + path).header("Authorization", "Bearer " + bearer)
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            assertEquals(expected, response.code(), text);
            return text.isEmpty() ? null : JSON.readTree(text);
        }
    }

    private UUID snapshotOf(String body) throws Exception {
        return UUID.fromString(post("/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots", body, token(), 200)
                .get("id").asText());
    }

    private PipelineRun waitUntilFinished(UUID runId) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        PipelineRun run = client.run(runId);
        while (run.inProgress() && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
            run = client.run(runId);
        }
        return run;
    }

    @Test
    void capabilitiesSayTheServerCanRunSnapshots() {
        ServerCapabilities capabilities = client.capabilities();

        assertTrue(capabilities.hasSnapshots());
        assertTrue(capabilities.canRunSnapshots());
        assertFalse(capabilities.pro());
        assertEquals("admin", client.currentUser().name());
        assertEquals("default", client.defaultProject().name());
    }

    @Test
    void aRunEndsCompletedWithStepLogsAndASecondRunHitsTheCache() throws Exception {
        UUID snapshotId = snapshotOf("{\"name\": \"iris\"}");

        PipelineRun first = waitUntilFinished(client.triggerRun(snapshotId, null).id());
        PipelineRun second = waitUntilFinished(client.triggerRun(snapshotId, null).id());

        assertEquals(ExecutionStatus.COMPLETED, first.status());
        List<StepRun> firstSteps = client.runSteps(first.id());
        assertEquals(4, firstSteps.size());
        StepRun load = firstSteps.stream().filter(step -> step.name().equals("load_data")).findFirst().orElseThrow();
        List<LogEntry> logs = client.stepLogs(load.id(), load.logCollection().get(0).id());
        assertTrue(logs.stream().anyMatch(entry -> entry.message().contains("test_fraction")), logs.toString());
        assertEquals(ExecutionStatus.COMPLETED, second.status());
        List<StepRun> secondSteps = client.runSteps(second.id());
        assertTrue(secondSteps.stream().anyMatch(step -> step.status().equals(ExecutionStatus.CACHED)),
                secondSteps.toString());
        List<LogEntry> runLog = client.runLogs(second.id(), second.logCollection().get(0).id());
        assertTrue(runLog.stream().anyMatch(entry -> entry.message().contains("cached")), runLog.toString());
    }

    @Test
    void stopsARunImmediately() throws Exception {
        UUID snapshotId = snapshotOf("{\"config\": {\"enable_cache\": false}}");
        PipelineRun run = client.triggerRun(snapshotId, null);

        client.stopRun(run.id(), false);
        PipelineRun stopped = waitUntilFinished(run.id());

        assertEquals(ExecutionStatus.STOPPED, stopped.status());
        assertThrows(dev.snapdeck.api.ForbiddenException.class, () -> client.stopRun(run.id(), false));
    }

    @Test
    void runNamesResolvePlaceholdersAndADuplicateNameIsAConflict() throws Exception {
        UUID snapshotId = snapshotOf("{\"config\": {\"run_name\": \"iris-{who}-{date}\", "
                + "\"substitutions\": {\"who\": \"ada\"}}}");
        PipelineRun run = client.triggerRun(snapshotId, null);
        String fixed = "{\"run_configuration\": {\"run_name\": \"fixed-name\"}}";

        post("/api/v1/pipeline_snapshots/" + snapshotId + "/runs", fixed, token(), 200);
        JsonNode duplicate = post("/api/v1/pipeline_snapshots/" + snapshotId + "/runs", fixed, token(), 409);
        JsonNode unknown = post("/api/v1/pipeline_snapshots/" + snapshotId + "/runs",
                "{\"run_configuration\": {\"run_name\": \"x-{nope}\"}}", token(), 422);

        assertTrue(run.name().matches("iris-ada-\\d{4}_\\d{2}_\\d{2}"), run.name());
        assertEquals("EntityExistsError", duplicate.get("detail").get(0).asText());
        assertTrue(unknown.get("detail").get(1).asText().contains("{nope}"));
    }

    @Test
    void twentyConcurrentTriggersMakeTwentyRunsAndPagingNeitherGapsNorRepeats() throws Exception {
        UUID snapshotId = snapshotOf("{\"name\": \"busy\"}");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Callable<UUID>> triggers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            triggers.add(() -> client.triggerRun(snapshotId, null).id());
        }

        Set<UUID> created = new HashSet<>();
        for (Future<UUID> future : pool.invokeAll(triggers, 2, TimeUnit.MINUTES)) {
            created.add(future.get());
        }
        pool.shutdown();
        Set<UUID> listed = new HashSet<>();
        int pages = 0;
        Page<PipelineRun> page;
        do {
            page = client.runs(new RunQuery().sourceSnapshot(snapshotId).size(7).page(++pages));
            page.items().forEach(run -> assertTrue(listed.add(run.id()), "repeated " + run.id()));
        } while (page.index() < page.totalPages());

        assertEquals(20, created.size());
        assertEquals(created, listed);
        assertEquals(3, pages);
    }

    @Test
    void filtersRunsByNameStatusAndDate() throws Exception {
        UUID snapshotId = snapshotOf("{\"config\": {\"run_name\": \"alpha-{time}\"}}");
        PipelineRun alpha = waitUntilFinished(client.triggerRun(snapshotId, null).id());
        String now = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(1));

        Page<PipelineRun> byName = client.runs(new RunQuery().nameContains("lph"));
        Page<PipelineRun> byStatus = client.runs(new RunQuery().filter("status", "oneof:[\"completed\",\"failed\"]"));
        Page<PipelineRun> noneLater = client.runs(new RunQuery().filter("created", "gt:" + now));
        Page<PipelineRun> either = client.runs(new RunQuery().filter("name", "startswith:zzz")
                .filter("status", alpha.status().raw()).filter("logical_operator", "or"));
        Page<PipelineRun> sorted = client.runs(new RunQuery().sortBy("asc:name"));

        assertEquals(List.of(alpha.id()), byName.items().stream().map(PipelineRun::id).toList());
        assertEquals(1, byStatus.total());
        assertEquals(0, noneLater.total());
        assertEquals(1, either.total());
        assertEquals(1, sorted.total());
    }

    @Test
    void namingARunsSnapshotMakesItANamedSnapshotAndNamesClash() throws Exception {
        UUID snapshotId = snapshotOf("{\"name\": \"first\"}");
        PipelineRun run = client.triggerRun(snapshotId, null);
        UUID ownSnapshot = run.snapshot().id();

        Snapshot named = client.updateSnapshot(ownSnapshot, new dev.snapdeck.api.SnapshotUpdate().name("from-run"));
        Page<Snapshot> namedOnly = client.snapshots(new SnapshotQuery().namedOnly());

        assertEquals("from-run", named.name());
        assertEquals(snapshotId, run.sourceSnapshot().id());
        assertEquals(2, namedOnly.total());
        assertThrows(ConflictException.class, () -> client.updateSnapshot(ownSnapshot,
                new dev.snapdeck.api.SnapshotUpdate().name("first")));
    }

    @Test
    void aFolderSnapshotIsFrozenForTheDefaultStackAndNoOther() {
        UUID defaultStack = client.stacks(new dev.snapdeck.api.StackQuery()).items().get(0).id();

        Snapshot made = client.snapdeckSnapshotFromFolder("training_pipeline", "on-default", null,
                List.of(), null, defaultStack, false);

        assertEquals(defaultStack, made.stack().id());
        assertThrows(dev.snapdeck.api.NotFoundException.class,
                () -> client.snapdeckSnapshotFromFolder("training_pipeline", "elsewhere", null,
                        List.of(), null, UUID.randomUUID(), false));
        assertEquals(1, client.snapshots(new SnapshotQuery().namedOnly()).total());
    }

    @Test
    void serviceAccountKeysLogInRotateAndStopWorkingWhenDeleted() throws Exception {
        String admin = token();
        JsonNode account = post("/api/v1/service_accounts", "{\"name\": \"ci\"}", admin, 200);
        JsonNode key = post("/api/v1/service_accounts/ci/api_keys", "{\"name\": \"main\"}", admin, 200);
        String keyText = key.get("body").get("key").asText();

        ZenmlClient robot = ZenmlClient.builder(server.url().toString()).credentials(Credentials.apiKey(keyText))
                .build();
        robot.login();
        String robotName = robot.currentUser().name();
        Request direct = new Request.Builder().url(server.url() + "/api/v1/current-user")
                .header("Authorization", "Bearer " + keyText).build();
        int directStatus;
        try (Response response = http.newCall(direct).execute()) {
            directStatus = response.code();
        }
        Request rotate = new Request.Builder().url(server.url() + "/api/v1/service_accounts/ci/api_keys/main/rotate")
                .header("Authorization", "Bearer " + admin)
                .put(RequestBody.create("{}", MediaType.get("application/json"))).build();
        String rotated;
        try (Response response = http.newCall(rotate).execute()) {
            rotated = JSON.readTree(response.body().string()).get("body").get("key").asText();
        }
        ZenmlClient stale = ZenmlClient.builder(server.url().toString()).credentials(Credentials.apiKey(keyText))
                .build();

        assertEquals("ci", robotName);
        assertEquals("ci", account.get("name").asText());
        assertEquals(200, directStatus);
        assertTrue(rotated.startsWith("ZENKEY_"));
        assertThrows(UnauthorizedException.class, stale::login);
        robot.close();
        stale.close();
    }

    @Test
    void badPasswordGivesTheFixtureError() throws Exception {
        Request request = new Request.Builder().url(server.url() + "/api/v1/login")
                .post(new okhttp3.FormBody.Builder().add("username", "admin").add("password", "wrong").build())
                .build();

        try (Response response = http.newCall(request).execute()) {
            assertEquals(401, response.code());
            assertEquals(JSON.readTree(getClass().getResource("/dev/snapdeck/fixtures/error-401-bad-password.json")),
                    JSON.readTree(response.body().string()));
        }
    }

    @Test
    void malformedJsonOversizedBodiesAndMalformedIdsAreNeverA500() throws Exception {
        String bearer = token();
        UUID snapshotId = snapshotOf("{}");

        JsonNode malformed = post("/api/v1/pipeline_snapshots/" + snapshotId + "/runs", "{\"run_configuration\": ",
                bearer, 422);
        JsonNode string = post("/api/v1/pipeline_snapshots/" + snapshotId + "/runs", "{\"run_configuration\": \"x\"}",
                bearer, 422);
        post("/api/v1/pipeline_snapshots/" + snapshotId + "/runs", "{\"pad\": \"" + "x".repeat(2_000_000) + "\"}",
                bearer, 413);
        post("/api/v1/pipeline_snapshots/not-a-uuid/runs", "{}", bearer, 422);
        JsonNode missing = post("/api/v1/pipeline_snapshots/" + UUID.randomUUID() + "/runs", "{}", bearer, 404);
        JsonNode schedule = post("/api/v1/pipeline_snapshots/" + snapshotId + "/runs",
                "{\"run_configuration\": {\"schedule\": {\"cron_expression\": \"* * * * *\"}}}", bearer, 400);

        assertTrue(malformed.isArray());
        assertTrue(string.get(1).asText().contains("'input': 'x'"));
        assertEquals("KeyError", missing.get("detail").get(0).asText());
        assertEquals(JSON.readTree(getClass().getResource("/dev/snapdeck/fixtures/error-400-run-config.json")),
                schedule);
    }
}
