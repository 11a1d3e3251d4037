package dev.snapdeck.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.snapdeck.server.LocalServer;
import dev.snapdeck.server.ServerOptions;

/** A data folder the server cannot use: the error says which path and what is wrong with it. */
@Timeout(60)
class UnusableDataFolderTest {

    @TempDir
    Path parent;

    @Test
    void aFileWhereTheDataFolderShouldBeIsNamedAndLeftAlone() throws Exception {
        Path data = Files.writeString(parent.resolve("data"), "notes");

        IOException e = assertThrows(IOException.class,
                () -> LocalServer.start(ServerOptions.of(data)));

        assertEquals(data.toAbsolutePath() + " is a file, not a folder: move it away or choose "
                + "another data folder", e.getMessage());
        assertEquals("notes", Files.readString(data));
    }

    @Test
    void aFileWhereAParentFolderShouldBeSaysSo() throws Exception {
        Path blocker = Files.writeString(parent.resolve("home"), "notes");
        Path data = blocker.resolve("server");

        IOException e = assertThrows(IOException.class,
                () -> LocalServer.start(ServerOptions.of(data)));

        assertTrue(e.getMessage().startsWith("Cannot use the folder " + data.toAbsolutePath()
                + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("a file is in the way"), e.getMessage());
    }
}
