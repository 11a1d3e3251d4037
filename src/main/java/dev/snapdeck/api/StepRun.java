package dev.snapdeck.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A step run; {@code name} is the step's invocation id. {@code version} is the attempt number
 * (1 first). {@code pipelineRunId} and {@code config} only when hydrated.
 */
public record StepRun(UUID id, String name, Instant created, Instant updated,
        ExecutionStatus status, Integer version, Instant startTime, Instant endTime,
        UUID pipelineRunId, List<LogSource> logCollection, JsonNode config) {

    static StepRun from(JsonNode n) {
        JsonNode body = Json.at(n, "body");
        return new StepRun(Json.uuid(n, "id"), Json.text(n, "name"),
                Json.instant(body, "created"), Json.instant(body, "updated"),
                ExecutionStatus.of(Json.text(body, "status")), Json.integer(body, "version"),
                Json.instant(body, "start_time"), Json.instant(body, "end_time"),
                Json.uuid(n, "metadata", "pipeline_run_id"),
                Json.list(Json.at(n, "resources", "log_collection"), LogSource::from),
                Json.tree(n, "metadata", "config"));
    }
}
