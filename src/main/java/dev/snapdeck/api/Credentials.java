package dev.snapdeck.api;

import java.util.Objects;

/**
 * How to obtain a bearer token: a user name and password (password grant), a service-account API
 * key or Pro personal access token (exchanged at {@code /login}), or a token used as-is.
 * {@link #toString()} never shows the secret.
 */
public final class Credentials {

    /** Which kind of secret these credentials hold. */
    public enum Kind { PASSWORD, API_KEY, TOKEN }

    private final Kind kind;
    private final String username;
    private final String secret;

    private Credentials(Kind kind, String username, String secret) {
        this.kind = kind;
        this.username = username;
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    /** User name + password; only servers whose auth scheme is not EXTERNAL accept these. */
    public static Credentials password(String username, String password) {
        return new Credentials(Kind.PASSWORD, Objects.requireNonNull(username, "username"),
                password);
    }

    /** A service-account API key ({@code ZENKEY_...}) or a Pro personal access token. */
    public static Credentials apiKey(String key) {
        return new Credentials(Kind.API_KEY, null, key);
    }

    /** An access token the user already has; it cannot be renewed when it expires. */
    public static Credentials token(String token) {
        return new Credentials(Kind.TOKEN, null, token);
    }

    public Kind kind() {
        return kind;
    }

    /** The user name for {@link Kind#PASSWORD}, else null. */
    public String username() {
        return username;
    }

    String secret() {
        return secret;
    }

    @Override
    public String toString() {
        return kind == Kind.PASSWORD ? "password for " + username : kind.name().toLowerCase();
    }
}
