package dev.snapdeck.api;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** A project, the scope of pipelines, runs and snapshots. */
public record Project(UUID id, String name, String displayName, Instant created,
        Instant updated) {

    static Project from(JsonNode n) {
        return new Project(Json.uuid(n, "id"), Json.text(n, "name"),
                Json.text(n, "body", "display_name"), Json.instant(n, "body", "created"),
                Json.instant(n, "body", "updated"));
    }
}
