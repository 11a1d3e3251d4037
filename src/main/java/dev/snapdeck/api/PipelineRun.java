package dev.snapdeck.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A pipeline run. Metadata fields ({@code startTime}, {@code endTime}, {@code orchestratorRunId},
 * {@code config}) are null unless the run was fetched hydrated ({@link ZenmlClient#run}).
 * {@code snapshot} is the snapshot actually run (often anonymous); {@code sourceSnapshot} the
 * named snapshot it was triggered from, or null.
 */
public record PipelineRun(UUID id, String name, Instant created, Instant updated,
        ExecutionStatus status, boolean inProgress, String statusReason, Integer index,
        UUID pipelineId, Ref pipeline, Ref snapshot, Ref sourceSnapshot, Ref stack, Ref user,
        List<String> tags, List<LogSource> logCollection, Instant startTime, Instant endTime,
        String orchestratorRunId, JsonNode config) {

    /** Whether the run is over: the server says it is no longer in progress, in a final status. */
    public boolean hasEnded() {
        return !inProgress && status != null && status.isFinished();
    }

    static PipelineRun from(JsonNode n) {
        JsonNode body = Json.at(n, "body");
        JsonNode resources = Json.at(n, "resources");
        JsonNode metadata = Json.at(n, "metadata");
        return new PipelineRun(Json.uuid(n, "id"), Json.text(n, "name"),
                Json.instant(body, "created"), Json.instant(body, "updated"),
                ExecutionStatus.of(Json.text(body, "status")), Json.bool(body, "in_progress"),
                Json.text(body, "status_reason"), Json.integer(body, "index"),
                Json.uuid(body, "pipeline_id"), Ref.from(resources.path("pipeline")),
                Ref.from(resources.path("snapshot")), Ref.from(resources.path("source_snapshot")),
                Ref.from(resources.path("stack")), Ref.from(resources.path("user")),
                Json.tagNames(n), Json.list(resources.path("log_collection"), LogSource::from),
                Json.instant(metadata, "start_time"), Json.instant(metadata, "end_time"),
                Json.text(metadata, "orchestrator_run_id"), Json.tree(metadata, "config"));
    }
}
