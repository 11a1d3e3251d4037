package dev.snapdeck.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
}
