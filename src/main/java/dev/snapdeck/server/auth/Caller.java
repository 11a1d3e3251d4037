package dev.snapdeck.server.auth;

/** The authenticated user (or service account) of a request. */
public record Caller(String userId, String name, boolean admin) {
}
