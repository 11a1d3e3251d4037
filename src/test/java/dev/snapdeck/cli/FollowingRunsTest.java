package dev.snapdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.snapdeck.server.DataFolderLock;
import dev.snapdeck.server.LocalServer;
import dev.snapdeck.server.ServerOptions;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watching a run as it goes: {@code run logs --follow}, and what Ctrl+C says during
 * {@code snapshot run --wait} (in a child JVM, sent a real signal). The runs are of a one-step
 * pipeline whose step prints a line and the start of another in one write, waits at a gate (a
 * file the test creates), ends that line and exits with the code it is given, so each test
 * decides when its run moves on. The local orchestrator adds its own "[snapdeck] attempt" line
 * to each step's log.
 */
@Timeout(300)
class FollowingRunsTest {

    private static final String PASSWORD = "s3cret-admin";
    private static final String GATE_STEP = String.join("\n",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "public class Gate {",
            "    public static void main(String[] args) throws Exception {",
            "        System.out.print(\"before the gate\\nafter \");",
            "        Path gate = Path.of(System.getenv(\"SNAPDECK_PARAM_GATE\"));",
            "        while (!Files.exists(gate)) {",
            "            Thread.sleep(20);",
            "        }",
            "        System.out.println(\"the gate\");",
            "        System.exit(Integer.parseInt(System.getenv(\"SNAPDECK_PARAM_EXIT_CODE\")));",
            "    }",
            "}", "");

    @TempDir
    Path root;

    private LocalServer server;
    private CliHarness cli;
    private Path gate;

