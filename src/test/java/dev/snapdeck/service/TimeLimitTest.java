package dev.snapdeck.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

class TimeLimitTest {

    @Test
    void callThatNeverAnswersIsGivenUpOnWithWhatItWasFor() {
        CountDownLatch never = new CountDownLatch(1);

        UncheckedIOException failure = assertThrows(UncheckedIOException.class,
                () -> TimeLimit.call("reach the bus", Duration.ofMillis(50), () -> {
                    never.await();
                    return "answer";
                }));

        assertEquals("Could not reach the bus: no answer within 50 ms", failure.getMessage());
    }

    @Test
    void failingCallSaysWhatFailedAndWhy() {
        UncheckedIOException failure = assertThrows(UncheckedIOException.class,
                () -> TimeLimit.call("store the secret", Duration.ofSeconds(30), () -> {
                    throw new IOException("collection is locked");
                }));

        assertEquals("Could not store the secret: collection is locked", failure.getMessage());
    }

    @Test
    void answerWithinTheLimitIsReturned() {
        String answer = TimeLimit.call("ask", Duration.ofSeconds(30), () -> "yes");

        assertEquals("yes", answer);
    }
}
