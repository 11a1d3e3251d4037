package dev.snapdeck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.snapdeck.api.Credentials;
import dev.snapdeck.api.ZenmlClient;
import dev.snapdeck.server.DataFolderLock;
import dev.snapdeck.service.LocalServerLauncher.RunningLocalServer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InProcessLocalServerTest {

    @TempDir
    Path data;

    private static String signedInUser(RunningLocalServer server) {
        try (ZenmlClient client = ZenmlClient.builder(server.url())
                .credentials(Credentials.token(server.issueAdminToken())).build()) {
            return client.currentUser().name();
        }
    }

    @Test
    void startsAServerAndSignsInAsTheLocalAdmin() throws Exception {
        try (RunningLocalServer server = new InProcessLocalServer(data, 0).start()) {

            String user = signedInUser(server);

            assertEquals("admin", user);
            assertTrue(Files.isRegularFile(data.resolve(DataFolderLock.SERVER_FILE)));
        }
    }

    @Test
    void joinsTheServerThatAlreadyRunsOnTheDataFolder() throws Exception {
        try (RunningLocalServer first = new InProcessLocalServer(data, 0).start()) {

            RunningLocalServer second = new InProcessLocalServer(data, 0).start();

            assertEquals(first.url(), second.url());
            assertEquals("admin", signedInUser(second));
            second.close();
            assertEquals("admin", signedInUser(first), "closing a joined server leaves it running");
        }
    }

    @Test
    void saysWhetherStoppingItStopsARunningServer() throws Exception {
        InProcessLocalServer owner = new InProcessLocalServer(data, 0);
        InProcessLocalServer joiner = new InProcessLocalServer(data, 0);
        boolean beforeStart = owner.stopsARunningServer();
        try (RunningLocalServer server = owner.start()) {
            joiner.start();

            assertFalse(beforeStart);
            assertTrue(owner.stopsARunningServer(), "it started the server");
            assertFalse(joiner.stopsARunningServer(), "another process's server is left running");
        }
        assertFalse(owner.stopsARunningServer(), "closed, there is nothing left to stop");
    }

    @Test
    void takesAnyFreePortWhenThePreferredOneIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {

            try (RunningLocalServer server =
                    new InProcessLocalServer(data, taken.getLocalPort()).start()) {

                assertNotEquals(taken.getLocalPort(), java.net.URI.create(server.url()).getPort());
                assertEquals("admin", signedInUser(server));
            }
        }
    }

    @Test
    void aTakenPreferredPortIsNoErrorInTheLog() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        root.addAppender(seen);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {

            new InProcessLocalServer(data, taken.getLocalPort()).start().close();

        } finally {
            root.detachAppender(seen);
        }
        // Only what starting the server logs: other tests' clients may still log in this JVM.
        List<String> errors = seen.list.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .filter(e -> e.getLoggerName().startsWith("dev.snapdeck.server")
                        || e.getLoggerName().startsWith("dev.snapdeck.InProcessLocalServer")
                        || e.getLoggerName().startsWith("io.javalin")
                        || e.getLoggerName().startsWith("org.eclipse.jetty"))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(List.of(), errors);
    }

    @Test
    void releasesTheDataFolderWhenClosed() throws Exception {
        new InProcessLocalServer(data, 0).start().close();

        try (RunningLocalServer again = new InProcessLocalServer(data, 0).start()) {

            assertEquals("admin", signedInUser(again));
            assertTrue(Files.isRegularFile(data.resolve(DataFolderLock.SERVER_FILE)));
        }
    }

    @Test
    void aSignalToTheProcessStopsItsServerAsClosingTheWindowDoes() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"),
                ServeUntilSignalled.class.getName(), data.toString()).start();
        try {
            String url = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            assertNotNull(url, "the child's server did not start");
            assertTrue(DataFolderLock.runningAt(data).isPresent());

            child.destroy(); // SIGTERM, as a logout or `kill` sends
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not end");

            assertFalse(Files.exists(data.resolve(DataFolderLock.SERVER_FILE)),
                    "its server.json is left behind");
            assertFalse(DataFolderLock.isHeld(data));
        } finally {
            child.destroyForcibly();
        }
    }

    /** Starts the data folder args[0]'s server in process, prints its URL, and waits. */
    static final class ServeUntilSignalled {

        public static void main(String[] args) throws Exception {
            RunningLocalServer server = new InProcessLocalServer(Path.of(args[0]), 0).start();
            System.out.println(server.url());
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
