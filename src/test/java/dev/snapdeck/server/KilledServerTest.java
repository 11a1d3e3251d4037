package dev.snapdeck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

/**
 * A server in its own JVM is killed with SIGKILL while a step runs; the step's processes outlive
 * it. The next server on the same data folder must end them and mark the run failed.
 */
class KilledServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "killed-server-pw";
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @TempDir
    Path root;

    private Path dataDir;
    private Path pipelines;
    private Process serverProcess;
    private LocalServer restarted;
    private final List<ProcessHandle> stepProcesses = new ArrayList<>();
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();

    @BeforeEach
    void writeSleepingPipeline() throws Exception {
        assumeFalse(System.getProperty("os.name").toLowerCase().startsWith("windows"), "the step is a sh script");
        dataDir = root.resolve("data");
        pipelines = root.resolve("pipelines");
        Path sleeper = pipelines.resolve("sleeper");
        Files.createDirectories(sleeper);
        // The shell starts a child and waits for it, so the step is a tree of two processes; their
        // pids land in the work folder once both exist.
        Files.writeString(sleeper.resolve("pipeline.yaml"), """
                name: sleeper
                steps:
                  nap:
                    run: [sh, -c, 'sleep 600 & echo "$$ $!" > pids.tmp && mv pids.tmp pids; wait']
                    enable_cache: false
                  after_nap:
                    run: ['true']
                    after: [nap]
                """);
    }

    @AfterEach
    void endEverythingStarted() {
        if (restarted != null) {
            restarted.close();
        }
        if (serverProcess != null) {
            serverProcess.destroyForcibly();
        }
        stepProcesses.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void theNextStartEndsTheStepProcessesAndFailsTheRun() throws Exception {
        String url = startServerProcess();
        String token = login(url);
        String snapshotId = call(url, token, "POST", "/api/v1/x-snapdeck/pipelines/sleeper/snapshots", "{}")
                .get("id").asText();
        String runId = call(url, token, "POST", "/api/v1/pipeline_snapshots/" + snapshotId + "/runs", "{}")
                .get("id").asText();
        String[] pids = awaitStepPids(runId);
        ProcessHandle shell = ProcessHandle.of(Long.parseLong(pids[0])).orElseThrow();
        ProcessHandle child = ProcessHandle.of(Long.parseLong(pids[1])).orElseThrow();
        stepProcesses.addAll(List.of(shell, child));

        serverProcess.destroyForcibly();
        serverProcess.waitFor();
        boolean orphansRanAfterTheKill = shell.isAlive() && child.isAlive();
        restarted = LocalServer.start(new ServerOptions(null, 0, dataDir, pipelines, () -> PASSWORD, null));
        String newUrl = restarted.url().toString();
        String newToken = login(newUrl);
        JsonNode run = call(newUrl, newToken, "GET", "/api/v1/runs/" + runId, null);
        JsonNode steps = call(newUrl, newToken, "GET", "/api/v1/runs/" + runId + "/steps", null).get("items");
        JsonNode step = stepNamed(steps, "nap");
        String stepLog = Files.readString(dataDir.resolve("runs").resolve(runId).resolve("nap").resolve("step.log"));

        assertTrue(orphansRanAfterTheKill, "the step processes should have outlived the killed server");
        assertFalse(shell.isAlive(), "the step's process still runs");
        assertFalse(child.isAlive(), "the process the step started still runs");
        assertEquals("failed", run.get("body").get("status").asText());
        assertTrue(run.get("body").get("status_reason").asText().contains("server stopped"), run.toString());
        assertEquals("failed", step.get("body").get("status").asText());
        assertEquals("skipped", stepNamed(steps, "after_nap").get("body").get("status").asText(),
                "a step that never started is skipped, as when a run is stopped");
        assertTrue(stepLog.contains("(pid " + shell.pid() + ") and the processes it started were ended"), stepLog);
    }

    @Test
    void aRunQueuedWhenTheServerWasKilledIsFailedAtTheNextStart() throws Exception {
        String url = startServerProcess("--max-parallel-steps", "1");
        String token = login(url);
        String snapshotId = call(url, token, "POST", "/api/v1/x-snapdeck/pipelines/sleeper/snapshots",
                "{}").get("id").asText();
        String runs = "/api/v1/pipeline_snapshots/" + snapshotId + "/runs";
        String first = call(url, token, "POST", runs, "{}").get("id").asText();
        for (String pid : awaitStepPids(first)) {
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(stepProcesses::add);
        }
        String queued = call(url, token, "POST", runs, "{}").get("id").asText();
        String statusBeforeTheKill = awaitStatusPast(url, token, queued, "initializing");

        serverProcess.destroyForcibly();
        serverProcess.waitFor();
        restarted = LocalServer.start(new ServerOptions(null, 0, dataDir, pipelines, () -> PASSWORD,
                null));
        String newUrl = restarted.url().toString();
        JsonNode run = call(newUrl, login(newUrl), "GET", "/api/v1/runs/" + queued, null);

        assertEquals("queued", statusBeforeTheKill);
        assertEquals("failed", run.get("body").get("status").asText(), run.toString());
        assertTrue(run.get("body").get("status_reason").asText().contains("server stopped"),
                run.toString());
    }

    /** The run's first status other than {@code status}. */
    private String awaitStatusPast(String url, String token, String runId, String status)
            throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        String now = call(url, token, "GET", "/api/v1/runs/" + runId + "/status", null).asText();
        while (now.equals(status) && Instant.now().isBefore(deadline)) {
            now = call(url, token, "GET", "/api/v1/runs/" + runId + "/status", null).asText();
        }
        return now;
    }

    /** Starts {@code snapdeck server} in a JVM of its own and returns its URL once it listens. */
    private String startServerProcess(String... options) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp",
                System.getProperty("java.class.path"), "dev.snapdeck.Main", "server", "--port", "0",
                "--data", dataDir.toString(), "--pipelines", pipelines.toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("server-output.txt").toFile());
        builder.environment().put("SNAPDECK_ADMIN_PASSWORD", PASSWORD);
        builder.environment().put("SNAPDECK_HOME", root.resolve("home").toString());
        serverProcess = builder.start();
        Instant deadline = Instant.now().plus(PATIENCE);
        Optional<java.net.URI> url = DataFolderLock.runningAt(dataDir);
        while (url.isEmpty() && serverProcess.isAlive() && Instant.now().isBefore(deadline)) {
            serverProcess.waitFor(100, TimeUnit.MILLISECONDS);
            url = DataFolderLock.runningAt(dataDir);
        }
        String output = Files.readString(root.resolve("server-output.txt"), StandardCharsets.UTF_8);
        return url.orElseThrow(() -> new AssertionError("the server did not start: " + output)).toString();
    }

    private String[] awaitStepPids(String runId) throws Exception {
        Path pids = dataDir.resolve("runs").resolve(runId).resolve("nap").resolve("work").resolve("pids");
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!Files.exists(pids) && serverProcess.isAlive() && Instant.now().isBefore(deadline)) {
            serverProcess.waitFor(100, TimeUnit.MILLISECONDS);
        }
        assertTrue(Files.exists(pids), "the step did not start");
        return Files.readString(pids).trim().split(" ");
    }

    private String login(String url) throws Exception {
        Request request = new Request.Builder().url(url + "/api/v1/login")
                .post(new FormBody.Builder().add("username", "admin").add("password", PASSWORD).build()).build();
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            assertEquals(200, response.code(), text);
            return JSON.readTree(text).get("access_token").asText();
        }
    }

    private JsonNode call(String url, String token, String method, String path, String body) throws Exception {
        Request.Builder builder = new Request.Builder().url(url + path).header("Authorization", "Bearer " + token);
        builder.method(method, body == null ? null : RequestBody.create(body, MediaType.get("application/json")));
        try (Response response = http.newCall(builder.build()).execute()) {
            String text = response.body().string();
            assertEquals(200, response.code(), text);
            return JSON.readTree(text);
        }
    }

    private static JsonNode stepNamed(JsonNode steps, String name) {
        for (JsonNode step : steps) {
            if (name.equals(step.path("name").asText())) {
                return step;
            }
        }
        throw new AssertionError("no step " + name + " in " + steps);
    }
}
