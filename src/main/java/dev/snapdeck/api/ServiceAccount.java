package dev.snapdeck.api;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A service account: a user for machines, which signs in with an {@link ApiKey}.
 * {@code description} only when hydrated (getting one account, or the answer to creating it).
 */
public record ServiceAccount(UUID id, String name, boolean active, String description,
        Instant created, Instant updated) {

    static ServiceAccount from(JsonNode n) {
        return new ServiceAccount(Json.uuid(n, "id"), Json.text(n, "name"),
                Json.bool(n, "body", "active"), Json.text(n, "metadata", "description"),
                Json.instant(n, "body", "created"), Json.instant(n, "body", "updated"));
    }
}
