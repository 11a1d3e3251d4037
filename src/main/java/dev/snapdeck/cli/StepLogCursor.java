package dev.snapdeck.cli;

import java.util.ArrayList;
import java.util.List;

import dev.snapdeck.api.LogChunk;
import dev.snapdeck.api.LogEntry;
import dev.snapdeck.api.StepRun;
import dev.snapdeck.service.Workspace;

/**
 * Where a reader of one step's log has got to, so each read hands out only entries it has not
 * handed out before. On Snapdeck's local server it reads on from the byte offset the server
 * gave, piece by piece until the server has nothing more; a ZenML server sends the whole log
 * every time, so there the entries already handed out are skipped.
 *
 * <p>TODO: a line the step has written only half of when it is read comes out as two entries
 * on the local server, whose log entries do not say whether a line was complete.
 */
final class StepLogCursor {

    private final StepRun step;
    private long offset;
    private int handedOut;

    StepLogCursor(StepRun step) {
        this.step = step;
    }

    StepRun step() {
        return step;
    }

    /** The entries written since the last call (all of them on the first). */
    List<LogEntry> next(Workspace workspace) {
        List<LogEntry> fresh = new ArrayList<>();
        while (true) {
            LogChunk chunk = workspace.stepLog(step, offset);
            if (chunk.nextOffset().isEmpty()) {
                List<LogEntry> all = chunk.entries();
                fresh.addAll(all.subList(Math.min(handedOut, all.size()), all.size()));
                handedOut = Math.max(handedOut, all.size());
                return fresh;
            }
            fresh.addAll(chunk.entries());
            long next = chunk.nextOffset().getAsLong();
            if (next <= offset) {
                return fresh;
            }
            offset = next;
        }
    }
}
