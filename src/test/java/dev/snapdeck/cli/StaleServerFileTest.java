package dev.snapdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.snapdeck.server.DataFolderLock;
import dev.snapdeck.server.LocalServer;
import dev.snapdeck.server.ServerOptions;

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
 * A {@code server.json} left behind by a server that was killed, naming a port where another
 * program now listens (answering everything, answering nothing, or nothing listens at all):
 * commands that find the server through the data folder fail in one line within seconds with
 * exit code 4, and no admin token is made for that program or sent to it.
 */
@Timeout(120)
class StaleServerFileTest {

    /** Far below the 30 s a real request may wait, far above the probe's few seconds. */
    private static final Duration FAST = Duration.ofSeconds(15);
    private static final String START_HINT = "start the local server with 'snapdeck server' or "
            + "by opening the dashboard.";

    @TempDir
    Path home;

    private final List<RecordedRequest> received = new CopyOnWriteArrayList<>();
    private MockWebServer impostor;
    private LocalServer running;
    private CliHarness cli;

    @BeforeEach
    void leaveAServerFileBehind() throws Exception {
        // A folder a real server has used (its admin and id exist), then a listener that answers
        // 200 with a JSON object to every request, as a careless or hostile program might.
        LocalServer.start(new ServerOptions(null, 0, dataDir(), null, () -> "pw", null)).close();
        impostor = new MockWebServer();
        impostor.setDispatcher(answering(200, "{}"));
        impostor.start(InetAddress.getLoopbackAddress(), 0);
        advertise(impostorUrl());
        cli = new CliHarness(home);
    }

    @AfterEach
    void stop() throws Exception {
        impostor.shutdown();
        if (running != null) {
            running.close();
        }
    }

    @Test
    void aCommandOnAFolderNoServerHoldsFailsWithoutAskingTheListener() {
        CliHarness.Result result = assertTimeoutPreemptively(FAST, () -> cli.run("run", "list"));

        assertEquals(ExitCode.UNREACHABLE, result.code(), result.err());
        assertEquals(List.of("error: no local server is running on " + dataDir() + " (its "
                + "server.json is left from a server that was killed); start one with "
                + "'snapdeck server' or by opening the dashboard."), result.errLines());
        assertEquals(List.of(), received);
    }

