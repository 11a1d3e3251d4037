package dev.snapdeck.api;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An API key of a {@link ServiceAccount}. The server keeps only a hash of it, so {@code key},
 * the secret ({@code ZENKEY_...}), is there only in the answer to creating or rotating the key,
 * and null everywhere else.
 */
public record ApiKey(UUID id, String name, String key, boolean active, String description,
        Instant created, Instant updated, Instant lastLogin, Instant lastRotated) {

    static ApiKey from(JsonNode n) {
        return new ApiKey(Json.uuid(n, "id"), Json.text(n, "name"), Json.text(n, "body", "key"),
                Json.bool(n, "body", "active"), Json.text(n, "metadata", "description"),
                Json.instant(n, "body", "created"), Json.instant(n, "body", "updated"),
                Json.instant(n, "metadata", "last_login"),
                Json.instant(n, "metadata", "last_rotated"));
    }

    /** Never shows the secret, so a key can be logged. */
    @Override
    public String toString() {
        return "ApiKey[" + name + " " + id + (key == null ? "" : ", secret hidden") + "]";
    }
}
