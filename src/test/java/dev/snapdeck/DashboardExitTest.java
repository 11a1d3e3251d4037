package dev.snapdeck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.snapdeck.server.DataFolderLock;
import dev.snapdeck.server.LocalServer;
import dev.snapdeck.server.ServerOptions;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the dashboard's window ends its process, with the local server it started stopped: the
 * port and the data folder are free for a {@code snapdeck server} afterwards.
 */
@Timeout(180)
class DashboardExitTest {

    @TempDir
    Path folder;
    /** The data folder, made by the dashboard itself as on a first start. */
    private Path home;

    private Process dashboard;

    @BeforeEach
    void chooseDataFolder() {
        home = folder.resolve("home");
    }

    @AfterEach
    void killLeftover() {
        if (dashboard != null) {
            dashboard.destroyForcibly();
        }
    }

    @Test
    void closingTheWindowEndsTheProcessAndFreesThePortAndTheDataFolder() throws Exception {
        dashboard = startDashboard();
        URI url = servedUrl(dashboard);

        int code = dashboard.waitFor();

        assertEquals(0, code, log());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rwx------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(home)), "the data folder it made");
        }
        assertTrue(Files.isRegularFile(home.resolve("logs/snapdeck.log")),
                "the dashboard logs to its data folder: " + log());
        Path data = home.resolve("server");
        assertFalse(Files.exists(data.resolve(DataFolderLock.SERVER_FILE)), log());
        try (ServerSocket port = new ServerSocket()) {
            port.setReuseAddress(true);
            port.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), url.getPort()));
        }
        try (LocalServer next = LocalServer.start(new ServerOptions(null, 0, data, null, null,
                null))) {
            assertNotNull(next.url());
        }
    }

    private Process startDashboard() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                // The window remembers its place in the user's preferences; keep the test's apart.
                "-Djava.util.prefs.userRoot=" + folder.resolve("prefs")));
        for (String property : List.of("glass.platform", "monocle.platform", "prism.order",
                "prism.text", "java.awt.headless")) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.add(ClosingDashboardMain.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(folder.resolve("child.err").toFile());
        builder.environment().put(SnapdeckHome.ENVIRONMENT_VARIABLE, home.toString());
        return builder.start();
    }

    /** The URL the dashboard's server advertised, which the child prints before closing. */
    private URI servedUrl(Process dashboard) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(dashboard.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("serving ")) {
                String json = line.substring("serving ".length());
                return URI.create(new ObjectMapper().readTree(json).path("url").asText());
            }
        }
        throw new AssertionError("the dashboard ended before its server was up: " + log());
    }

    private String log() throws IOException {
        return Files.readString(folder.resolve("child.err"));
    }
}
