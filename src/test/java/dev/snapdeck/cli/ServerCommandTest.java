package dev.snapdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

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
}
