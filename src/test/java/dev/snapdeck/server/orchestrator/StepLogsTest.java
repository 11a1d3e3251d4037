package dev.snapdeck.server.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepLogsTest {

    @TempDir
    Path temp;

    @Test
    void readsALogInRangesThatJoinUp() throws Exception {
        Path log = temp.resolve("step.log");
        Files.writeString(log, "line one\nline two\n");

        StepLogs.Chunk first = StepLogs.read(log, 0, 9);
        StepLogs.Chunk second = StepLogs.read(log, first.nextOffset(), 100);

        assertEquals("line one\n", first.text());
        assertFalse(first.atEnd());
        assertEquals("line two\n", second.text());
        assertEquals(18, second.nextOffset());
        assertTrue(second.atEnd());
    }

    @Test
    void neverSplitsAMultiByteCharacterBetweenRanges() throws Exception {
        Path log = temp.resolve("step.log");
        Files.write(log, "ab\u20ac!".getBytes(StandardCharsets.UTF_8));

        StepLogs.Chunk first = StepLogs.read(log, 0, 4);
        StepLogs.Chunk second = StepLogs.read(log, first.nextOffset(), 4);

        assertEquals("ab", first.text());
        assertEquals(2, first.nextOffset());
        assertEquals("\u20ac!", second.text());
    }

    @Test
    void replacesBytesThatAreNotUtf8() throws Exception {
        Path log = temp.resolve("step.log");
        Files.write(log, new byte[] {'o', 'k', (byte) 0xc3, ' ', (byte) 0xff, '\n'});

        String text = StepLogs.read(log, 0, 100).text();

        assertEquals("ok\uFFFD \uFFFD\n", text);
    }

    @Test
    void aMissingLogOrAnOffsetPastTheEndReadsEmpty() throws Exception {
        Path log = temp.resolve("step.log");
        StepLogs.Chunk missing = StepLogs.read(log, 0, 100);
        Files.writeString(log, "abc");

        StepLogs.Chunk past = StepLogs.read(log, 10, 100);

        assertEquals("", missing.text());
        assertEquals("", past.text());
        assertEquals(10, past.nextOffset());
    }

    @Test
    void readingLinesEndsARangeAfterItsLastLineBreak() throws Exception {
        Path log = temp.resolve("step.log");
        Files.writeString(log, "one\ntwo\nthree\n");

        StepLogs.Chunk first = StepLogs.readLines(log, 0, 10, false);
        StepLogs.Chunk second = StepLogs.readLines(log, first.nextOffset(), 10, false);

        assertEquals("one\ntwo\n", first.text());
        assertEquals("three\n", second.text());
        assertTrue(second.atEnd());
    }

    @Test
    void aLineStillBeingWrittenWaitsUntilItEndsOrTheWriterFinished() throws Exception {
        Path log = temp.resolve("step.log");
        Files.writeString(log, "done\nhalf a li");

        StepLogs.Chunk whileWriting = StepLogs.readLines(log, 0, 100, false);
        StepLogs.Chunk nothingNewYet = StepLogs.readLines(log, whileWriting.nextOffset(), 100, false);
        Files.writeString(log, "ne\n", java.nio.file.StandardOpenOption.APPEND);
        StepLogs.Chunk lineEnded = StepLogs.readLines(log, whileWriting.nextOffset(), 100, false);

        assertEquals("done\n", whileWriting.text());
        assertEquals("", nothingNewYet.text());
        assertEquals(5, nothingNewYet.nextOffset());
        assertEquals("half a line\n", lineEnded.text());
        assertEquals("unended", StepLogs.readLines(writeLog("unended"), 0, 100, true).text());
    }

    @Test
    void aLineLongerThanARangeComesInPieces() throws Exception {
        Path log = writeLog("abcdefgh\n");

        StepLogs.Chunk first = StepLogs.readLines(log, 0, 5, false);

        assertEquals("abcde", first.text());
        assertEquals("fgh\n", StepLogs.readLines(log, first.nextOffset(), 5, false).text());
    }

    private Path writeLog(String text) throws Exception {
        return Files.writeString(temp.resolve("written.log"), text);
    }
}
