package dev.snapdeck.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2025-06-01T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final HandClock clock = new HandClock();
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(1), clock);

    @Test
    void refusesANameAfterTooManyFailuresUntilTheOldestLeavesTheWindow() {
        throttle.failed("admin");
        clock.advance(Duration.ofSeconds(20));
        throttle.failed("admin");
        throttle.failed("admin");

        Optional<Duration> blocked = throttle.waitFor("admin");
        clock.advance(Duration.ofSeconds(41));
        Optional<Duration> afterwards = throttle.waitFor("admin");

        assertEquals(Optional.of(Duration.ofSeconds(40)), blocked);
        assertTrue(afterwards.isEmpty());
    }

    @Test
    void otherNamesAreNotAffected() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("admin");
        }

        Optional<Duration> other = throttle.waitFor("alice");

        assertTrue(other.isEmpty());
        assertTrue(throttle.waitFor("admin").isPresent());
    }

    @Test
    void aSuccessfulLoginClearsTheFailures() {
        throttle.failed("admin");
        throttle.failed("admin");

        throttle.succeeded("admin");
        throttle.failed("admin");

        assertTrue(throttle.waitFor("admin").isEmpty());
    }
}
