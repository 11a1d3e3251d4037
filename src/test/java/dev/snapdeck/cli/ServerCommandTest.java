package dev.snapdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code snapdeck server} in a JVM of its own ends with the exit codes its help lists. */
@Timeout(120)
class ServerCommandTest {

    private static final Map<String, String> PASSWORD = Map.of("SNAPDECK_ADMIN_PASSWORD",
            "s3cret-admin");

    @TempDir
    Path home;

    @TempDir
    Path data;

    @Test
    void aSecondServerOnTheSameDataFolderCannotStartAndCtrlCStopsTheFirst() throws Exception {
        ChildCli first = ChildCli.start(home, PASSWORD, "server", "--port", "0", "--data",
                data.toString());
        first.readUntil("Snapdeck local server: http://127.0.0.1:");

        ChildCli second = ChildCli.start(home, PASSWORD, "server", "--port", "0", "--data",
                data.toString());
        int secondCode = second.waitFor();
        String secondErr = second.err();
        first.signal("INT");
        int firstCode = first.waitFor();

        assertEquals(ExitCode.PROBLEM, secondCode, secondErr);
        assertEquals(1, secondErr.lines().count(), secondErr);
        assertTrue(secondErr.startsWith("error: Another Snapdeck server is using the data folder "
                + data), secondErr);
        assertEquals(130, firstCode, first.err());
    }

    @Test
    void aTakenPortIsOneLineSayingWhatToDo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            ChildCli server = ChildCli.start(home, PASSWORD, "server", "--port",
                    Integer.toString(port), "--data", data.toString());
            int code = server.waitFor();

            List<String> errLines = server.err().lines().toList();
            assertEquals(ExitCode.PROBLEM, code, errLines.toString());
            assertEquals(List.of("error: port " + port + " on 127.0.0.1 is in use; stop what uses "
                    + "it, or pick another with --port (0: any free one)."), errLines);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "0"})
    void aStepBoundBelowOneIsAUsageErrorAndStartsNothing(String bound) {
        CliHarness.Result result = new CliHarness(home).run("server", "--port", "0", "--data",
                data.toString(), "--max-parallel-steps", bound);

        assertEquals(ExitCode.USAGE, result.code(), result.err());
        assertEquals(List.of("error: --max-parallel-steps takes a number of steps, 1 or more; it "
                + "was " + bound + "."), result.errLines());
        assertTrue(Files.notExists(data.resolve("snapdeck.db")), "the server started");
    }

    @Test
    void helpSaysTheStepBoundStartsAtOne() {
        CliHarness.Result result = new CliHarness(home).run("server", "--help");

        assertEquals(ExitCode.OK, result.code(), result.err());
        assertTrue(result.out().contains("Steps of all runs that may run at once, 1 or"),
                result.out());
    }

    @Test
    void aDataFolderThatIsAFileIsOneLineSayingWhatToDo() throws Exception {
        Path file = Files.writeString(data.resolve("server"), "notes");

        ChildCli server = ChildCli.start(home, PASSWORD, "server", "--port", "0", "--data",
                file.toString());
        int code = server.waitFor();

        List<String> errLines = server.err().lines().toList();
        assertEquals(ExitCode.PROBLEM, code, errLines.toString());
        assertEquals(List.of("error: " + file.toAbsolutePath() + " is a file, not a folder: move "
                + "it away or choose another data folder"), errLines);
    }
}
