package dev.snapdeck.api;

import java.util.List;
import java.util.OptionalLong;

/**
 * One read of a log. Snapdeck's local server serves a log in pieces of at most 1 MiB and says
 * where the next piece starts ({@code nextOffset}, a byte offset, an extension of ZenML's API);
 * a ZenML server answers the whole log at once and {@code nextOffset} is empty.
 */
public record LogChunk(List<LogEntry> entries, OptionalLong nextOffset) {

    public LogChunk {
        entries = List.copyOf(entries);
    }
}
