package dev.snapdeck.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** A pipeline; {@code description} only when hydrated, {@code latestRun*} null without runs. */
public record Pipeline(UUID id, String name, Instant created, Instant updated, Ref user,
        UUID latestRunId, ExecutionStatus latestRunStatus, Ref latestRunUser, List<String> tags,
        String description) {

    static Pipeline from(JsonNode n) {
        return new Pipeline(Json.uuid(n, "id"), Json.text(n, "name"),
                Json.instant(n, "body", "created"), Json.instant(n, "body", "updated"),
                Ref.from(Json.at(n, "resources", "user")),
                Json.uuid(n, "resources", "latest_run_id"),
                ExecutionStatus.of(Json.text(n, "resources", "latest_run_status")),
                Ref.from(Json.at(n, "resources", "latest_run_user")), Json.tagNames(n),
                Json.text(n, "metadata", "description"));
    }
}