    @Test
    void tokenOnAFolderNoServerHoldsPrintsNoToken() {
        CliHarness.Result result = assertTimeoutPreemptively(FAST, () -> cli.run("token"));

        assertEquals(ExitCode.UNREACHABLE, result.code(), result.err());
        assertEquals("", result.out());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().startsWith("error: no local server is running on "),
                result.err());
        assertEquals(List.of(), received);
    }

    @Test
    void aListenerGivingTheServersOwnIdGetsNothingWhileNoServerHoldsTheFolder() {
        // It may have asked the real server for its id while that ran: /api/v1/info is open.
        String id = LocalAdminToken.serverId(dataDir()).orElseThrow();
        impostor.setDispatcher(answering(200, "{\"id\": \"" + id + "\"}"));

        CliHarness.Result result = assertTimeoutPreemptively(FAST, () -> cli.run("run", "list"));

        assertEquals(ExitCode.UNREACHABLE, result.code(), result.err());
        assertEquals(1, result.errLines().size(), result.err());
        assertEquals(List.of(), received);
    }

    @Test
    void aListenerThatIsNotTheFoldersServerIsNeverSentAToken() throws Exception {
        serverRunsButTheFileNames(impostorUrl());

        CliHarness.Result result = assertTimeoutPreemptively(FAST, () -> cli.run("run", "list"));

        assertEquals(ExitCode.UNREACHABLE, result.code(), result.err());
        assertEquals(List.of("error: " + impostorUrl() + ", which " + serverFile() + " names, is "
                + "not the local server of " + dataDir() + " (it answers /api/v1/info with no "
                + "server id): another program listens there, and no credentials were sent to "
                + "it."), result.errLines());
        assertOnlyAskedForInfo();
    }

    @Test
    void tokenPrintsNoTokenForAListenerThatIsNotTheFoldersServer() throws Exception {
        serverRunsButTheFileNames(impostorUrl());

        CliHarness.Result result = assertTimeoutPreemptively(FAST, () -> cli.run("token"));

        assertEquals(ExitCode.UNREACHABLE, result.code(), result.err());
        assertEquals("", result.out());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().contains("is not the local server of"), result.err());
        assertOnlyAskedForInfo();
    }

    @Test
    void tokenSendsNoPasswordToAListenerThatIsNotTheFoldersServer() throws Exception {
        serverRunsButTheFileNames(impostorUrl());

        CliHarness.Result result = assertTimeoutPreemptively(FAST,
                () -> cli.runWithInput("pw\n", "token", "--password-stdin"));

        assertEquals(ExitCode.UNREACHABLE, result.code(), result.err());
        assertEquals("", result.out());
        assertOnlyAskedForInfo();
    }

    @Test
    void anotherWebServerReadsAsNotTheLocalServer() throws Exception {
        impostor.setDispatcher(answering(404, "<!DOCTYPE HTML>\n<html><body>Not here</body>"));
        serverRunsButTheFileNames(impostorUrl());

        CliHarness.Result result = assertTimeoutPreemptively(FAST, () -> cli.run("run", "list"));

        assertEquals(ExitCode.UNREACHABLE, result.code(), result.err());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().contains("is not the local server of " + dataDir() + " (it "
                + "answers /api/v1/info with HTTP 404)"), result.err());
        assertOnlyAskedForInfo();
    }

    @Test
    void anotherSnapdeckServerReadsAsNotTheLocalServer(@TempDir Path otherData) throws Exception {
        try (LocalServer other = LocalServer.start(new ServerOptions(null, 0, otherData, null,
                () -> "pw", null))) {
            serverRunsButTheFileNames(other.url().toString());

            CliHarness.Result result = assertTimeoutPreemptively(FAST, () -> cli.run("status"));

            assertEquals(ExitCode.UNREACHABLE, result.code(), result.err());
            assertEquals(1, result.errLines().size(), result.err());
            assertTrue(result.err().contains("(it answers /api/v1/info with another server's "
                    + "id)"), result.err());
        }
    }

    @Test
    void aCommandOnASilentListenerFailsWithinSecondsInOneLine() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // Accepts connections into its backlog and never reads or writes.
            String url = "http://127.0.0.1:" + silent.getLocalPort();
            serverRunsButTheFileNames(url);

            CliHarness.Result result = assertTimeoutPreemptively(FAST,
                    () -> cli.run("pipeline", "snapshot", "list"));

            assertEquals(ExitCode.UNREACHABLE, result.code(), result.err());
            assertEquals(List.of("error: " + url + ", which " + serverFile() + " names, did not "
                    + "answer within 5 s: something other than the local server may listen "
                    + "there; " + START_HINT), result.errLines());
        }
    }

    @Test
    void aServerFileNamingAClosedPortSaysNothingListensThere() throws Exception {
        int closed;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = gone.getLocalPort();
        }
        serverRunsButTheFileNames("http://127.0.0.1:" + closed);

        CliHarness.Result result = assertTimeoutPreemptively(FAST, () -> cli.run("status"));

        assertEquals(ExitCode.UNREACHABLE, result.code(), result.err());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().startsWith("error: nothing listens at http://127.0.0.1:" + closed),
                result.err());
    }

    @Test
    void theFoldersOwnServerIsUsedAsBefore() throws Exception {
        running = LocalServer.start(new ServerOptions(null, 0, dataDir(), null, null, null));

        CliHarness.Result result = cli.run("run", "list");

        assertEquals(ExitCode.OK, result.code(), result.err());
        assertEquals(List.of(), received);
    }

    /**
     * The folder's server runs (its lock is held) while its {@code server.json} names {@code url}:
     * a file one stopping server leaves while the next takes the folder, or a hand-edited one.
     */
    private void serverRunsButTheFileNames(String url) throws Exception {
        running = LocalServer.start(new ServerOptions(null, 0, dataDir(), null, null, null));
        advertise(url);
    }

    private void assertOnlyAskedForInfo() {
        assertEquals(List.of("GET /api/v1/info"), received.stream()
                .map(r -> r.getMethod() + " " + r.getPath()).toList());
        assertEquals(null, received.get(0).getHeader("Authorization"));
    }

    private Dispatcher answering(int status, String body) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                received.add(request);
                return new MockResponse().setResponseCode(status).setBody(body);
            }
        };
    }

    private String impostorUrl() {
        return "http://127.0.0.1:" + impostor.getPort();
    }

    private Path dataDir() {
        return home.resolve("server").toAbsolutePath();
    }

    private Path serverFile() {
        return dataDir().resolve(DataFolderLock.SERVER_FILE);
    }

    private void advertise(String url) throws Exception {
        Files.writeString(serverFile(), "{\"url\": \"" + url + "\", \"pid\": 1}");
    }
}
