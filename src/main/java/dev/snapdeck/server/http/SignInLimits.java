package dev.snapdeck.server.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.snapdeck.server.auth.LoginThrottle;

import io.javalin.http.Context;

/**
 * The limits on guessing credentials. Failed password logins count per user name; a success
 * clears the name's count. Failed API-key sign-ins (the login's API-key grant, or a key sent as
 * the bearer token) count per client address, since a key names no user; a success neither
 * counts nor clears, or a guesser holding one good key could reset the count between guesses.
 * Past {@link #MAX_FAILURES} failures within {@link #WINDOW}, sign-ins of that kind for that
 * name or address get 429 with {@code Retry-After}, the right credentials too. Sign-ins for one
 * name or address are checked one at a time: a burst of guesses sent at once would otherwise all
 * pass the count before the first failure was recorded. Thread-safe.
 */
final class SignInLimits {

    private static final Logger LOG = LoggerFactory.getLogger(SignInLimits.class);
    /** Failed sign-ins of one kind, for one user name or client address, before 429s. */
    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(1);

    /** Locks shared by names and addresses that hash alike: a bounded number, whatever comes. */
    private static final int STRIPES = 64;

    private final LoginThrottle passwords;
    private final LoginThrottle apiKeys;
    private final Object[] stripes = new Object[STRIPES];

    SignInLimits(Clock clock) {
        this.passwords = new LoginThrottle(MAX_FAILURES, WINDOW, clock);
        this.apiKeys = new LoginThrottle(MAX_FAILURES, WINDOW, clock);
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /**
     * The lock for {@code key}'s sign-ins of one kind. Checking a credential is quick (a salted
     * hash, or PBKDF2 for a password, which concurrent logins of one name rarely need at once).
     */
    private Object lockFor(LoginThrottle kind, String key) {
        return stripes[Math.floorMod(31 * System.identityHashCode(kind) + key.hashCode(),
                STRIPES)];
    }

    /**
     * Runs a password login for {@code username}.
     *
     * @throws ApiException 429 while the name is throttled (the login is not tried), or the
     *     login's own failure (a 401 counts against the name)
     */
    <T> T password(Context ctx, String username, Supplier<T> login) {
        synchronized (lockFor(passwords, username)) {
            refuseWhileThrottled(ctx, passwords.waitFor(username),
                    seconds -> "Too many failed logins for user '" + username + "'. Try again in "
                            + seconds + " s.");
            T result = countingFailures(passwords, username, login);
            passwords.succeeded(username);
            return result;
        }
    }

    /**
     * Runs an API-key check for the client's address: an API-key login or a request that sends
     * a key as its bearer token.
     *
     * @throws ApiException 429 while the address is throttled (the key is not checked), or the
     *     check's own failure (a 401 counts against the address)
     */
    <T> T apiKey(Context ctx, Supplier<T> check) {
        String address = ctx.ip();
        synchronized (lockFor(apiKeys, address)) {
            refuseWhileThrottled(ctx, apiKeys.waitFor(address),
                    seconds -> "Too many failed API-key sign-ins from " + address
                            + ". Try again in " + seconds + " s.");
            return countingFailures(apiKeys, address, check);
        }
    }

    private static void refuseWhileThrottled(Context ctx, Optional<Duration> wait,
            Function<Long, String> message) {
        if (wait.isEmpty()) {
            return;
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        ctx.header("Retry-After", Long.toString(seconds));
        throw ApiException.framework(429, message.apply(seconds));
    }

    private static <T> T countingFailures(LoginThrottle throttle, String key, Supplier<T> signIn) {
        try {
            return signIn.get();
        } catch (ApiException e) {
            if (e.status() == 401) {
                throttle.failed(key);
                LOG.debug("Failed sign-in counted for {}", key);
            }
            throw e;
        }
    }
}
