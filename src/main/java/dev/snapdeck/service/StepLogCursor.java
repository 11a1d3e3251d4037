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
 * <p>Not thread-safe: one reader at a time, as a poller or a CLI loop reads.
 */
public final class StepLogCursor {

    private long offset;
    private int handedOut;

    /**
     * The entries written since the last call (all of them on the first). {@code step} is the
     * step as last fetched, so a log source that appeared since the last call is found.
     * Blocks on the server; call it off the JavaFX thread. Fails as {@link Workspace#stepLog};
     * a call that fails moves the cursor not at all, so the next call hands out what it would
     * have, no entry lost and none twice, even when the failure came between two pieces.
     */
    public List<LogEntry> next(Workspace workspace, StepRun step) {
        List<LogEntry> fresh = new ArrayList<>();
        long readTo = offset;
        while (true) {
            LogChunk chunk = workspace.stepLog(step, readTo);
            if (chunk.nextOffset().isEmpty()) {
                List<LogEntry> all = chunk.entries();
                fresh.addAll(all.subList(Math.min(handedOut, all.size()), all.size()));
                handedOut = Math.max(handedOut, all.size());
                offset = readTo;
                return fresh;
            }
            fresh.addAll(chunk.entries());
            long next = chunk.nextOffset().getAsLong();
            if (next <= readTo) {
                offset = readTo;
                return fresh;
            }
            readTo = next;
        }
    }
}
