package dev.snapdeck.api;

/** Filters for {@link ZenmlClient#snapshots}. */
public final class SnapshotQuery extends ListQuery<SnapshotQuery> {

    /** Hide anonymous snapshots (what ZenML's dashboard always sends). */
    public SnapshotQuery namedOnly() {
        return filter("named_only", "true");
    }

    /** Snapshots with exactly this name. */
    public SnapshotQuery name(String name) {
        return filter("name", name);
    }

    /** Snapshots whose name contains {@code text}. */
    public SnapshotQuery nameContains(String text) {
        return contains("name", text);
    }

    /** Snapshots of one pipeline (name or id). */
    public SnapshotQuery pipeline(String nameOrId) {
        return filter("pipeline", nameOrId);
    }

    /** Snapshots on one stack (name or id). */
    public SnapshotQuery stack(String nameOrId) {
        return filter("stack", nameOrId);
    }

    /** Only snapshots the server can (or cannot) run. */
    public SnapshotQuery runnable(boolean runnable) {
        return filter("runnable", Boolean.toString(runnable));
    }

    /** Snapshots created by this user (name or id). */
    public SnapshotQuery user(String nameOrId) {
        return filter("user", nameOrId);
    }

    /** Snapshots carrying this tag; repeat for more tags. */
    public SnapshotQuery tag(String tag) {
        return filter("tags", tag);
    }

    @Override
    SnapshotQuery self() {
        return this;
    }
}
