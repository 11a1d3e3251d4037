package dev.snapdeck.api;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An embedded, unhydrated object inside another one's {@code resources} (a run's pipeline, stack,
 * user, snapshot...). {@code name} is null for anonymous snapshots and nameless types (builds).
 */
public record Ref(UUID id, String name) {

    static Ref from(JsonNode node) {
        if (Json.absent(node)) {
            return null;
        }
        return new Ref(Json.uuid(node, "id"), Json.text(node, "name"));
    }
}
