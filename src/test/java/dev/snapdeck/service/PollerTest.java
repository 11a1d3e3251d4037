package dev.snapdeck.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PollerTest {

    private final BackgroundExecutor executor = BackgroundExecutor.create(Runnable::run);

    @AfterEach
    void shutDown() {
        executor.close();
    }

    @Test
    void pollsUntilTheAnswerIsFinished() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(1);

        Poller<Integer> poller = Poller.builder(executor, calls::incrementAndGet)
                .every(Duration.ofMillis(5))
                .until(value -> value == 3)
                .onUpdate(value -> {
                    seen.add(value);
                    if (value == 3) {
                        finished.countDown();
                    }
                })
                .build().start();

        assertTrue(finished.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(1, 2, 3), seen);
        assertTrue(poller.isStopped());
    }

    @Test
    void keepsPollingThroughFailuresAndReportsThem() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> errors = new CopyOnWriteArrayList<>();
        CountDownLatch recovered = new CountDownLatch(1);

        Poller.builder(executor, () -> {
            if (calls.incrementAndGet() <= 2) {
                throw new IOException("down " + calls.get());
            }
            return "up";
        }).every(Duration.ofMillis(5)).until(value -> true)
                .onError(error -> errors.add(error.getMessage()))
                .onUpdate(value -> recovered.countDown())
                .build().start();

        assertTrue(recovered.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("down 1", "down 2"), errors);
    }

    @Test
    void stoppedPollerDeliversNothingMore() throws Exception {
        AtomicInteger delivered = new AtomicInteger();
        CountDownLatch first = new CountDownLatch(1);
        Poller<Integer> poller = Poller.builder(executor, () -> 1)
                .every(Duration.ofMillis(5))
                .onUpdate(value -> {
                    delivered.incrementAndGet();
                    first.countDown();
                })
                .build().start();
        assertTrue(first.await(5, TimeUnit.SECONDS));

        poller.stop();
        int atStop = delivered.get();
        CountDownLatch later = new CountDownLatch(1);
        executor.submitLater(Duration.ofMillis(50), () -> 0).onSuccess(value -> later.countDown());

        assertTrue(later.await(5, TimeUnit.SECONDS));
        assertTrue(delivered.get() <= atStop + 1, "at most one answer already on its way");
    }

    @Test
    void startedAfterItsIntervalItFetchesNothingBeforeIt() throws Exception {
        Duration hour = Duration.ofHours(1);
        AtomicInteger fetchedAtOnce = new AtomicInteger();
        AtomicInteger fetchedAfterInterval = new AtomicInteger();
        // On a same-thread executor the timer thread makes each fetch itself, in the order they
        // fall due: a marker due at once runs after every fetch due at once has been made.
        try (BackgroundExecutor timerOnly = BackgroundExecutor.sameThread()) {
            Poller.builder(timerOnly, fetchedAtOnce::incrementAndGet).every(hour).build().start();
            Poller.builder(timerOnly, fetchedAfterInterval::incrementAndGet).every(hour).build()
                    .startAfterInterval();
            CompletableFuture<List<Integer>> seenByMarker = new CompletableFuture<>();
            timerOnly.submitLater(Duration.ZERO,
                    () -> List.of(fetchedAtOnce.get(), fetchedAfterInterval.get()))
                    .onSuccess(seenByMarker::complete);

            assertEquals(List.of(1, 0), seenByMarker.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aClosedExecutorEndsPollingInsteadOfThrowing() {
        BackgroundExecutor closed = BackgroundExecutor.create(Runnable::run);
        closed.close();
        Poller<Integer> poller = Poller.builder(closed, () -> 1).every(Duration.ofMillis(5)).build();

        poller.start();

        assertTrue(poller.isStopped());
    }
}
