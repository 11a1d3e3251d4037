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
 * Slows password guessing: after {@code maxFailures} failed password logins for one user name
 * within {@code window}, further logins for that name are refused until the oldest of those
 * failures is older than the window. While refused, even the right password is refused, or the
 * refusal itself would tell a guesser which password was right. A successful login clears the
 * name's failures. Kept in memory only; a restart forgets it. Thread-safe.
 */
public final class LoginThrottle {

    /** Names remembered at most, so a spray of made-up names cannot fill the memory. */
    private static final int MAX_NAMES = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_NAMES;
        }
    };

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** How long logins for {@code username} must wait; empty when they may go ahead. */
    public synchronized Optional<Duration> waitFor(String username) {
        Deque<Instant> recent = recentFailures(username);
        if (recent.size() < maxFailures) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), recent.peekFirst().plus(window));
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }

    public synchronized void failed(String username) {
        Deque<Instant> recent = recentFailures(username);
        recent.addLast(clock.instant());
        failures.put(username, recent);
    }

    public synchronized void succeeded(String username) {
        failures.remove(username);
    }

    private Deque<Instant> recentFailures(String username) {
        Deque<Instant> recent = failures.getOrDefault(username, new ArrayDeque<>());
        Instant horizon = clock.instant().minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
            recent.removeFirst();
        }
        if (recent.isEmpty()) {
            failures.remove(username);
        }
        return recent;
    }
}
