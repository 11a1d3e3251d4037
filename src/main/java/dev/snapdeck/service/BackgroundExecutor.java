package dev.snapdeck.service;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way off the UI thread. Work runs on a small pool of daemon threads; its callbacks run on
 * the callback executor given at construction ({@code Platform::runLater} in the dashboard, the
 * calling thread in tests and in the CLI).
 */
public final class BackgroundExecutor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundExecutor.class);
    private static final int WORKERS = 4;

    private final ExecutorService workers;
    private final Executor callbacks;
    private final ScheduledExecutorService timer;

    private BackgroundExecutor(ExecutorService workers, Executor callbacks) {
        this.workers = workers;
        this.callbacks = callbacks;
        this.timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("snapdeck-timer-"));
    }

    /** Work on background threads, callbacks through {@code callbacks}. */
    public static BackgroundExecutor create(Executor callbacks) {
        return new BackgroundExecutor(Executors.newFixedThreadPool(WORKERS, daemonThreads("snapdeck-worker-")),
                callbacks);
    }

    /**
     * Work and callbacks both on the submitting thread, before {@link #submit} returns: for
     * view-model tests and for the CLI, where there is nothing to keep responsive.
     */
    public static BackgroundExecutor sameThread() {
        return new BackgroundExecutor(new SameThreadExecutorService(), Runnable::run);
    }

    /**
     * Starts {@code work} and returns its handle at once. Callbacks registered on the handle run
     * on the callback executor; once the task is cancelled none of them runs.
     */
    public <T> Task<T> submit(Callable<T> work) {
        Task<T> task = new Task<>(callbacks);
        task.attach(workers.submit(() -> task.complete(work)));
        return task;
    }

    /**
     * Submits {@code work} after {@code delay}; the returned handle can be cancelled before the
     * work starts. Used for polling: the timer thread only hands work over, it never runs it.
     */
    public <T> Task<T> submitLater(Duration delay, Callable<T> work) {
        Task<T> task = new Task<>(callbacks);
        ScheduledFuture<?> scheduled = timer.schedule(
                () -> task.attach(workers.submit(() -> task.complete(work))),
                delay.toMillis(), TimeUnit.MILLISECONDS);
        task.attach(scheduled);
        return task;
    }

    /** Stops accepting work and interrupts what is running; waits briefly for it to end. */
    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("Background work did not stop within two seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
