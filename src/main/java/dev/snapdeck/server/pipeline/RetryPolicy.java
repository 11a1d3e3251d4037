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

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration delayBefore(int retry) {
        double factor = Math.pow(Math.max(1.0, backoff), Math.max(0, retry - 1));
        return Duration.ofMillis(Math.round(delay.toMillis() * factor));
    }
}
