package dev.snapdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.snapdeck.server.DataFolderLock;
import dev.snapdeck.server.LocalServer;
import dev.snapdeck.server.ServerOptions;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code server.json} left behind by a server that was killed, naming a port where something
 * else now listens and never answers (or nothing listens): commands that find the server through
 * the data folder say so in one line within seconds, instead of waiting out a 30 s read timeout.
 */
@Timeout(120)
class StaleServerFileTest {

    /** Far below the 30 s a real request may wait, far above the probe's few seconds. */
    private static final Duration FAST = Duration.ofSeconds(15);

    @TempDir
    Path home;

    private ServerSocket silent;
    private CliHarness cli;

    @BeforeEach
    void leaveAServerFileBehind() throws Exception {
        // A folder a real server has used (its admin exists), then a listener that accepts
        // connections into its backlog and never reads or writes.
        LocalServer.start(new ServerOptions(null, 0, dataDir(), null, () -> "pw", null)).close();
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        advertise("http://127.0.0.1:" + silent.getLocalPort());
        cli = new CliHarness(home);
    }

    @AfterEach
    void closeListener() throws Exception {
        silent.close();
    }

    private Path dataDir() {
        return home.resolve("server");
    }

    private void advertise(String url) throws Exception {
        Files.writeString(dataDir().resolve(DataFolderLock.SERVER_FILE), "{\"url\": \"" + url
                + "\", \"pid\": 1}");
    }

    @Test
    void aCommandOnASilentListenerFailsWithinSecondsInOneLine() {
        CliHarness.Result result = assertTimeoutPreemptively(FAST,
                () -> cli.run("pipeline", "snapshot", "list"));

        assertEquals(ExitCode.UNREACHABLE, result.code(), result.err());
        assertEquals(1, result.errLines().size(), result.err());
        String line = result.errLines().get(0);
        assertTrue(line.startsWith("error: http://127.0.0.1:" + silent.getLocalPort() + ", which "
                + dataDir().resolve(DataFolderLock.SERVER_FILE) + " names, did not answer "
                + "within 3 s"), line);
        assertTrue(line.endsWith("start the local server with 'snapdeck server' or by opening "
                + "the dashboard."), line);
    }

    @Test
    void tokenOnASilentListenerFailsWithinSeconds() {
        CliHarness.Result result = assertTimeoutPreemptively(FAST, () -> cli.run("token"));

        assertEquals(ExitCode.UNREACHABLE, result.code(), result.err());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().contains("did not answer within"), result.err());
    }

    @Test
    void aServerFileNamingAClosedPortSaysNothingListensThere() throws Exception {
        int closed;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = gone.getLocalPort();
        }
        advertise("http://127.0.0.1:" + closed);

        CliHarness.Result result = assertTimeoutPreemptively(FAST, () -> cli.run("status"));

        assertEquals(ExitCode.UNREACHABLE, result.code(), result.err());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().startsWith("error: nothing listens at http://127.0.0.1:" + closed),
                result.err());
    }
}
