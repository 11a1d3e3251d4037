package dev.snapdeck.server.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.snapdeck.server.http.ApiException;
import dev.snapdeck.server.store.Store;
import dev.snapdeck.server.store.Times;

/**
 * Users, service accounts, API keys and bearer tokens. Tokens are opaque random strings stored as
 * SHA-256 digests with an expiry; API keys look like {@code ZENKEY_<key id>_<secret>} and are
 * stored as salted hashes; both may be sent as bearer tokens. Thread-safe (the store serialises).
 */
public final class AuthService {

    public static final String ADMIN = "admin";
    private static final String KEY_PREFIX = "ZENKEY_";

    private final Store store;
    private final Duration tokenLifetime;

    public AuthService(Store store, Duration tokenLifetime) {
        this.store = store;
        this.tokenLifetime = tokenLifetime;
    }

    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    /**
     * Creates the admin user when the store has none.
     *
     * @return the password when the admin was created now, empty when it existed
     */
    public Optional<String> ensureAdmin(String projectId, java.util.function.Supplier<String> password) {
        return store.transaction(tx -> {
            if (tx.one("SELECT id FROM users WHERE name = ?", ADMIN).isPresent()) {
                return Optional.<String>empty();
            }
            String secret = password.get();
            String now = Times.now();
            tx.update("INSERT INTO users (id, name, password_hash, is_admin, created, updated) VALUES (?,?,?,1,?,?)",
                    UUID.randomUUID().toString(), ADMIN, Secrets.hashPassword(secret), now, now);
            return Optional.of(secret);
        });
    }

    /** Password grant. @throws ApiException 401 for an unknown user, wrong password or inactive user */
    public String loginWithPassword(String username, String password) {
        Map<String, Object> user = store.transaction(tx -> tx.one(
                "SELECT id, password_hash, active FROM users WHERE name = ? AND is_service_account = 0", username))
                .orElse(null);
        if (user == null || !Secrets.matches(password == null ? "" : password, (String) user.get("password_hash"))
                || ((Number) user.get("active")).intValue() == 0) {
            throw ApiException.unauthorized("invalid username or password");
        }
        return issue((String) user.get("id"), null, false);
    }

    /**
     * A token for the user named {@code username}, without a password: for a process that can
     * write the data folder (the dashboard signing in to the server it started, the CLI with no
     * connection chosen). It is good for this run of the server only ({@link #forgetLocalTokens}).
     *
     * @throws ApiException 401 when there is no such active user
     */
    public String issueLocal(String username) {
        Map<String, Object> user = store.transaction(tx -> tx.one(
                "SELECT id, active FROM users WHERE name = ?", username)).orElse(null);
        if (user == null || ((Number) user.get("active")).intValue() == 0) {
            throw ApiException.unauthorized("no active user named " + username);
        }
        return issue((String) user.get("id"), null, true);
    }

    /**
     * Forgets every token {@link #issueLocal} handed out, at a server's start: they were for the
     * runs of the server before, and one of them may have been sent to whatever took a stopped
     * server's port. Signed-in tokens (password, API key) stay good for their lifetime.
     *
     * @return how many were forgotten
     */
    public int forgetLocalTokens() {
        return store.transaction(tx -> tx.update("DELETE FROM tokens WHERE local = 1"));
    }

    /** API-key grant. @throws ApiException 401 for an unknown, rotated-out or inactive key */
    public String loginWithApiKey(String key) {
        Map<String, Object> apiKey = checkApiKey(key);
        return issue((String) apiKey.get("service_account_id"), (String) apiKey.get("id"), false);
    }

    private String issue(String userId, String apiKeyId, boolean local) {
        String token = Secrets.randomToken(32);
        String expires = Times.stored(Instant.now().plus(tokenLifetime));
        store.transaction(tx -> {
            tx.update("DELETE FROM tokens WHERE expires < ?", Times.now());
            return tx.update("INSERT INTO tokens (token_hash, user_id, api_key_id, expires, local) "
                    + "VALUES (?,?,?,?,?)", Secrets.tokenDigest(token), userId, apiKeyId, expires,
                    local ? 1 : 0);
        });
        return token;
    }

