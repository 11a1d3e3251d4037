package dev.snapdeck.api;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A stack component. Inside a stack it is embedded, so {@code configuration} is null there; it
 * is filled only when the component itself is fetched hydrated.
 */
public record StackComponent(UUID id, String name, String type, String flavor,
        String integration, JsonNode configuration) {

    static StackComponent from(JsonNode n) {
        return new StackComponent(Json.uuid(n, "id"), Json.text(n, "name"),
                Json.text(n, "body", "type"), Json.text(n, "body", "flavor_name"),
                Json.text(n, "body", "integration"), Json.tree(n, "metadata", "configuration"));
    }
}
