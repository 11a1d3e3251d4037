package dev.snapdeck.service;

import java.util.ArrayList;
import java.util.List;

import dev.snapdeck.api.LogChunk;
import dev.snapdeck.api.LogEntry;
import dev.snapdeck.api.StepRun;

/**
 * Where a reader of one step's log has got to, so each read hands out only entries it has not
 * handed out before and asks for no byte twice. On Snapdeck's local server it reads on from the
 * byte offset the server gave, piece by piece until the server has nothing more, so a log of any
 * size is read once; a ZenML server sends the whole log every time, so there the entries already
 * handed out are skipped.
 *
 * <p>A poller reads on a worker thread and accepts on the JavaFX thread; {@link #read} moves
 * nothing, so a read left running by a paused poller does no harm beside a new one.
 */
public final class StepLogCursor {

    private long offset;
    private int handedOut;
    /** How many reads have been accepted: a read taken before the last one is stale. */
    private long accepted;

    /**
     * Entries read but not yet handed out: what {@link #read} found, to be passed to
     * {@link #accept} once they have been shown.
     */
    public static final class Read {
        private final List<LogEntry> entries;
        private final long after;
        private final long offset;
        private final int handedOut;

        private Read(List<LogEntry> entries, long after, long offset, int handedOut) {
            this.entries = List.copyOf(entries);
            this.after = after;
            this.offset = offset;
            this.handedOut = handedOut;
        }

        public List<LogEntry> entries() {
            return entries;
        }
    }

    /**
     * The entries written since the last call (all of them on the first), handed out at once:
     * {@link #read} and {@link #accept} together, for a reader that never drops what it read.
     */
    public List<LogEntry> next(Workspace workspace, StepRun step) {
        Read read = read(workspace, step);
        accept(read);
        return read.entries();
    }

    /**
     * The entries written since the last accepted read, without moving the cursor: a reader that
     * may drop the answer (a paused screen) accepts it only once its lines are shown, and
     * otherwise reads the same entries again next time. {@code step} is the step as last
     * fetched, so a log source that appeared since the last call is found. Blocks on the server;
     * call it off the JavaFX thread. Fails as {@link Workspace#stepLog}; a failure, even between
     * two pieces, moves nothing.
     */
    public Read read(Workspace workspace, StepRun step) {
        long start;
        int shown;
        long after;
        synchronized (this) {
            start = offset;
            shown = handedOut;
            after = accepted;
        }
        List<LogEntry> fresh = new ArrayList<>();
        long readTo = start;
        while (true) {
            LogChunk chunk = workspace.stepLog(step, readTo);
            if (chunk.nextOffset().isEmpty()) {
                List<LogEntry> all = chunk.entries();
                fresh.addAll(all.subList(Math.min(shown, all.size()), all.size()));
                return new Read(fresh, after, readTo, Math.max(shown, all.size()));
            }
            fresh.addAll(chunk.entries());
            long next = chunk.nextOffset().getAsLong();
            if (next <= readTo) {
                return new Read(fresh, after, readTo, shown);
            }
            readTo = next;
        }
    }

    /**
     * Moves on past {@code read}'s entries. A read taken before the last accepted one (an older
     * answer arriving late) is ignored, so nothing is handed out twice.
     */
    public synchronized void accept(Read read) {
        if (read.after == accepted) {
            offset = read.offset;
            handedOut = read.handedOut;
            accepted++;
        }
    }
}
