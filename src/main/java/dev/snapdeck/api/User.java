package dev.snapdeck.api;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** A user or service account ({@code /current-user}); {@code email} only when hydrated. */
public record User(UUID id, String name, String fullName, boolean active, boolean admin,
        boolean serviceAccount, UUID defaultProjectId, String email, Instant created,
        Instant updated) {

    static User from(JsonNode n) {
        return new User(Json.uuid(n, "id"), Json.text(n, "name"),
                Json.text(n, "body", "full_name"), Json.bool(n, "body", "active"),
                Json.bool(n, "body", "is_admin"), Json.bool(n, "body", "is_service_account"),
                Json.uuid(n, "body", "default_project_id"), Json.text(n, "metadata", "email"),
                Json.instant(n, "body", "created"), Json.instant(n, "body", "updated"));
    }
}
