package dev.snapdeck.service;

import java.util.Objects;

/**
 * A server the user connects to, without its secret (the secret lives in a {@link SecretStore}).
 *
 * @param name     the user's name for it, unique among profiles
 * @param url      the server's base URL as typed (a root path is kept)
 * @param signIn   how to sign in
 * @param username the user name for {@link SignIn#PASSWORD}; null otherwise
 */
public record ConnectionProfile(String name, String url, SignIn signIn, String username) {

    /** The profile name of the local server the dashboard starts by itself. */
    public static final String LOCAL = "local";

    /** How a profile signs in. */
    public enum SignIn {
        /** User name and password (OAuth2 password grant). */
        PASSWORD,
        /** A service account's API key (or a ZenML Pro personal access token). */
        API_KEY,
        /** An access token the user already has; used as is until it expires. */
        TOKEN
    }

    public ConnectionProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(signIn, "signIn");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A connection needs a name");
        }
    }
}