    /**
     * The caller of a bearer token or API key.
     *
     * @throws ApiException 401 (shape A) when the token is unknown, expired, or its key or user is gone
     */
    public Caller authenticate(String token) {
        if (isApiKey(token)) {
            Map<String, Object> apiKey = checkApiKey(token);
            return caller((String) apiKey.get("service_account_id"));
        }
        // One query per request: the token, its key (if any) and its user.
        Map<String, Object> row = store.transaction(tx -> tx.one(
                "SELECT t.user_id, t.expires, t.api_key_id, k.active AS key_active, "
                        + "u.name, u.is_admin, u.active AS user_active FROM tokens t "
                        + "LEFT JOIN api_keys k ON k.id = t.api_key_id LEFT JOIN users u ON u.id = t.user_id "
                        + "WHERE t.token_hash = ?",
                Secrets.tokenDigest(token))).orElse(null);
        if (row == null) {
            throw ApiException.unauthorized("error decoding access token: the token is not valid.");
        }
        if (((String) row.get("expires")).compareTo(Times.now()) < 0) {
            throw ApiException.unauthorized("error decoding access token: Signature has expired.");
        }
        if (row.get("api_key_id") != null && ((Number) row.get("key_active")).intValue() == 0) {
            throw ApiException.unauthorized("the API key of this token is no longer active.");
        }
        return caller((String) row.get("user_id"), row);
    }

    private Caller caller(String userId) {
        Map<String, Object> user = store.transaction(tx -> tx.one(
                "SELECT name, is_admin, active AS user_active FROM users WHERE id = ?", userId)).orElse(null);
        return caller(userId, user);
    }

    private static Caller caller(String userId, Map<String, Object> user) {
        if (user == null || user.get("user_active") == null || ((Number) user.get("user_active")).intValue() == 0) {
            throw ApiException.unauthorized("the account of this token is deleted or deactivated.");
        }
        return new Caller(userId, (String) user.get("name"), ((Number) user.get("is_admin")).intValue() != 0);
    }

    private Map<String, Object> checkApiKey(String key) {
        String[] parts = key == null ? new String[0] : key.split("_", 3);
        if (parts.length != 3 || !(parts[0] + "_").equals(KEY_PREFIX)) {
            throw ApiException.unauthorized("invalid API key");
        }
        Map<String, Object> row = store.transaction(tx -> tx.one(
                "SELECT k.*, u.active AS account_active FROM api_keys k JOIN users u ON u.id = k.service_account_id "
                        + "WHERE k.id = ?", parts[1])).orElse(null);
        if (row == null) {
            throw ApiException.unauthorized("invalid API key");
        }
        boolean current = Secrets.matches(key, (String) row.get("key_hash"));
        boolean previous = !current && row.get("previous_key_expires") != null
                && ((String) row.get("previous_key_expires")).compareTo(Times.now()) > 0
                && Secrets.matches(key, (String) row.get("previous_key_hash"));
        if (!current && !previous) {
            throw ApiException.unauthorized("invalid API key");
        }
        if (((Number) row.get("active")).intValue() == 0 || ((Number) row.get("account_active")).intValue() == 0) {
            throw ApiException.unauthorized("the API key or its service account is not active.");
        }
        return row;
    }

    /** Whether a bearer token is an API key sent as it is, rather than an access token. */
    public static boolean isApiKey(String token) {
        return token.startsWith(KEY_PREFIX);
    }

    /** A new API key text for the key with this id. */
    public static String newApiKey(String keyId) {
        return KEY_PREFIX + keyId + "_" + Secrets.randomToken(32);
    }
}
