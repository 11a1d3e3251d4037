package dev.snapdeck.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedFileTest {

    @TempDir
    Path folder;

    /**
     * A file opened while it is readable stays readable through that handle, so the temporary file
     * a secret is written into must be owner-only before anything is written, not made so after.
     */
    @Test
    void theTemporaryFileIsOwnerOnlyBeforeAnythingIsWrittenIntoIt() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "permissions are POSIX ones");
        SharedFile shared = new SharedFile(folder.resolve("secrets.json"), "secrets file");
        List<String> seen = new ArrayList<>();

        shared.change(() -> shared.replace(temporary -> {
            seen.add(permissions(temporary));
            Files.writeString(temporary, "{}");
        }));

        assertEquals(List.of("rw-------"), seen);
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void itsLockFileIsOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "permissions are POSIX ones");
        SharedFile shared = new SharedFile(folder.resolve("profiles.json"), "connections file");

        shared.change(() -> { });

        assertEquals("rw-------", permissions(folder.resolve("profiles.json.lock")));
    }

    @Test
    void aLockAnotherProcessKeepsFailsTheChangeInsteadOfWaitingForever() throws Exception {
        Path lock = folder.resolve("profiles.json.lock");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"),
                HoldLock.class.getName(), lock.toString()).start();
        try {
            assertEquals("held", new BufferedReader(new InputStreamReader(
                    holder.getInputStream(), StandardCharsets.UTF_8)).readLine());
            SharedFile shared = new SharedFile(folder.resolve("profiles.json"),
                    "connections file", Duration.ofMillis(300));
            List<String> changed = new ArrayList<>();

            UncheckedIOException failure = assertThrows(UncheckedIOException.class,
                    () -> shared.change(() -> changed.add("changed")));

            assertTrue(failure.getMessage().startsWith("Cannot write the connections file "),
                    failure.getMessage());
            assertTrue(failure.getMessage().contains("another process has held " + lock),
                    failure.getMessage());
            assertEquals(List.of(), changed);
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    /** Holds the lock on args[0] until killed; says "held" once it has it. */
    static final class HoldLock {

        public static void main(String[] args) throws Exception {
            FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            channel.lock();
            System.out.println("held");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
