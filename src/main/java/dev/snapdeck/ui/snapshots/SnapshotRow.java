package dev.snapdeck.ui.snapshots;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.snapdeck.api.Ref;
import dev.snapdeck.api.Snapshot;

/**
 * One line of the Snapshots table, as words. {@code versionWarning} is empty unless the snapshot
 * was made on another server version than the connected one.
 */
public record SnapshotRow(Snapshot snapshot, String versionWarning) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

    /** A row for {@code snapshot} seen from a server at {@code serverVersion}. */
    public static SnapshotRow of(Snapshot snapshot, String serverVersion) {
        String warning = snapshot.madeOnOtherVersion(serverVersion)
                ? "Made on server " + snapshot.serverVersion() + ", this server is "
                        + serverVersion + ": recreate it if runs fail."
                : "";
        return new SnapshotRow(snapshot, warning);
    }

    public String name() {
        return snapshot.name() == null ? "(unnamed)" : snapshot.name();
    }

    public String pipeline() {
        return nameOf(snapshot.pipeline());
    }

    public String stack() {
        return nameOf(snapshot.stack());
    }

    public String runnable() {
        return snapshot.runnable() ? "yes" : "no";
    }

    /** The latest run's status, or a dash when it never ran. */
    public String latestRun() {
        return snapshot.latestRunStatus() == null ? "—" : snapshot.latestRunStatus().raw();
    }

    public String created() {
        return when(snapshot.created());
    }

    public String createdBy() {
        return nameOf(snapshot.user());
    }

    public String tags() {
        return String.join(", ", snapshot.tags() == null ? List.of() : snapshot.tags());
    }

    public boolean hasVersionWarning() {
        return !versionWarning.isEmpty();
    }

    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    private static String nameOf(Ref ref) {
        return ref == null || ref.name() == null ? "" : ref.name();
    }
}
