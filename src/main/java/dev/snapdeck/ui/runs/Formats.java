package dev.snapdeck.ui.runs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.Ref;

/** How runs' names, times and durations read in tables and headings. */
public final class Formats {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private Formats() {
    }

    /**
     * The named snapshot a run was started from, as the Runs filter and the CLI have it; for a run
     * started otherwise, its own snapshot's name if someone named it (New Snapshot from a run).
     */
    public static String snapshotName(PipelineRun run) {
        String source = name(run.sourceSnapshot());
        return source.isEmpty() ? name(run.snapshot()) : source;
    }

    /** The name a reference carries; empty when there is none. */
    public static String name(Ref ref) {
        return ref == null || ref.name() == null ? "" : ref.name();
    }

    public static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    /** "4.2 s", "3 min 05 s", "1 h 02 min"; empty for null. */
    public static String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long millis = Math.max(0, duration.toMillis());
        if (millis < 60_000) {
            return String.format("%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format("%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format("%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
    }
}
