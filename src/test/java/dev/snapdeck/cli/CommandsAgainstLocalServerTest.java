package dev.snapdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.snapdeck.server.LocalServer;
import dev.snapdeck.server.ServerOptions;
import dev.snapdeck.server.http.Views;
import dev.snapdeck.testing.RawApi;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands against the real local server, started in-process on port 0 over a temporary
 * data folder, running the example pipeline as real processes.
 */
@Timeout(300)
class CommandsAgainstLocalServerTest {

    private static final String PASSWORD = "s3cret-admin";

    @TempDir
    Path data;

    @TempDir
    Path home;

    private LocalServer server;
    private CliHarness cli;

    @BeforeEach
    void start() throws Exception {
        server = LocalServer.start(new ServerOptions(null, 0, data, null, () -> PASSWORD, null));
        cli = new CliHarness(home).signedIn(server.url().toString(), "local-test", "admin", PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String createSnapshot(String name) {
        CliHarness.Result created = cli.run("pipeline", "snapshot", "create", "training_pipeline",
                "--name", name, "--description", "from the CLI test", "--output", "json");
        assertEquals(0, created.code(), created.err());
        return json(created.out()).path("id").asText();
    }

    @Test
    void createsASnapshotFromTheExamplePipeline() {
        CliHarness.Result created = cli.run("pipeline", "snapshot", "create",
                "training_pipeline", "--name", "nightly");

        assertEquals(0, created.code(), created.err());
        assertTrue(created.out().startsWith("Created snapshot nightly ("), created.out());
        CliHarness.Result list = cli.run("pipeline", "snapshot", "list");
        assertTrue(list.out().contains("nightly"), list.out());
        assertTrue(list.out().contains("training_pipeline"), list.out());
    }

    @Test
    void createsASnapshotForTheDefaultStackByNameOrIdPrefix() {
        CliHarness.Result byName = cli.run("pipeline", "snapshot", "create",
                "training_pipeline", "--name", "by-name", "--stack", "default",
                "--output", "json");
        CliHarness.Result byPrefix = cli.run("pipeline", "snapshot", "create",
                "training_pipeline", "--name", "by-prefix", "--stack",
                Views.STACK_ID.substring(0, 6), "--output", "json");

        assertEquals(0, byName.code(), byName.err());
        assertEquals("default", json(byName.out()).path("stack").asText());
        assertEquals(0, byPrefix.code(), byPrefix.err());
    }

    @Test
    void anUnknownStackIsOneLineListingTheStacksAndCreatesNothing() {
        CliHarness.Result created = cli.run("pipeline", "snapshot", "create",
                "training_pipeline", "--name", "nightly", "--stack", "gpu");

        assertEquals(ExitCode.NOT_FOUND, created.code());
        assertEquals(List.of("error: No stack is named 'gpu' or has an id starting with it; "
                + "the server has default."), created.errLines());
        assertTrue(cli.run("pipeline", "snapshot", "list").out().contains("No snapshots"),
                "a snapshot was created");
    }

    @Test
    void runsASnapshotWithAChangedParameterToCompletion() throws IOException {
        createSnapshot("nightly");
        Path config = Files.writeString(home.resolve("run.yaml"),
                "steps:\n  train_model:\n    parameters:\n      k: 7\n");

        CliHarness.Result run = cli.run("pipeline", "snapshot", "run", "nightly",
                "--config", config.toString(), "--wait", "--poll-interval", "200");

        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("  train_model: completed"), run.out());
        assertTrue(run.out().contains("  evaluate: completed"), run.out());
        String runName = run.out().lines().filter(l -> l.startsWith("Started run "))
                .findFirst().orElseThrow().split(" ")[2];
        CliHarness.Result logs = cli.run("run", "logs", runName, "--step", "train_model");
        assertEquals(0, logs.code(), logs.err());
        assertTrue(logs.out().contains("k=7"), logs.out());
    }

    @Test
    void badConfigExitsOneWithTheDiagnosticAndCreatesNoRun() throws IOException {
        createSnapshot("nightly");
        Path config = Files.writeString(home.resolve("bad.yaml"),
                "steps:\n  train_model:\n    parameters:\n      k: 700\n");

        CliHarness.Result run = cli.run("pipeline", "snapshot", "run", "nightly",
                "--config", config.toString());

        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().startsWith(config + ":4:10: error: "), run.err());
        CliHarness.Result runs = cli.run("run", "list", "--output", "json");
        assertEquals(0, json(runs.out()).size(), runs.out());
    }

