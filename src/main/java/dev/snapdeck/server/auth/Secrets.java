package dev.snapdeck.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted hashes: PBKDF2-HMAC-SHA256 for passwords ({@code pbkdf2$iterations$salt$hash}); salted
 * SHA-256 for API keys, which are 256-bit random and are checked on every request
 * ({@code sha256$salt$hash}); plain SHA-256 lookup keys for random bearer tokens.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ITERATIONS = 120_000;

    private Secrets() {
    }

    public static String randomToken(int bytes) {
        byte[] data = new byte[bytes];
        RANDOM.nextBytes(data);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
    }

    public static String hashPassword(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2$" + ITERATIONS + "$" + hex(salt) + "$" + hex(pbkdf2(password, salt, ITERATIONS));
    }

    public static String hashKey(String key) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "sha256$" + hex(salt) + "$" + hex(sha256(salt, key));
    }

    /** Whether {@code secret} matches a hash made by {@link #hashPassword} or {@link #hashKey}. */
    public static boolean matches(String secret, String stored) {
        if (stored == null || secret == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        byte[] expected;
        byte[] actual;
        if (parts.length == 4 && parts[0].equals("pbkdf2")) {
            expected = HexFormat.of().parseHex(parts[3]);
            actual = pbkdf2(secret, HexFormat.of().parseHex(parts[2]), Integer.parseInt(parts[1]));
        } else if (parts.length == 3 && parts[0].equals("sha256")) {
            expected = HexFormat.of().parseHex(parts[2]);
            actual = sha256(HexFormat.of().parseHex(parts[1]), secret);
        } else {
            return false;
        }
        return MessageDigest.isEqual(expected, actual);
    }

    /** The lookup key of a random bearer token (unsalted: tokens have 256 random bits). */
    public static String tokenDigest(String token) {
        return hex(sha256(new byte[0], token));
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available", e);
        }
    }

    private static byte[] sha256(byte[] salt, String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest.digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
