package dev.snapdeck.api;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Filters for {@link ZenmlClient#runs}; combined with AND. */
public final class RunQuery extends ListQuery<RunQuery> {

    /** Runs of one pipeline ({@code pipeline_id}). */
    public RunQuery pipeline(UUID pipelineId) {
        return filter("pipeline_id", pipelineId.toString());
    }

    /** Runs that ran this snapshot itself ({@code snapshot_id}). */
    public RunQuery snapshot(UUID snapshotId) {
        return filter("snapshot_id", snapshotId.toString());
    }

    /** Runs triggered from this named snapshot ({@code source_snapshot_id}). */
    public RunQuery sourceSnapshot(UUID snapshotId) {
        return filter("source_snapshot_id", snapshotId.toString());
    }

    /** Runs in any of these statuses ({@code status=oneof:[...]}). */
    public RunQuery status(ExecutionStatus... statuses) {
        List<String> raw = Arrays.stream(statuses).map(ExecutionStatus::raw)
                .collect(Collectors.toList());
        return oneOf("status", raw);
    }

    /** Runs whose name contains {@code text}. */
    public RunQuery nameContains(String text) {
        return contains("name", text);
    }

    /** Runs started by this user (name or id). */
    public RunQuery user(String nameOrId) {
        return filter("user", nameOrId);
    }

    @Override
    RunQuery self() {
        return this;
    }
}
