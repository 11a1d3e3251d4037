package dev.snapdeck.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void theWaitGrowsByTheBackoffFromTheDelay() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(2), 3);

        assertEquals(Duration.ofSeconds(2), policy.delayBefore(1));
        assertEquals(Duration.ofSeconds(6), policy.delayBefore(2));
        assertEquals(Duration.ofSeconds(18), policy.delayBefore(3));
    }

    @Test
    void aHugeBackoffWaitsAtMostADayInsteadOfForever() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(1), 1e308);

        assertEquals(RetryPolicy.LONGEST_DELAY, policy.delayBefore(2));
        assertEquals(RetryPolicy.LONGEST_DELAY, policy.delayBefore(5));
    }
}
