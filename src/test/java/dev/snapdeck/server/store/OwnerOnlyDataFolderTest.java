package dev.snapdeck.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import dev.snapdeck.server.LocalServer;
import dev.snapdeck.server.ServerOptions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The data folder and the database (with its WAL files) are the owner's only, on POSIX. */
@Timeout(60)
class OwnerOnlyDataFolderTest {

    private static final List<String> DATABASE_FILES = List.of("snapdeck.db", "snapdeck.db-wal",
            "snapdeck.db-shm");

    @TempDir
    Path parent;

    @BeforeEach
    void onlyOnPosix() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "permissions are POSIX ones");
    }

    @Test
    void aNewDataFolderAndItsDatabaseAreOwnerOnly() throws Exception {
        Path data = parent.resolve("data");

        try (LocalServer server = LocalServer.start(ServerOptions.of(data))) {

            assertEquals("rwx------", permissions(data));
            for (String file : DATABASE_FILES) {
                assertEquals("rw-------", permissions(data.resolve(file)), file);
            }
        }
    }

    @Test
    void theSnapdeckFolderMadeToHoldItIsOwnerOnlyToo() throws Exception {
        Path home = parent.resolve("home");

        try (LocalServer server = LocalServer.start(ServerOptions.of(home.resolve("server")))) {

            assertEquals("rwx------", permissions(home));
        }
    }

    @Test
    void anOpenDataFolderFromBeforeIsTightenedAtStart() throws Exception {
        Path data = parent.resolve("data");
        LocalServer.start(ServerOptions.of(data)).close();
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data.resolve("snapdeck.db"),
                PosixFilePermissions.fromString("rw-r--r--"));

        try (LocalServer server = LocalServer.start(ServerOptions.of(data))) {

            assertEquals("rwx------", permissions(data));
            for (String file : DATABASE_FILES) {
                assertEquals("rw-------", permissions(data.resolve(file)), file);
            }
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
