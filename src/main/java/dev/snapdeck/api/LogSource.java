package dev.snapdeck.api;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a run's or step's {@code resources.log_collection}: {@code source} is
 * {@code client}, {@code orchestrator}, {@code runner} (runs) or {@code step} (step runs).
 */
public record LogSource(UUID id, String source, String uri) {

    static LogSource from(JsonNode n) {
        return new LogSource(Json.uuid(n, "id"), Json.text(n, "body", "source"),
                Json.text(n, "body", "uri"));
    }
}