    @BeforeEach
    void start() throws Exception {
        Path pipeline = Files.createDirectories(root.resolve("pipelines").resolve("gated"));
        Files.writeString(pipeline.resolve("Gate.java"), GATE_STEP);
        Files.writeString(pipeline.resolve("pipeline.yaml"), String.join("\n",
                "name: gated",
                "steps:",
                "  gate:",
                "    run: [java, Gate.java]",
                "    enable_cache: false",
                "    parameters:",
                "      gate: {type: string, default: none}",
                "      exit_code: {type: integer, default: 0}", ""));
        server = startServer(0);
        cli = new CliHarness(Files.createDirectories(root.resolve("home")))
                .signedIn(server.url().toString(), "local", "admin", PASSWORD);
        gate = root.resolve("gate-open");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private LocalServer startServer(int port) throws IOException, SQLException {
        return LocalServer.start(new ServerOptions(null, port, root.resolve("data"),
                root.resolve("pipelines"), () -> PASSWORD, null));
    }

    /** Stops the server as a restart or an outage would; {@link #restartServer} ends it. */
    private int stopServer() {
        int port = server.port();
        server.close();
        server = null;
        return port;
    }

    private void restartServer(int port) throws IOException, SQLException {
        server = startServer(port);
    }

    /** A snapshot of the gated pipeline whose step waits for {@link #gate}, then exits so. */
    private void snapshotExiting(int exitCode) throws IOException {
        Path config = Files.writeString(root.resolve("gate.yaml"), "steps:\n  gate:\n"
                + "    parameters:\n      gate: '" + gate + "'\n      exit_code: " + exitCode
                + "\n");
        CliHarness.Result created = cli.run("pipeline", "snapshot", "create", "gated", "--name",
                "gated", "--config", config.toString());
        assertEquals(0, created.code(), created.err());
    }

    private JsonNode startRun() {
        CliHarness.Result started = cli.run("pipeline", "snapshot", "run", "gated", "--output",
                "json");
        assertEquals(0, started.code(), started.err());
        return json(started.out());
    }

    @Test
    void followPrintsNewLinesAsTheStepWritesThemAndEndsWithTheRun() throws Exception {
        snapshotExiting(0);
        String runId = startRun().path("id").asText();

        CliHarness.Running following = cli.start("run", "logs", runId, "--follow",
                "--poll-interval", "100");
        following.awaitOutput("before the gate");
        boolean afterTooEarly = following.outSoFar().contains("after the gate");
        Files.createFile(gate);
        CliHarness.Result ended = following.join();

        assertFalse(afterTooEarly, following.outSoFar());
        assertEquals(0, ended.code(), ended.err());
        assertEquals(List.of("==> gate <==", "before the gate", "after the gate"),
                ended.out().lines().filter(line -> !line.startsWith("[snapdeck] attempt"))
                        .toList());
        assertEquals("", ended.err());
    }

    @Test
    void followOfAFailingRunExitsWithTheRunFailedCode() throws Exception {
        snapshotExiting(3);
        Files.createFile(gate);
        String runId = startRun().path("id").asText();

        CliHarness.Result ended = cli.run("run", "logs", runId, "-f", "--step", "gate",
                "--poll-interval", "100");

        assertEquals(ExitCode.RUN_FAILED, ended.code(), ended.err());
        assertTrue(ended.out().contains("before the gate\nafter the gate\n"), ended.out());
        assertEquals(1, ended.errLines().size(), ended.err());
        assertTrue(ended.err().startsWith("Run gated-"), ended.err());
        assertTrue(ended.errLines().get(0).contains(" failed"), ended.err());
    }

    @Test
    void followHasNoJsonForm() throws Exception {
        snapshotExiting(0);
        Files.createFile(gate);
        String runId = startRun().path("id").asText();

        CliHarness.Result refused = cli.run("run", "logs", runId, "-f", "--output", "json");

        assertEquals(ExitCode.USAGE, refused.code());
        assertEquals(1, refused.errLines().size(), refused.err());
    }

    /**
     * Closing the local server stops the runs it has going (as Ctrl+C on {@code snapdeck server}
     * does), so the run this wait outlives ends stopped, and the wait says so once the server
     * is back.
     */
    @Test
    void waitRidesOutAServerRestartAndReportsHowTheRunEnded() throws Exception {
        snapshotExiting(0);
        CliHarness.Running waiting = cli.start("pipeline", "snapshot", "run", "gated", "--wait",
                "--poll-interval", "100");
        waiting.awaitOutput("  gate: running");

        int port = stopServer();
        waiting.awaitError("Lost the server");
        restartServer(port);
        CliHarness.Result ended = waiting.join();

        List<String> out = ended.out().lines().toList();
        String runId = runIdIn(out.get(0));
        assertEquals(ExitCode.RUN_STOPPED, ended.code(), ended.err());
        assertEquals(List.of("  gate: running", "  gate: stopped"), out.subList(1, 3));
        assertTrue(out.get(3).matches("Run gated-\\S+ stopped \\(.*\\)\\."), ended.out());
        assertEquals(4, out.size(), ended.out());
        assertEquals(2, ended.errLines().size(), ended.err());
        assertTrue(ended.errLines().get(0).startsWith("Lost the server at " + server.url()),
                ended.err());
        assertTrue(ended.errLines().get(0).contains("still waiting for run gated-"), ended.err());
        assertTrue(ended.errLines().get(0).contains("(" + runId + ")"), ended.err());
        assertEquals("Reached the server again.", ended.errLines().get(1));
        assertEquals("stopped", describe(runId).path("status").asText());
    }

    /**
     * With no connection chosen the command line uses the local server of its data folder, which
     * may come back on another port (its own was taken meanwhile): the wait follows it there.
     */
    @Test
    void waitFollowsTheDataFoldersServerToItsNewAddress() throws Exception {
        Path home = Files.createDirectories(root.resolve("home-without-connection"));
        CliHarness.Running waiting = waitOnTheDataFoldersServer(home);

        int before = stopServer();
        waiting.awaitError("Lost the server");
        try (ServerSocket taken = new ServerSocket(before, 1, InetAddress.getLoopbackAddress())) {
            startDataFolderServer(home);
        }
        CliHarness.Result ended = waiting.join();

        assertEquals(ExitCode.RUN_STOPPED, ended.code(), ended.err());
        assertEquals(3, ended.errLines().size(), ended.err());
        assertTrue(ended.errLines().get(0).startsWith("Lost the server at "), ended.err());
        assertTrue(ended.errLines().get(1).startsWith("The server is now at ")
                && ended.errLines().get(1).contains(":" + server.port()), ended.err());
        assertEquals("Reached the server again.", ended.errLines().get(2));
    }

    /**
     * The data folder's server stops while a wait holds its token, and another program takes its
     * port at once, as if to catch the next poll: the wait sends it nothing (it asks the folder
     * first) and follows the server to its new address.
     */
    @Test
    void waitSendsNothingToAProgramThatTookTheStoppedServersPort() throws Exception {
        Path home = Files.createDirectories(root.resolve("home-without-connection"));
        CliHarness.Running waiting = waitOnTheDataFoldersServer(home, "-v");
        List<RecordedRequest> received = new CopyOnWriteArrayList<>();

        int before = stopServer();
        try (MockWebServer impostor = new MockWebServer()) {
            impostor.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    received.add(request);
                    return new MockResponse().setBody("{}");
                }
            });
            impostor.start(InetAddress.getLoopbackAddress(), before);
            // What 'kill -9' would have left: the file naming the old port.
            Files.writeString(home.resolve("server").resolve(DataFolderLock.SERVER_FILE),
                    "{\"url\": \"http://127.0.0.1:" + before + "\", \"pid\": 1}");
            waiting.awaitError("Not found elsewhere either (no local server is running on");
            startDataFolderServer(home);
            CliHarness.Result ended = waiting.join();

