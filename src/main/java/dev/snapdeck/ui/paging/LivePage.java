package dev.snapdeck.ui.paging;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import dev.snapdeck.api.Page;
import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.service.Poller;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the page a screen shows fresh. The page is fetched again every {@link #LIVE_INTERVAL}
 * while a row on it is in progress (a run that has not finished), and the first page every
 * {@link #IDLE_INTERVAL} otherwise, so rows changed elsewhere show up; a later page with nothing in
 * progress is left alone, as nothing on it can change. When a fetch finds rows started or
 * finished, the pace changes with them.
 *
 * <p>A page is followed right after it was fetched, so its first fetch waits one interval: a
 * fetch at once would only ask for the same page twice. A screen that is not shown
 * {@linkplain #pause() pauses} its page: nothing is fetched until it {@linkplain #resume()
 * resumes}, which fetches the page at once, as it may have changed meanwhile, and then goes on as
 * before.
 *
 * @param <T> the rows' type
 */
public final class LivePage<T> {

    public static final Duration LIVE_INTERVAL = Duration.ofSeconds(2);
    public static final Duration IDLE_INTERVAL = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(LivePage.class);

    /** The page followed: how to fetch it, where its answers go, and whether it was in progress. */
    private record Followed<T>(int pageNumber, Callable<Page<T>> fetch,
            Consumer<Page<T>> onUpdate, boolean inProgress) {
    }

    private final BackgroundExecutor executor;
    private final Predicate<T> inProgress;
    private final Duration liveInterval;
    private final Duration idleInterval;
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(false);
    private Followed<T> followed;
    private Poller<Page<T>> poller;
    private boolean paused;

    /** {@code inProgress} tells a row that can still change, such as a run not finished yet. */
    public LivePage(BackgroundExecutor executor, Predicate<T> inProgress) {
        this(executor, inProgress, LIVE_INTERVAL, IDLE_INTERVAL);
    }

    /** With other intervals (tests). */
    public LivePage(BackgroundExecutor executor, Predicate<T> inProgress, Duration liveInterval,
            Duration idleInterval) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.inProgress = Objects.requireNonNull(inProgress, "inProgress");
        this.liveInterval = Objects.requireNonNull(liveInterval, "liveInterval");
        this.idleInterval = Objects.requireNonNull(idleInterval, "idleInterval");
    }

    /** True while the page is fetched again and again because a row on it is in progress. */
    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** True while a fetch of the page is planned: it is followed, and neither paused nor done. */
    public boolean isPolling() {
        return poller != null && !poller.isStopped();
    }

    /**
     * Follows page {@code pageNumber}, which now shows {@code rows}, in place of the page followed
     * before: {@code fetch} gets it again, first after one interval, and each answer goes to
     * {@code onUpdate}, on the executor's callback thread. While paused, following waits for
     * {@link #resume()}.
     */
    public void follow(int pageNumber, List<T> rows, Callable<Page<T>> fetch,
            Consumer<Page<T>> onUpdate) {
        stopPolling();
        followed = new Followed<>(pageNumber, Objects.requireNonNull(fetch, "fetch"),
                Objects.requireNonNull(onUpdate, "onUpdate"), anyInProgress(rows));
        if (!paused) {
            startPolling(followed, false);
        }
    }

    /** Stops following the page, e.g. because another one is being loaded in its place. */
    public void stop() {
        stopPolling();
        followed = null;
    }

    /** Fetches nothing until {@link #resume()}; an answer already on its way is dropped. */
    public void pause() {
        paused = true;
        stopPolling();
    }

    /** Fetches the page followed at once, and again as before {@link #pause()}. */
    public void resume() {
        if (!paused) {
            return;
        }
        paused = false;
        if (followed != null) {
            startPolling(followed, true);
        }
    }

    private void startPolling(Followed<T> page, boolean fetchAtOnce) {
        live.set(page.inProgress());
        if (!page.inProgress() && page.pageNumber() > 1) {
            return;
        }
        poller = Poller.builder(executor, page.fetch())
                .every(page.inProgress() ? liveInterval : idleInterval)
                .atMostEvery(idleInterval.multipliedBy(2))
                .until(result -> anyInProgress(result.items()) != page.inProgress())
                .onUpdate(result -> {
                    page.onUpdate().accept(result);
                    if (followed == page && anyInProgress(result.items()) != page.inProgress()) {
                        follow(page.pageNumber(), result.items(), page.fetch(), page.onUpdate());
                    }
                })
                .onError(failure -> LOG.debug("A live update of page {} failed",
                        page.pageNumber(), failure))
                .build();
        if (fetchAtOnce) {
            poller.start();
        } else {
            poller.startAfterInterval();
        }
    }

    private void stopPolling() {
        if (poller != null) {
            poller.stop();
            poller = null;
        }
        live.set(false);
    }

    private boolean anyInProgress(List<T> rows) {
        return rows.stream().anyMatch(inProgress);
    }
}
