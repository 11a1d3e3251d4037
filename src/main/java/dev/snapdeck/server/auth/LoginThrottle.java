package dev.snapdeck.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows credential guessing: after {@code maxFailures} failed sign-ins for one key (a user name,
 * a client address) within {@code window}, further sign-ins for that key are refused until the
 * oldest of those failures is older than the window. While refused, even the right credentials
 * are refused, or the refusal itself would tell a guesser which guess was right. {@link
 * #succeeded} clears a key's failures, for callers whose successes prove the key is no guesser.
 * Kept in memory only; a restart forgets it. Thread-safe.
 */
public final class LoginThrottle {

    /** Keys remembered at most, so a spray of made-up names cannot fill the memory. */
    private static final int MAX_KEYS = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_KEYS;
        }
    };

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** How long sign-ins for {@code key} must wait; empty when they may go ahead. */
    public synchronized Optional<Duration> waitFor(String key) {
        Deque<Instant> recent = recentFailures(key);
        if (recent.size() < maxFailures) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), recent.peekFirst().plus(window));
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }

    public synchronized void failed(String key) {
        Deque<Instant> recent = recentFailures(key);
        recent.addLast(clock.instant());
        failures.put(key, recent);
    }

    public synchronized void succeeded(String key) {
        failures.remove(key);
    }

    private Deque<Instant> recentFailures(String key) {
        Deque<Instant> recent = failures.getOrDefault(key, new ArrayDeque<>());
        Instant horizon = clock.instant().minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
            recent.removeFirst();
        }
        if (recent.isEmpty()) {
            failures.remove(key);
        }
        return recent;
    }
}
