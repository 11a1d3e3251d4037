package dev.snapdeck.server.pipeline;

import java.time.Duration;

/**
 * How often a failed step is tried again, with ZenML's StepRetryConfig keys: {@code max_retries}
 * further attempts after the first; the wait before retry {@code n} (1-based) is
 * {@code delay * backoff^(n-1)}, with a backoff below 1 treated as 1 (constant delay).
 */
public record RetryPolicy(int maxRetries, Duration delay, double backoff) {

    /** No retries. */
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, 0);

    public RetryPolicy {
        if (maxRetries < 0 || delay.isNegative() || backoff < 0) {
            throw new IllegalArgumentException("retry values must not be negative");
        }
    }

    /** The longest wait before a retry, however the backoff grows. */
    public static final Duration LONGEST_DELAY = Duration.ofDays(1);

    /** The wait before retry number {@code retry} (1 for the first retry), at most a day. */
    public Duration delayBefore(int retry) {
        double factor = Math.pow(Math.max(1.0, backoff), Math.max(0, retry - 1));
        double millis = delay.toMillis() * factor;
        return millis >= LONGEST_DELAY.toMillis() ? LONGEST_DELAY : Duration.ofMillis(Math.round(millis));
    }
}
