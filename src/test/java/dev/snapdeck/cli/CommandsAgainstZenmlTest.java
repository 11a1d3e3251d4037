package dev.snapdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.snapdeck.SnapdeckHome;
import dev.snapdeck.service.ConnectionProfile;
import dev.snapdeck.service.ProfileStore;
import dev.snapdeck.service.SecretStores;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command against the ZenML fixtures replayed by MockWebServer (the stand-in for a ZenML
 * Pro server, which cannot run here): what is printed, the exit code, and what was sent.
 */
@Timeout(30)
class CommandsAgainstZenmlTest {

    @TempDir
    Path home;

    private ZenmlFixtures zenml;
    private CliHarness cli;

    @BeforeEach
    void startServer() throws IOException {
        zenml = ZenmlFixtures.proServer();
        cli = new CliHarness(home);
    }

    @AfterEach
    void stopServer() throws IOException {
        zenml.close();
    }

    private void signIn() {
        cli.signedIn(zenml.url(), "acme", "alice", "s3cret");
    }

    /** The profiles as the CLI keeps them: the secret in the keychain where one answers. */
    private ProfileStore profiles() {
        return new ProfileStore(home.resolve("profiles.json"),
                SecretStores.forHome(new SnapdeckHome(home)));
    }

    @Test
    void loginSavesTheProfileAndItsSecretAndMakesItActive() throws InterruptedException {
        CliHarness.Result result = cli.runWithInput("s3cret\n", "login", zenml.url(),
                "--name", "acme", "--username", "alice", "--password-stdin");

        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("as alice@acme.example"), result.out());
        ConnectionProfile saved = profiles().active().orElseThrow();
        assertEquals("acme", saved.name());
        assertEquals(ConnectionProfile.SignIn.PASSWORD, saved.signIn());
        assertEquals("alice", saved.username());
        assertEquals("s3cret", profiles().secret("acme").orElseThrow());
        String form = zenml.received("POST", "/api/v1/login").get(0).getBody().readUtf8();
        assertTrue(form.contains("username=alice") && form.contains("password=s3cret"), form);
    }

    @Test
    void wrongPasswordIsOneClearLineAndSavesNothing() {
        zenml.route("POST", "/api/v1/login", 401, "error-401-bad-password.json");

        CliHarness.Result result = cli.runWithInput("wrong\n", "login", zenml.url(),
                "--username", "alice", "--password-stdin");

        assertEquals(ExitCode.AUTH, result.code());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().contains("invalid username or password"), result.err());
        assertTrue(profiles().profiles().isEmpty());
    }

    @Test
    void loginWithoutTerminalOrStdinOptionSaysHowToPassTheSecret() {
        CliHarness.Result result = cli.run("login", zenml.url(), "--username", "alice");

        assertEquals(ExitCode.USAGE, result.code());
        assertTrue(result.err().contains("--password-stdin"), result.err());
        assertTrue(zenml.received("POST", "/api/v1/login").isEmpty());
    }

    @Test
    void loginAsksAtTheTerminalWhenThereIsOne() {
        cli.terminalAnswering("alice", "s3cret");

        CliHarness.Result result = cli.run("login", zenml.url(), "--name", "acme");

        assertEquals(0, result.code(), result.err());
        assertEquals("alice", profiles().find("acme").orElseThrow().username());
    }

    @Test
    void logoutForgetsTheActiveProfileAndItsSecret() {
        signIn();

        CliHarness.Result result = cli.run("logout");

        assertEquals(0, result.code(), result.err());
        assertTrue(profiles().profiles().isEmpty());
        assertTrue(profiles().secret("acme").isEmpty());
    }

    @Test
    void logoutForgetsASecretWhoseConnectionIsGone() {
        SecretStores.forHome(new SnapdeckHome(home)).put("lost", "ZENKEY_left");

        CliHarness.Result result = cli.run("logout", "lost");

        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("only its secret"), result.out());
        assertTrue(profiles().secret("lost").isEmpty());
    }

    @Test
    void commandsWithoutAnyConnectionSayToLogIn() {
        CliHarness.Result result = cli.run("pipeline", "snapshot", "list");

        assertEquals(ExitCode.AUTH, result.code());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().contains("snapdeck login"), result.err());
    }

    @Test
    void statusShowsServerUserAndWhetherSnapshotsCanRun() {
        signIn();

        CliHarness.Result result = cli.run("status", "--output", "json");

        assertEquals(0, result.code(), result.err());
        JsonNode status = json(result.out());
        assertEquals("0.96.0", status.path("version").asText());
        assertEquals("alice@acme.example", status.path("user").asText());
        assertTrue(status.path("can_run_snapshots").asBoolean());
        assertTrue(status.path("why_not").isNull());
        assertFalse(status.path("local").asBoolean(), "a ZenML server is never Snapdeck's local one");
    }

    @Test
    void statusOnAnOpenSourceServerSaysWhySnapshotsCannotRun() {
        zenml.route("GET", "/api/v1/info", 200, "info-oss.json");
        zenml.openapi(false);
        signIn();

        CliHarness.Result result = cli.run("status");

        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("Open-source ZenML servers cannot run snapshots"),
                result.out());
    }

    @Test
    void aCommandSignsInOnce() {
        signIn();

        CliHarness.Result result = cli.run("pipeline", "list");

        assertEquals(0, result.code(), result.err());
        assertEquals(2, zenml.received("POST", "/api/v1/login").size());
    }

    @Test
    void snapshotListPrintsAlignedColumns() {
        signIn();

        CliHarness.Result result = cli.run("pipeline", "snapshot", "list");

        assertEquals(0, result.code(), result.err());
        String[] lines = result.out().split("\n");
        assertTrue(lines[0].startsWith("ID        NAME"), lines[0]);
        assertTrue(lines[1].startsWith("6d8f0a2c  prod-training"), lines[1]);
        assertEquals(lines[0].indexOf("PIPELINE"), lines[2].indexOf("training_pipeline"));
    }

    @Test
    void snapshotListAsJsonHasStableFieldsAndWholeIds() {
        signIn();

        CliHarness.Result result = cli.run("pipeline", "snapshot", "list", "--output", "json");

        assertEquals(0, result.code(), result.err());
        JsonNode first = json(result.out()).get(0);
        assertEquals(ZenmlFixtures.SNAPSHOT, first.path("id").asText());
        assertEquals("prod-training", first.path("name").asText());
        assertEquals("training_pipeline", first.path("pipeline").asText());
        assertTrue(first.path("created").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*"),
                first.toString());
    }

    @Test
    void snapshotDescribeShowsTheConfigTemplateAsYaml() {
        signIn();

        CliHarness.Result result = cli.run("pipeline", "snapshot", "describe", "prod-training");

        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("Config template:"), result.out());
        assertTrue(result.out().contains("model_type: logreg"), result.out());
        assertTrue(result.out().contains("load_data:"), result.out());
    }

    @Test
    void snapshotsAreFoundByIdPrefix() {
        signIn();

        CliHarness.Result result = cli.run("pipeline", "snapshot", "describe", "6d8f0a",
                "--output", "json");

        assertEquals(0, result.code(), result.err());
        assertEquals("prod-training", json(result.out()).path("name").asText());
    }

    @Test
    void unknownSnapshotIsOneClearLine() {
        signIn();

        CliHarness.Result result = cli.run("pipeline", "snapshot", "run", "no-such-snapshot");

        assertEquals(ExitCode.NOT_FOUND, result.code());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().contains("No snapshot is named 'no-such-snapshot'"),
                result.err());
    }

    @Test
    void ambiguousIdPrefixListsTheMatches() {
        zenml.route("GET", "/api/v1/pipeline_snapshots", r -> ZenmlFixtures.fixture(200,
                "snapshots-page.json"));
        signIn();

        CliHarness.Result result = cli.run("pipeline", "snapshot", "describe", "abcd");

        assertEquals(ExitCode.NOT_FOUND, result.code());
        assertTrue(result.err().contains("prod-training (" + ZenmlFixtures.SNAPSHOT + ")"),
                result.err());
        assertTrue(result.err().contains("baseline-logreg"), result.err());
    }

    @Test
    void badConfigExitsOneWithTheDiagnosticAndSendsNothing() throws IOException {
        signIn();
        Path config = Files.writeString(home.resolve("bad.yaml"),
                "steps:\n  trainer:\n    parameters:\n      epochs: 3\n");

        CliHarness.Result result = cli.run("pipeline", "snapshot", "run", "prod-training",
                "--config", config.toString());

        assertEquals(1, result.code());
        assertTrue(result.err().startsWith(config + ":2:3: error: "), result.err());
        assertTrue(zenml.received("POST", triggerPath()).isEmpty());
    }

    @Test
    void anEmptyConfigOptionIsAUsageErrorNamingTheOption() {
        signIn();

        CliHarness.Result result = cli.run("pipeline", "snapshot", "run", "prod-training",
                "--config=");

        assertEquals(ExitCode.USAGE, result.code(), result.err());
        assertEquals("error: --config needs a file name; it was empty.", result.err().strip());
        assertTrue(zenml.received("POST", triggerPath()).isEmpty());
    }

    @Test
    void runWithConfigSendsItAndWaitsForTheRunToComplete() throws IOException {
        AtomicInteger polls = new AtomicInteger();
        zenml.route("POST", triggerPath(), 201, "snapshot-run-created.json");
        zenml.route("GET", "/api/v1/runs/" + ZenmlFixtures.RUN,
                r -> runAnswer(polls.incrementAndGet() < 2 ? "running" : "completed"));
        signIn();
        Path config = Files.writeString(home.resolve("config.yaml"),
                "steps:\n  train_model:\n    parameters:\n      model_type: knn\n");

        CliHarness.Result result = cli.run("pipeline", "snapshot", "run", "prod-training",
                "--config", config.toString(), "--wait", "--poll-interval", "50");

        assertEquals(0, result.code(), result.err());
        RecordedRequest trigger = zenml.received("POST", triggerPath()).get(0);
        JsonNode sent = json(trigger.getBody().readUtf8()).path("run_configuration");
        assertEquals("knn", sent.at("/steps/train_model/parameters/model_type").asText());
        assertTrue(result.out().contains("  train_model: completed"), result.out());
        assertTrue(result.out().contains("completed."), result.out());
    }

    @Test
    void waitWithJsonOutputKeepsProgressOffStandardOutput() {
        zenml.route("POST", triggerPath(), 201, "snapshot-run-created.json");
        zenml.route("GET", "/api/v1/runs/" + ZenmlFixtures.RUN, r -> runAnswer("completed"));
        signIn();

        CliHarness.Result result = cli.run("pipeline", "snapshot", "run", "prod-training",
                "--wait", "--poll-interval", "50", "--output", "json");

        assertEquals(0, result.code(), result.err());
        assertEquals("completed", json(result.out()).path("status").asText());
        assertTrue(result.err().contains("  train_model: completed"), result.err());
    }

    @Test
    void waitSaysOnceThatARunIsQueuedWhenTwoPollsInARowFindItSo() {
        CliHarness.Result result = runAndWaitThrough(List.of("queued", "queued", "queued",
                "running", "completed"));

        assertEquals(0, result.code(), result.err());
        assertEquals(1, result.out().lines().filter(line -> line.endsWith(" is queued: it waits "
                + "to start.")).count(), result.out());
    }

    @Test
    void waitSaysNothingOfAQueuedMomentOnlyOnePollSaw() {
        CliHarness.Result result = runAndWaitThrough(List.of("queued", "running", "completed"));

        assertEquals(0, result.code(), result.err());
        assertFalse(result.out().contains("is queued"), result.out());
    }

    /** Triggers a run with --wait while each poll finds the next of these statuses. */
    private CliHarness.Result runAndWaitThrough(List<String> statuses) {
        AtomicInteger polls = new AtomicInteger();
        zenml.route("POST", triggerPath(), 201, "snapshot-run-created.json");
        zenml.route("GET", "/api/v1/runs/" + ZenmlFixtures.RUN, r -> runAnswer(
                statuses.get(Math.min(polls.getAndIncrement(), statuses.size() - 1))));
        signIn();
        return cli.run("pipeline", "snapshot", "run", "prod-training", "--wait",
                "--poll-interval", "50");
    }

    @Test
    void waitingOnAFailedRunExitsWithTheFailedCode() {
        zenml.route("POST", triggerPath(), 201, "snapshot-run-created.json");
        zenml.route("GET", "/api/v1/runs/" + ZenmlFixtures.RUN, r -> runAnswer("failed"));
        signIn();

        CliHarness.Result result = cli.run("pipeline", "snapshot", "run", "prod-training",
                "--wait", "--poll-interval", "50");

        assertEquals(ExitCode.RUN_FAILED, result.code(), result.err());
    }

    @Test
    void waitingOnAStoppedRunExitsWithTheStoppedCode() {
        zenml.route("POST", triggerPath(), 201, "snapshot-run-created.json");
        zenml.route("GET", "/api/v1/runs/" + ZenmlFixtures.RUN, r -> runAnswer("stopped"));
        signIn();

        CliHarness.Result result = cli.run("pipeline", "snapshot", "run", "prod-training",
                "--wait", "--poll-interval", "50");

        assertEquals(ExitCode.RUN_STOPPED, result.code(), result.err());
    }

    @Test
    void waitRidesOutAGatewayThatAnswers503AndPrintsNoStepTwice() {
        AtomicInteger polls = new AtomicInteger();
        zenml.route("POST", triggerPath(), 201, "snapshot-run-created.json");
        zenml.route("GET", "/api/v1/runs/" + ZenmlFixtures.RUN, r -> {
            int poll = polls.incrementAndGet();
            return poll == 2 || poll == 3
                    ? new MockResponse().setResponseCode(503).setBody("Service Unavailable")
                    : runAnswer(poll == 1 ? "running" : "completed");
        });
        signIn();

        CliHarness.Result result = cli.run("pipeline", "snapshot", "run", "prod-training",
                "--wait", "--poll-interval", "50");

        assertEquals(0, result.code(), result.err());
        assertEquals(2, result.errLines().size(), result.err());
        assertTrue(result.errLines().get(0).startsWith("Lost the server at " + zenml.url()
                + "/ (HTTP 503); still waiting for run "), result.err());
        assertTrue(result.errLines().get(0).contains("(" + ZenmlFixtures.RUN + ")"), result.err());
        assertEquals("Reached the server again.", result.errLines().get(1));
        assertEquals(1, result.out().lines().filter("  train_model: completed"::equals).count(),
                result.out());
    }

    @Test
    void waitEndsAtOnceWhenTheRunIsGone() {
        AtomicInteger polls = new AtomicInteger();
        zenml.route("POST", triggerPath(), 201, "snapshot-run-created.json");
        zenml.route("GET", "/api/v1/runs/" + ZenmlFixtures.RUN,
                r -> polls.incrementAndGet() == 1 ? runAnswer("running")
                        : ZenmlFixtures.fixture(404, "error-404.json"));
        signIn();

        CliHarness.Result result = cli.run("pipeline", "snapshot", "run", "prod-training",
                "--wait", "--poll-interval", "50");

        assertEquals(ExitCode.NOT_FOUND, result.code(), result.err());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().startsWith("error: not found: "), result.err());
        assertEquals(2, polls.get());
    }

    @Test
    void runOnAServerThatCannotRunSnapshotsSaysWhyAndSendsNothing() {
        zenml.route("GET", "/api/v1/info", 200, "info-oss.json");
        zenml.openapi(false);
        signIn();

        CliHarness.Result result = cli.run("pipeline", "snapshot", "run", "prod-training");

        assertEquals(ExitCode.NOT_SUPPORTED, result.code());
        assertTrue(result.err().contains("cannot run snapshots"), result.err());
        assertTrue(zenml.received("POST", triggerPath()).isEmpty());
    }

    @Test
    void deleteWithoutTerminalRefusesWithoutYes() {
        signIn();

        CliHarness.Result result = cli.run("pipeline", "snapshot", "delete", "prod-training");

        assertEquals(ExitCode.USAGE, result.code());
        assertTrue(result.err().contains("--yes"), result.err());
        assertTrue(zenml.received("DELETE", snapshotPath()).isEmpty());
    }

    @Test
    void deleteWithYesDeletesTheSnapshot() {
        zenml.route("DELETE", snapshotPath(), r -> ZenmlFixtures.json(200, "null"));
        signIn();

        CliHarness.Result result = cli.run("pipeline", "snapshot", "delete", "prod-training",
                "--yes");

        assertEquals(0, result.code(), result.err());
        assertEquals(1, zenml.received("DELETE", snapshotPath()).size());
    }

    @Test
    void deleteAsksAtATerminalAndKeepsTheSnapshotOnNo() {
        signIn();
        cli.terminalAnswering("n");

        CliHarness.Result result = cli.run("pipeline", "snapshot", "delete", "prod-training");

        assertEquals(ExitCode.PROBLEM, result.code());
        assertTrue(result.out().contains("Kept snapshot prod-training"), result.out());
        assertTrue(zenml.received("DELETE", snapshotPath()).isEmpty());
    }

    @Test
    void createFromRunNamesTheRunsSnapshot() {
        String runSnapshot = "/api/v1/pipeline_snapshots/"
                + ZenmlFixtures.tree("run-hydrated.json").at("/resources/snapshot/id").asText();
        zenml.route("PUT", runSnapshot, 200, "snapshot-hydrated.json");
        signIn();

        CliHarness.Result result = cli.run("pipeline", "snapshot", "create", "--from-run",
                ZenmlFixtures.RUN.substring(0, 8), "--name", "nightly", "--description", "d");

        assertEquals(0, result.code(), result.err());
        JsonNode body = json(zenml.received("PUT", runSnapshot).get(0).getBody().readUtf8());
        assertEquals("nightly", body.path("name").asText());
    }

    @Test
    void createFromRunAcceptsTheRunsOwnStack() {
        String runSnapshot = "/api/v1/pipeline_snapshots/"
                + ZenmlFixtures.tree("run-hydrated.json").at("/resources/snapshot/id").asText();
        zenml.route("PUT", runSnapshot, 200, "snapshot-hydrated.json");
        signIn();

        CliHarness.Result result = cli.run("pipeline", "snapshot", "create", "--from-run",
                ZenmlFixtures.RUN, "--name", "nightly", "--stack", "aws-k8s-prod");

        assertEquals(0, result.code(), result.err());
        assertEquals(1, zenml.received("PUT", runSnapshot).size());
    }

    @Test
    void createFromRunRefusesAnotherStackAndSaysWhy() {
        String runSnapshot = "/api/v1/pipeline_snapshots/"
                + ZenmlFixtures.tree("run-hydrated.json").at("/resources/snapshot/id").asText();
        zenml.route("PUT", runSnapshot, 200, "snapshot-hydrated.json");
        signIn();

        CliHarness.Result result = cli.run("pipeline", "snapshot", "create", "--from-run",
                ZenmlFixtures.RUN, "--name", "nightly", "--stack",
                ZenmlFixtures.OTHER_STACK.substring(0, 6));

        assertEquals(ExitCode.NOT_SUPPORTED, result.code());
        assertEquals(List.of("error: run training_pipeline-2026_06_30-14_03_11_482917 ran on "
                + "stack aws-k8s-prod, and its snapshot keeps that stack; to have one for "
                + "gcp-staging, run the pipeline there and name that run's snapshot."),
                result.errLines());
        assertTrue(zenml.received("PUT", runSnapshot).isEmpty());
    }

    @Test
    void anUnknownStackIsOneLineNamingTheServersStacks() {
        signIn();

        CliHarness.Result result = cli.run("pipeline", "snapshot", "create", "--from-run",
                ZenmlFixtures.RUN, "--name", "nightly", "--stack", "azure");

        assertEquals(ExitCode.NOT_FOUND, result.code());
        assertEquals(List.of("error: No stack is named 'azure' or has an id starting with it; "
                + "the server has aws-k8s-prod, gcp-staging."), result.errLines());
    }

    @Test
    void runListFiltersByStatus() {
        signIn();

        CliHarness.Result result = cli.run("run", "list", "--status", "failed");

        assertEquals(0, result.code(), result.err());
        String query = zenml.received("GET", "/api/v1/runs").get(0).getRequestUrl().query();
        assertTrue(query.contains("status=oneof"), query);
    }

    @Test
    void runListShowsAHostileRunNameAsEscapesAndJsonKeepsItExact() {
        String hostile = "\u001b]0;owned\u0007\u001b[2J" + "x".repeat(5_000) + "\nfake row";
        ObjectNode page = (ObjectNode) ZenmlFixtures.tree("runs-page.json");
        ((ObjectNode) page.withArray("items").get(0)).put("name", hostile);
        zenml.route("GET", "/api/v1/runs", r -> ZenmlFixtures.json(200, page.toString()));
        signIn();

        CliHarness.Result table = cli.run("run", "list");
        CliHarness.Result json = cli.run("run", "list", "--output", "json");

        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().chars().noneMatch(c -> c == 0x1b || c == 0x07), table.out());
        assertEquals(List.of("ID", "b8d0f2a4", "a7c9e1b3", "c9e1a3b5", "Showing"), table.out().lines()
                .map(line -> line.split(" ")[0]).toList(), table.out());
        assertTrue(table.out().contains("\\x1b]0;owned\\x07\\x1b[2Jxxx"), table.out());
        assertTrue(table.out().lines().allMatch(line -> line.length() < 200), table.out());
        assertEquals(hostile, json(json.out()).get(0).get("name").asText());
    }

    @Test
    void runListRejectsAnUnknownStatus() {
        signIn();

        CliHarness.Result result = cli.run("run", "list", "--status", "finished");

        assertEquals(ExitCode.USAGE, result.code());
        assertTrue(result.err().contains("'finished' is not a run status"), result.err());
    }

    @Test
    void runDescribeListsTheSteps() {
        signIn();

        CliHarness.Result result = cli.run("run", "describe", ZenmlFixtures.RUN);

        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("train_model"), result.out());
        assertTrue(result.out().contains("Status:"), result.out());
    }

    @Test
    void aNameThatIsAlsoAnotherRunsIdPrefixIsAmbiguous() {
        ObjectNode page = (ObjectNode) ZenmlFixtures.tree("runs-page.json");
        String prefix = ZenmlFixtures.RUN.substring(0, 8);
        ObjectNode impostor = (ObjectNode) page.withArray("items").get(1);
        impostor.put("name", prefix);
        zenml.route("GET", "/api/v1/runs", r -> ZenmlFixtures.filtered(page.deepCopy(), r));
        signIn();

        CliHarness.Result result = cli.run("run", "describe", prefix);

        assertEquals(ExitCode.NOT_FOUND, result.code(), result.out());
        assertTrue(result.err().contains("matches 2 runs"), result.err());
        assertTrue(result.err().contains(prefix + " (" + impostor.get("id").asText() + ")"),
                result.err());
        assertTrue(result.err().contains("(" + ZenmlFixtures.RUN + ")"), result.err());
    }

    @Test
    void runStopSendsGraceful() {
        zenml.route("POST", "/api/v1/runs/" + ZenmlFixtures.RUN + "/stop",
                r -> ZenmlFixtures.json(200, "null"));
        signIn();

        CliHarness.Result result = cli.run("run", "stop", ZenmlFixtures.RUN, "--graceful");

        assertEquals(0, result.code(), result.err());
        String query = zenml.received("POST", "/api/v1/runs/" + ZenmlFixtures.RUN + "/stop")
                .get(0).getRequestUrl().query();
        assertTrue(query.contains("graceful=true"), query);
    }

    @Test
    void refusedStopIsAProblemNotASignInFailure() {
        zenml.route("POST", "/api/v1/runs/" + ZenmlFixtures.RUN + "/stop",
                r -> ZenmlFixtures.fixture(403, "error-403.json"));
        signIn();

        CliHarness.Result result = cli.run("run", "stop", ZenmlFixtures.RUN);

        assertEquals(1, result.code(), result.err());
        assertTrue(result.err().contains("not allowed"), result.err());
    }

    @Test
    void configValidateTakesASnapshotNameFromTheServer() throws IOException {
        signIn();
        Path config = Files.writeString(home.resolve("c.yaml"), "enable_cahce: false\n");

        CliHarness.Result result = cli.run("config", "validate", config.toString(),
                "--snapshot", "prod-training");

        assertEquals(1, result.code(), result.err());
        assertTrue(result.err().startsWith(config + ":1:1: error: "), result.err());
        assertTrue(result.err().contains("enable_cache"), result.err());
    }

    private static String triggerPath() {
        return "/api/v1/pipeline_snapshots/" + ZenmlFixtures.SNAPSHOT + "/runs";
    }

    private static String snapshotPath() {
        return "/api/v1/pipeline_snapshots/" + ZenmlFixtures.SNAPSHOT;
    }

    private static MockResponse runAnswer(String status) {
        ObjectNode run = (ObjectNode) ZenmlFixtures.tree("run-hydrated.json");
        ((ObjectNode) run.path("body")).put("status", status);
        ((ObjectNode) run.path("body")).put("in_progress", !status.equals("completed")
                && !status.equals("failed") && !status.equals("stopped"));
        return ZenmlFixtures.json(200, run.toString());
    }

    private static JsonNode json(String text) {
        try {
            return ZenmlFixtures.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
