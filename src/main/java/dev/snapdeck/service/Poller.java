package dev.snapdeck.service;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches something again and again until it is finished or the poller is stopped: a live run, a
 * run list with active runs, a server that went away. Each answer goes to {@code onUpdate} on the
 * callback executor; a failed fetch goes to {@code onError} and polling goes on, waiting twice as
 * long each time (up to {@code maxInterval}) until a fetch succeeds again.
 *
 * @param <T> what is fetched
 */
public final class Poller<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

    private final BackgroundExecutor executor;
    private final Callable<T> fetch;
    private final Predicate<T> finished;
    private final Duration interval;
    private final Duration maxInterval;
    private final Consumer<T> onUpdate;
    private final Consumer<Throwable> onError;
    private Task<T> current;
    private boolean stopped;

    private Poller(Builder<T> builder) {
        this.executor = builder.executor;
        this.fetch = builder.fetch;
        this.finished = builder.finished;
        this.interval = builder.interval;
        this.maxInterval = builder.maxInterval;
        this.onUpdate = builder.onUpdate;
        this.onError = builder.onError;
    }

    public static <T> Builder<T> builder(BackgroundExecutor executor, Callable<T> fetch) {
        return new Builder<>(executor, fetch);
    }

    /** Fetches at once, then keeps polling. Call once, this or {@link #startAfterInterval()}. */
    public synchronized Poller<T> start() {
        schedule(Duration.ZERO, interval);
        return this;
    }

    /**
     * Fetches after one interval, then keeps polling: for something the caller has just fetched
     * itself, which a fetch at once would only ask the server for twice. Call once, this or
     * {@link #start()}.
     */
    public synchronized Poller<T> startAfterInterval() {
        schedule(interval, interval);
        return this;
    }

    /** Stops polling; an answer already on its way is dropped. */
    public void stop() {
        Task<T> pending;
        synchronized (this) {
            stopped = true;
            pending = current;
        }
        if (pending != null) {
            pending.cancel();
        }
    }

    public synchronized boolean isStopped() {
        return stopped;
    }

    private void schedule(Duration delay, Duration nextInterval) {
        synchronized (this) {
            if (stopped) {
                return;
            }
        }
        Task<T> next;
        try {
            next = submit(delay, nextInterval);
        } catch (RejectedExecutionException closed) {
            // The executor was closed (the app or a test is shutting down): polling ends here.
            synchronized (this) {
                stopped = true;
            }
            return;
        }
        boolean stoppedMeanwhile;
        synchronized (this) {
            current = next;
            stoppedMeanwhile = stopped;
        }
        if (stoppedMeanwhile) {
            next.cancel();
        }
    }

    private Task<T> submit(Duration delay, Duration nextInterval) {
        return executor.submitLater(delay, fetch)
                .onSuccess(value -> {
                    boolean last = finished.test(value);
                    if (last) {
                        stop();
                    }
                    onUpdate.accept(value);
                    if (!last) {
                        schedule(interval, interval);
                    }
                })
                .onFailure(error -> {
                    LOG.debug("Poll failed; retrying in {}", nextInterval, error);
                    onError.accept(error);
                    Duration longer = nextInterval.multipliedBy(2);
                    schedule(nextInterval, longer.compareTo(maxInterval) > 0 ? maxInterval
                            : longer);
                });
    }

    /** Configures a {@link Poller}. */
    public static final class Builder<T> {
        private final BackgroundExecutor executor;
        private final Callable<T> fetch;
        private Predicate<T> finished = value -> false;
        private Duration interval = Duration.ofSeconds(2);
        private Duration maxInterval = Duration.ofSeconds(30);
        private Consumer<T> onUpdate = value -> { };
        private Consumer<Throwable> onError = error -> { };

        private Builder(BackgroundExecutor executor, Callable<T> fetch) {
            this.executor = executor;
            this.fetch = fetch;
        }

        /** Polling ends after the first answer for which {@code test} holds. */
        public Builder<T> until(Predicate<T> test) {
            this.finished = test;
            return this;
        }

        public Builder<T> every(Duration every) {
            this.interval = every;
            return this;
        }

        public Builder<T> atMostEvery(Duration longest) {
            this.maxInterval = longest;
            return this;
        }

        public Builder<T> onUpdate(Consumer<T> handler) {
            this.onUpdate = handler;
            return this;
        }

        public Builder<T> onError(Consumer<Throwable> handler) {
            this.onError = handler;
            return this;
        }

        public Poller<T> build() {
            return new Poller<>(this);
        }
    }
}
