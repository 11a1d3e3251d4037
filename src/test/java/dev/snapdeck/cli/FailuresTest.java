package dev.snapdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;

import org.junit.jupiter.api.Test;

/** What went wrong with a file reads in words, not as the bare path Java puts in its message. */
class FailuresTest {

    @Test
    void aPermissionDeniedIsSaidInWords() {
        String reason = Failures.reason(new AccessDeniedException("/tmp/noread.yaml"));

        assertEquals("permission denied", reason);
    }

    @Test
    void aFileSystemFailureGivesItsReasonWithoutThePath() {
        String reason = Failures.reason(new FileSystemException("/tmp/dir", null,
                "Is a directory"));

        assertEquals("Is a directory", reason);
    }

    @Test
    void anyOtherFailureGivesItsMessage() {
        String reason = Failures.reason(new IOException("Stream closed"));

        assertEquals("Stream closed", reason);
    }
}
