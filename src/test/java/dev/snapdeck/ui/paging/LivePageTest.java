package dev.snapdeck.ui.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.snapdeck.api.Page;
import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.ui.testing.Eventually;
import dev.snapdeck.ui.testing.QueuedExecutor;

/**
 * A live page on its own. Rows are words, "running…" ones in progress. Its answers wait in a
 * queue until the test hands them over, and both intervals are an hour: every fetch a test sees
 * is one made at once, by a resume, never one that came due.
 */
@Timeout(20)
class LivePageTest {

    private static final Duration HOUR = Duration.ofHours(1);

    private final QueuedExecutor callbacks = new QueuedExecutor();
    private final BackgroundExecutor executor = BackgroundExecutor.create(callbacks);
    private final AtomicInteger fetches = new AtomicInteger();
    private final List<List<String>> updates = new ArrayList<>();
    private final LivePage<String> page = new LivePage<>(executor, row -> row.startsWith("running"),
            HOUR, HOUR);
    private volatile List<String> onServer = List.of("running-2", "completed-1");

    @AfterEach
    void close() {
        page.stop();
        executor.close();
    }

    private Page<String> fetch() {
        fetches.incrementAndGet();
        return new Page<>(1, 50, 1, onServer.size(), onServer);
    }

    private void follow(int pageNumber) {
        page.follow(pageNumber, onServer, this::fetch, update -> updates.add(update.items()));
    }

    /** Waits for the answer of the fetch made at once, and hands it over. */
    private void deliverAnswer() {
        Eventually.await("an answer", Duration.ofSeconds(10), () -> callbacks.pending() > 0);
        callbacks.runAll();
    }

    /**
     * Waits until the executor has handed every fetch due by now to a worker: a marker due at once,
     * submitted after them, has run. Such a fetch has then started too, unless its worker stalled
     * just before it; so a page fetched at once shows up here but, rarely, could slip by.
     */
    private void awaitWhatIsDueNow() throws InterruptedException {
        CountDownLatch markerRan = new CountDownLatch(1);
        executor.submitLater(Duration.ZERO, () -> {
            markerRan.countDown();
            return null;
        });
        assertTrue(markerRan.await(10, TimeUnit.SECONDS), "the marker to run");
    }

    @Test
    void followedItWaitsAnIntervalWhileResumedItFetchesAtOnce() throws InterruptedException {
        follow(1);
        awaitWhatIsDueNow();
        int fetchedOnFollow = fetches.get();
        page.pause();

        page.resume();
        deliverAnswer();

        assertEquals(0, fetchedOnFollow);
        assertEquals(1, fetches.get());
        assertEquals(List.of(List.of("running-2", "completed-1")), updates);
    }

    @Test
    void aPageJustFetchedIsFollowedLiveWhileARowOnItIsInProgress() {
        follow(1);

        assertTrue(page.isPolling());
        assertTrue(page.liveProperty().get());
    }

    @Test
    void aLaterPageWithNothingInProgressIsNotFetchedAgain() {
        onServer = List.of("completed-2", "completed-1");

        follow(2);

        assertFalse(page.isPolling());
        assertFalse(page.liveProperty().get());
    }

    @Test
    void pausedItStopsAndDropsTheAnswerOnItsWay() {
        follow(1);
        page.pause();
        page.resume();
        Eventually.await("the answer", Duration.ofSeconds(10), () -> callbacks.pending() > 0);

        page.pause();
        callbacks.runAll();

        assertEquals(List.of(), updates);
        assertFalse(page.isPolling());
        assertFalse(page.liveProperty().get());
    }

    @Test
    void resumedItFetchesAtOnceAndGoesOn() {
        follow(1);
        page.pause();
        onServer = List.of("running-3", "running-2", "completed-1");

        page.resume();
        deliverAnswer();

        assertEquals(List.of(List.of("running-3", "running-2", "completed-1")), updates);
        assertTrue(page.isPolling());
        assertTrue(page.liveProperty().get());
    }

    @Test
    void aPageFollowedWhilePausedWaitsForResume() {
        page.pause();

        follow(1);
        boolean pollingWhilePaused = page.isPolling();
        page.resume();
        deliverAnswer();

        assertFalse(pollingWhilePaused);
        assertEquals(1, updates.size());
        assertTrue(page.isPolling());
    }

    @Test
    void whenTheLastRowInProgressEndsItFollowsAtTheIdlePaceWithoutFetchingAgainAtOnce()
            throws InterruptedException {
        follow(1);
        onServer = List.of("completed-2", "completed-1");
        page.pause();

        page.resume();
        deliverAnswer();
        awaitWhatIsDueNow();

        assertEquals(List.of(List.of("completed-2", "completed-1")), updates);
        assertEquals(1, fetches.get());
        assertTrue(page.isPolling());
        assertFalse(page.liveProperty().get());
    }

    @Test
    void stoppedItForgetsThePageAndResumesNothing() {
        follow(1);
        page.pause();

        page.stop();
        page.resume();

        assertFalse(page.isPolling());
    }
}