            assertEquals(ExitCode.RUN_STOPPED, ended.code(), ended.err());
            assertTrue(ended.err().contains("The server is now at "), ended.err());
        }
        assertEquals(List.of(), received.stream().map(RecordedRequest::getPath).toList());
    }

    /** A gated run on the server of {@code home}'s data folder, with no connection saved. */
    private CliHarness.Running waitOnTheDataFoldersServer(Path home, String... options)
            throws Exception {
        stopServer();
        startDataFolderServer(home);
        CliHarness local = new CliHarness(home);
        Path config = Files.writeString(root.resolve("gate.yaml"), "steps:\n  gate:\n"
                + "    parameters:\n      gate: '" + gate + "'\n");
        CliHarness.Result created = local.run("pipeline", "snapshot", "create", "gated",
                "--name", "gated", "--config", config.toString());
        assertEquals(0, created.code(), created.err());
        List<String> args = new ArrayList<>(List.of("pipeline", "snapshot", "run", "gated",
                "--wait", "--poll-interval", "100"));
        args.addAll(List.of(options));
        CliHarness.Running waiting = local.start(args.toArray(String[]::new));
        waiting.awaitOutput("  gate: running");
        return waiting;
    }

    private void startDataFolderServer(Path home) throws IOException, SQLException {
        server = LocalServer.start(new ServerOptions(null, 0, home.resolve("server"),
                root.resolve("pipelines"), () -> PASSWORD, null));
    }

    @Test
    void waitGivesUpAfterTheOutageGraceAndSaysHowToCheckOnTheRun() throws Exception {
        snapshotExiting(0);
        CliHarness.Running waiting = cli.start("pipeline", "snapshot", "run", "gated", "--wait",
                "--poll-interval", "100", "--outage-grace", "500ms");
        waiting.awaitOutput("  gate: running");

        stopServer();
        CliHarness.Result ended = waiting.join();

        String runId = runIdIn(ended.out());
        assertEquals(ExitCode.UNREACHABLE, ended.code(), ended.err());
        assertEquals(2, ended.errLines().size(), ended.err());
        assertTrue(ended.errLines().get(0).startsWith("Lost the server at "), ended.err());
        String last = ended.errLines().get(1);
        assertTrue(last.startsWith("error: lost the server at "), last);
        assertTrue(last.contains(" and gave up after 500 ms; run gated-"), last);
        assertTrue(last.endsWith("(" + runId + ") may still be going: see 'snapdeck run describe "
                + runId + "'."), last);
        assertFalse(ended.out().contains("gate: stopped"), ended.out());
    }

    @Test
    void waitWithNoOutageGraceGivesUpAtTheFirstFailedPoll() throws Exception {
        snapshotExiting(0);
        CliHarness.Running waiting = cli.start("pipeline", "snapshot", "run", "gated", "--wait",
                "--poll-interval", "100", "--outage-grace", "0");
        waiting.awaitOutput("  gate: running");

        stopServer();
        CliHarness.Result ended = waiting.join();

        assertEquals(ExitCode.UNREACHABLE, ended.code(), ended.err());
        assertEquals(1, ended.errLines().size(), ended.err());
        assertTrue(ended.err().startsWith("error: lost the server at "), ended.err());
        assertTrue(ended.err().contains("may still be going: see 'snapdeck run describe "),
                ended.err());
    }

    /**
     * The server, closing, kills the step and appends a line to its log; the follow prints that
     * line once the server is back, and none of those it had printed before the outage again.
     */
    @Test
    void followKeepsItsPlaceInTheLogAcrossAnOutage() throws Exception {
        snapshotExiting(0);
        String runId = startRun().path("id").asText();
        CliHarness.Running following = cli.start("run", "logs", runId, "-f", "--poll-interval",
                "100");
        following.awaitOutput("before the gate\n");

        int port = stopServer();
        following.awaitError("Lost the server");
        restartServer(port);
        CliHarness.Result ended = following.join();

        List<String> out = ended.out().lines()
                .filter(line -> !line.startsWith("[snapdeck] attempt")).toList();
        assertEquals(ExitCode.RUN_STOPPED, ended.code(), ended.err());
        // The step's last line was left open ("after "): the server's note follows on its own.
        assertEquals(List.of("==> gate <==", "before the gate", "after "), out.subList(0, 3));
        assertTrue(out.get(3).startsWith("[snapdeck] stopped"), ended.out());
        assertEquals(4, out.size(), ended.out());
        assertEquals(3, ended.errLines().size(), ended.err());
        assertTrue(ended.errLines().get(0).startsWith("Lost the server at "), ended.err());
        assertEquals("Reached the server again.", ended.errLines().get(1));
        assertTrue(ended.errLines().get(2).startsWith("Run gated-"), ended.err());
    }

    @Test
    void ctrlCDuringWaitSaysTheRunGoesOnAndHowToFollowOrStopIt() throws Exception {
        snapshotExiting(0);

        ChildCli child = ChildCli.start(cli.home().root(), Map.of(), "pipeline", "snapshot",
                "run", "gated", "--wait");
        String started = child.readUntil("Started run ");
        child.signal("INT");
        int code = child.waitFor();

        String runId = runIdIn(started);
        List<String> errLines = child.err().lines().toList();
        assertEquals(130, code, String.join("\n", errLines));
        assertTrue(errLines.get(errLines.size() - 1).startsWith("Stopped watching; run gated-"),
                errLines.toString());
        assertTrue(errLines.get(errLines.size() - 1).endsWith("(" + runId + ") is left to the "
                + "server. Follow it: snapdeck run logs " + runId + " -f. Stop it: snapdeck run "
                + "stop " + runId), errLines.toString());
        assertTrue(describe(runId).path("in_progress").asBoolean(), "the run did not go on");
    }

    @Test
    void ctrlCDuringAnOutageSaysTheSameAsEver() throws Exception {
        snapshotExiting(0);
        ChildCli child = ChildCli.start(cli.home().root(), Map.of(), "pipeline", "snapshot",
                "run", "gated", "--wait", "--poll-interval", "100");
        String started = child.readUntil("Started run ");
        child.readUntil("  gate: running");

        stopServer();
        child.readErrorUntil("Lost the server");
        child.signal("INT");
        int code = child.waitFor();

        String runId = runIdIn(started);
        List<String> errLines = child.err().lines().toList();
        assertEquals(130, code, String.join("\n", errLines));
        assertEquals(2, errLines.size(), errLines.toString());
        assertTrue(errLines.get(0).startsWith("Lost the server at "), errLines.toString());
        assertTrue(errLines.get(1).startsWith("Stopped watching; run gated-"), errLines.toString());
        assertTrue(errLines.get(1).endsWith("snapdeck run stop " + runId), errLines.toString());
    }

    @Test
    void sigtermDuringFollowSaysTheSameAndExitsWithTheSignalsCode() throws Exception {
        snapshotExiting(0);
        String runId = startRun().path("id").asText();

        ChildCli child = ChildCli.start(cli.home().root(), Map.of(), "run", "logs", runId,
                "--follow");
        child.readUntil("before the gate");
        child.signal("TERM");
        int code = child.waitFor();

        String err = child.err();
        assertEquals(143, code, err);
        assertTrue(err.contains("Stopped watching; run gated-"), err);
        assertTrue(err.contains("snapdeck run stop " + runId), err);
        assertTrue(describe(runId).path("in_progress").asBoolean(), "the run did not go on");
    }

    /** The run id in a "Started run NAME (ID) of snapshot …" line. */
    private static String runIdIn(String started) {
        return started.substring(started.indexOf('(') + 1, started.indexOf(')'));
    }

    private JsonNode describe(String runId) {
        CliHarness.Result described = cli.run("run", "describe", runId, "--output", "json");
        assertEquals(0, described.code(), described.err());
        return json(described.out());
    }

    private static JsonNode json(String text) {
        try {
            return ZenmlFixtures.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
