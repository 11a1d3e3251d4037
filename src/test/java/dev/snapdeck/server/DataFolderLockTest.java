package dev.snapdeck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data folder's lock tells other processes whether its {@code server.json} belongs to a
 * running server; asking must never loosen the lock of a server running in the same process.
 */
@Timeout(60)
class DataFolderLockTest {

    @TempDir
    Path data;

    @Test
    void aFolderNoServerEverUsedIsNotHeld() throws Exception {
        assertFalse(DataFolderLock.isHeld(data));
    }

    @Test
    void isHeldWhileTakenAndFreeOnceReleased() throws Exception {
        try (DataFolderLock lock = DataFolderLock.acquire(data)) {

            assertTrue(DataFolderLock.isHeld(data));
        }

        assertFalse(DataFolderLock.isHeld(data));
    }

    @Test
    void anotherProcessSeesTheLockHeldAfterThisOneAskedAndFailedToTakeIt() throws Exception {
        try (DataFolderLock lock = DataFolderLock.acquire(data)) {
            DataFolderLock.isHeld(data);
            assertThrows(DataFolderLock.AlreadyRunningException.class,
                    () -> DataFolderLock.acquire(data));

            boolean held = heldAsSeenByAnotherProcess();

            assertTrue(held, "asking in this process released the lock");
        }
    }

    @Test
    void takingTheFolderRemovesTheServerFileAKilledServerLeft() throws Exception {
        Files.writeString(data.resolve(DataFolderLock.SERVER_FILE),
                "{\"url\": \"http://127.0.0.1:9\", \"pid\": 1}");

        try (DataFolderLock lock = DataFolderLock.acquire(data)) {

            assertEquals(java.util.Optional.empty(), DataFolderLock.runningAt(data));
            lock.advertise(URI.create("http://127.0.0.1:8237"));
            assertEquals(URI.create("http://127.0.0.1:8237"),
                    DataFolderLock.runningAt(data).orElseThrow());
        }
    }

    @Test
    void aServerAboutToStopWithdrawsItsAddressWhileStillHoldingTheFolder() throws Exception {
        try (DataFolderLock lock = DataFolderLock.acquire(data)) {
            lock.advertise(URI.create("http://127.0.0.1:8237"));

            lock.withdraw();

            assertEquals(java.util.Optional.empty(), DataFolderLock.runningAt(data));
            assertTrue(DataFolderLock.isHeld(data));
        }
    }

    @Test
    void aClosedLocalServerLeavesNoAddressBehind() throws Exception {
        LocalServer server = LocalServer.start(ServerOptions.of(data));
        assertTrue(DataFolderLock.runningAt(data).isPresent());

        server.close();

        assertEquals(java.util.Optional.empty(), DataFolderLock.runningAt(data));
        assertFalse(DataFolderLock.isHeld(data));
    }

    private boolean heldAsSeenByAnotherProcess() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-cp",
                System.getProperty("java.class.path"), AskIfHeld.class.getName(), data.toString()))
                .redirectErrorStream(true).start();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not end");
        String out = new String(child.getInputStream().readAllBytes()).strip();
        assertEquals(0, child.exitValue(), out);
        return Boolean.parseBoolean(out.lines().reduce((first, last) -> last).orElse(""));
    }

    /** Prints whether the folder in its argument is held, as the command line asks. */
    static final class AskIfHeld {

        public static void main(String[] args) throws Exception {
            System.out.println(DataFolderLock.isHeld(Path.of(args[0])));
        }
    }
}
