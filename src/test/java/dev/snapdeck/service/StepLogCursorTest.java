package dev.snapdeck.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.api.LogChunk;
import dev.snapdeck.api.LogEntry;
import dev.snapdeck.api.ServerUnreachableException;
import dev.snapdeck.api.StepRun;

import org.junit.jupiter.api.Test;

/**
 * A log read in pieces, as Snapdeck's local server hands out one over 1 MiB, by a reader whose
 * server goes away between two pieces: the piece it got is not lost, and is not handed out twice.
 */
class StepLogCursorTest {

    private static final StepRun STEP = new StepRun(UUID.randomUUID(), "train", Instant.EPOCH,
            Instant.EPOCH, ExecutionStatus.RUNNING, 1, Instant.EPOCH, null, null, List.of(), null);

    /** The log's pieces by the offset they start at; each names where the next starts. */
    private final Map<Long, LogChunk> pieces = Map.of(
            0L, new LogChunk(List.of(entry("one"), entry("two")), OptionalLong.of(8)),
            8L, new LogChunk(List.of(entry("three")), OptionalLong.of(14)),
            14L, new LogChunk(List.of(), OptionalLong.of(14)));

    private final List<Long> offsetsAsked = new ArrayList<>();

    /** The server answers reads from before this offset only, as if it went away meanwhile. */
    private long unreachableFrom = Long.MAX_VALUE;

    @Test
    void readsEveryPieceInOneCall() {
        List<LogEntry> read = new StepLogCursor().next(workspace(), STEP);

        assertEquals(List.of("one", "two", "three"), messages(read));
        assertEquals(List.of(0L, 8L, 14L), offsetsAsked);
    }

    @Test
    void aReadThatFailsBetweenTwoPiecesLosesNothingAndRepeatsNothing() {
        StepLogCursor cursor = new StepLogCursor();
        Workspace workspace = workspace();
        unreachableFrom = 8;

        assertThrows(ServerUnreachableException.class, () -> cursor.next(workspace, STEP));
        unreachableFrom = Long.MAX_VALUE;
        List<LogEntry> afterwards = cursor.next(workspace, STEP);
        List<LogEntry> later = cursor.next(workspace, STEP);

        assertEquals(List.of("one", "two", "three"), messages(afterwards));
        assertEquals(List.of(), later);
    }

    @Test
    void aReadNotAcceptedIsReadAgainAndALateOneIsIgnored() {
        StepLogCursor cursor = new StepLogCursor();
        Workspace workspace = workspace();

        StepLogCursor.Read dropped = cursor.read(workspace, STEP);
        StepLogCursor.Read again = cursor.read(workspace, STEP);
        cursor.accept(again);
        cursor.accept(dropped);
        List<LogEntry> after = cursor.next(workspace, STEP);

        assertEquals(List.of("one", "two", "three"), messages(dropped.entries()));
        assertEquals(List.of("one", "two", "three"), messages(again.entries()));
        assertEquals(List.of(), after, "the late answer moved nothing back");
        assertEquals(List.of(0L, 8L, 14L, 0L, 8L, 14L, 14L), offsetsAsked);
    }

    /** A workspace that answers only log reads, from {@link #pieces}. */
    private Workspace workspace() {
        return (Workspace) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Workspace.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("stepLog") || args.length != 2) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    long offset = (Long) args[1];
                    offsetsAsked.add(offset);
                    if (offset >= unreachableFrom) {
                        throw new ServerUnreachableException("GET /api/v1/steps/logs",
                                new ConnectException("Connection refused"));
                    }
                    return pieces.get(offset);
                });
    }

    private static LogEntry entry(String message) {
        return new LogEntry(message, "step", 20, Instant.EPOCH, null, null, null);
    }

    private static List<String> messages(List<LogEntry> entries) {
        return entries.stream().map(LogEntry::message).toList();
    }
}
