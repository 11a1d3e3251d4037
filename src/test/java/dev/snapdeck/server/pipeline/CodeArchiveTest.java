package dev.snapdeck.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeArchiveTest {

    @TempDir
    Path temp;

    @Test
    void sameContentGivesTheSameIdWhateverTheTimestamps() throws Exception {
        Path first = folder("a", "one");
        Path second = folder("b", "one");
        Files.setLastModifiedTime(second.resolve("steps/Run.java"), FileTime.fromMillis(12345));

        String firstId = CodeArchive.store(first, temp.resolve("archives"));
        String secondId = CodeArchive.store(second, temp.resolve("archives"));

        assertEquals(firstId, secondId);
        assertTrue(Files.isRegularFile(temp.resolve("archives").resolve(firstId + ".zip")));
    }

    @Test
    void differentContentGivesAnotherId() throws Exception {
        String first = CodeArchive.store(folder("a", "one"), temp.resolve("archives"));

        String second = CodeArchive.store(folder("b", "two"), temp.resolve("archives"));

        assertNotEquals(first, second);
    }

    @Test
    void extractsWhatWasStored() throws Exception {
        String id = CodeArchive.store(folder("a", "one"), temp.resolve("archives"));

        CodeArchive.extract(id, temp.resolve("archives"), temp.resolve("out"));

        assertEquals("one", Files.readString(temp.resolve("out/steps/Run.java")));
        assertEquals("name: x\n", Files.readString(temp.resolve("out/pipeline.yaml")));
    }

    @Test
    void refusesAnEntryThatClimbsOutOfTheTarget() throws Exception {
        String id = craftedArchive("../evil");

        IOException error = assertThrows(IOException.class,
                () -> CodeArchive.extract(id, temp.resolve("archives"), temp.resolve("out")));

        assertTrue(error.getMessage().contains("'../evil' would be written outside"), error.getMessage());
        assertFalse(Files.exists(temp.resolve("evil")));
    }

    @Test
    void refusesAnAbsoluteEntry() throws Exception {
        String id = craftedArchive("/tmp/snapdeck-absolute-evil");

        IOException error = assertThrows(IOException.class,
                () -> CodeArchive.extract(id, temp.resolve("archives"), temp.resolve("out")));

        assertTrue(error.getMessage().contains("would be written outside"), error.getMessage());
        assertFalse(Files.exists(Path.of("/tmp/snapdeck-absolute-evil")));
    }

    @Test
    void refusesToWriteThroughALinkInTheTarget() throws Exception {
        String id = craftedArchive("link/evil");
        Files.createDirectories(temp.resolve("out"));
        Files.createDirectories(temp.resolve("elsewhere"));
        Files.createSymbolicLink(temp.resolve("out/link"), temp.resolve("elsewhere"));

        IOException error = assertThrows(IOException.class,
                () -> CodeArchive.extract(id, temp.resolve("archives"), temp.resolve("out")));

        assertTrue(error.getMessage().contains("through a link"), error.getMessage());
        assertFalse(Files.exists(temp.resolve("elsewhere/evil")));
    }

    @Test
    void refusesToArchiveSymbolicLinks() throws Exception {
        Path folder = folder("a", "one");
        Files.createSymbolicLink(folder.resolve("passwords"), Path.of("/etc/passwd"));

        IOException error = assertThrows(IOException.class,
                () -> CodeArchive.store(folder, temp.resolve("archives")));

        assertTrue(error.getMessage().contains("symbolic link"), error.getMessage());
    }

    @Test
    void refusesADamagedArchive() throws Exception {
        String id = CodeArchive.store(folder("a", "one"), temp.resolve("archives"));
        Files.write(temp.resolve("archives").resolve(id + ".zip"), new byte[] {1, 2, 3});

        IOException error = assertThrows(IOException.class,
                () -> CodeArchive.extract(id, temp.resolve("archives"), temp.resolve("out")));

        assertTrue(error.getMessage().contains("damaged"), error.getMessage());
    }

    private Path folder(String name, String code) throws IOException {
        Path folder = temp.resolve(name);
        Files.createDirectories(folder.resolve("steps"));
        Files.writeString(folder.resolve("pipeline.yaml"), "name: x\n");
        Files.writeString(folder.resolve("steps/Run.java"), code);
        return folder;
    }

    private String craftedArchive(String entryName) throws IOException {
        Path staging = temp.resolve("crafted.zip");
        try (OutputStream out = Files.newOutputStream(staging); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entryName));
            zip.write("evil".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        String id = CodeArchive.hash(staging);
        Files.createDirectories(temp.resolve("archives"));
        Files.move(staging, temp.resolve("archives").resolve(id + ".zip"));
        return id;
    }
}