    @Test
    void describeShowsTheTemplateAndDeleteRemovesTheSnapshot() {
        createSnapshot("nightly");

        CliHarness.Result described = cli.run("pipeline", "snapshot", "describe", "nightly");
        CliHarness.Result deleted = cli.run("pipeline", "snapshot", "delete", "nightly", "--yes");
        CliHarness.Result again = cli.run("pipeline", "snapshot", "describe", "nightly");

        assertEquals(0, described.code(), described.err());
        assertTrue(described.out().contains("Config template:"), described.out());
        assertTrue(described.out().contains("model_type: knn"), described.out());
        assertEquals(0, deleted.code(), deleted.err());
        assertEquals(ExitCode.NOT_FOUND, again.code());
        assertEquals(1, again.errLines().size(), again.err());
    }

    @Test
    void unknownSnapshotIsOneClearLine() {
        CliHarness.Result run = cli.run("pipeline", "snapshot", "run", "no-such-snapshot");

        assertEquals(ExitCode.NOT_FOUND, run.code());
        assertEquals(List.of("error: No snapshot is named 'no-such-snapshot' or has an id "
                + "starting with it."), run.errLines());
    }

    @Test
    void wrongPasswordIsOneClearLine() {
        CliHarness.Result login = new CliHarness(home.resolve("other")).runWithInput("wrong\n",
                "login", server.url().toString(), "--username", "admin", "--password-stdin");

        assertEquals(ExitCode.AUTH, login.code());
        assertEquals(1, login.errLines().size(), login.err());
        assertTrue(login.err().startsWith("error: the server rejected the credentials"),
                login.err());
        assertFalse(Files.exists(home.resolve("other").resolve("profiles.json")));
    }

    @Test
    void statusSaysTheLocalServerCanRunSnapshots() {
        CliHarness.Result status = cli.run("status", "--output", "json");

        assertEquals(0, status.code(), status.err());
        JsonNode info = json(status.out());
        assertEquals(server.url().toString(), info.path("server_url").asText()
                .replaceAll("/$", ""));
        assertEquals("admin", info.path("user").asText());
        assertTrue(info.path("can_run_snapshots").asBoolean(), status.out());
    }

    @Test
    void statusCallsTheSnapdeckServerLocalThoughThisProcessDidNotStartIt() {
        CliHarness.Result status = cli.run("status", "--output", "json");

        assertEquals(0, status.code(), status.err());
        assertTrue(json(status.out()).path("local").asBoolean(), status.out());
    }

    @Test
    void pipelineListShowsTheSnapshottedExample() {
        createSnapshot("nightly");

        CliHarness.Result list = cli.run("pipeline", "list");

        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("training_pipeline"), list.out());
    }

    @Test
    void logsInWithAServiceAccountsApiKey() throws IOException {
        RawApi admin = RawApi.asAdmin(server.url(), PASSWORD);
        admin.ok("POST", "/api/v1/service_accounts", "{\"name\": \"ci\"}");
        String key = admin.ok("POST", "/api/v1/service_accounts/ci/api_keys", "{\"name\": \"main\"}")
                .at("/body/key").asText();

        CliHarness.Result login = cli.runWithInput(key + "\n", "login",
                server.url().toString(), "--name", "ci", "--api-key-stdin");

        assertEquals(0, login.code(), login.err());
        CliHarness.Result status = cli.run("status", "--output", "json");
        assertEquals("ci", json(status.out()).path("connection").asText());
        assertEquals("ci", json(status.out()).path("user").asText());
    }

    @Test
    void logsInWithAToken() throws IOException {
        String token = RawApi.asAdmin(server.url(), PASSWORD).token();

        CliHarness.Result login = cli.runWithInput(token + "\n", "login",
                server.url().toString(), "--name", "with-token", "--token-stdin");

        assertEquals(0, login.code(), login.err());
        CliHarness.Result status = cli.run("status", "--output", "json");
        assertEquals("admin", json(status.out()).path("user").asText());
    }

    private static JsonNode json(String text) {
        try {
            return ZenmlFixtures.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
