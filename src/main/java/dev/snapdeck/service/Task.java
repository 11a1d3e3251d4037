package dev.snapdeck.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A piece of background work started by {@link BackgroundExecutor}. Register what should happen
 * when it ends; callbacks registered after the end still run (once). After {@link #cancel()} no
 * callback runs, so a screen that closed or a search that was retyped never sees a stale answer.
 *
 * @param <T> what the work produces
 */
public final class Task<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Task.class);

    private final Executor callbacks;
    private final List<Runnable> pending = new ArrayList<>();
    private final List<Consumer<T>> successHandlers = new ArrayList<>();
    private final List<Consumer<Throwable>> failureHandlers = new ArrayList<>();
    private final List<Future<?>> futures = new ArrayList<>();
    private boolean done;
    private boolean cancelled;
    private T value;
    private Throwable failure;

    Task(Executor callbacks) {
        this.callbacks = callbacks;
    }

    /** Runs {@code handler} with the result if the work succeeds. */
    public Task<T> onSuccess(Consumer<T> handler) {
        T result;
        synchronized (this) {
            if (!done) {
                successHandlers.add(handler);
                return this;
            }
            if (failure != null) {
                return this;
            }
            result = value;
        }
        dispatch(() -> handler.accept(result));
        return this;
    }

    /** Runs {@code handler} with the exception if the work fails. */
    public Task<T> onFailure(Consumer<Throwable> handler) {
        Throwable error;
        synchronized (this) {
            if (!done) {
                failureHandlers.add(handler);
                return this;
            }
            if (failure == null) {
                return this;
            }
            error = failure;
        }
        dispatch(() -> handler.accept(error));
        return this;
    }

    /** Runs {@code handler} when the work ends either way, after the other callbacks. */
    public Task<T> onDone(Runnable handler) {
        onSuccess(result -> handler.run());
        return onFailure(error -> handler.run());
    }

    /** Drops every callback and interrupts the work if it is still running. */
    public void cancel() {
        List<Future<?>> running;
        synchronized (this) {
            cancelled = true;
            successHandlers.clear();
            failureHandlers.clear();
            running = List.copyOf(futures);
        }
        running.forEach(future -> future.cancel(true));
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    public synchronized boolean isDone() {
        return done;
    }

    synchronized void attach(Future<?> running) {
        futures.add(running);
        if (cancelled) {
            running.cancel(true);
        }
    }

    void complete(Callable<T> work) {
        T result = null;
        Throwable error = null;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            error = e;
        }
        finish(result, error);
    }

    /**
     * Records the outcome, then hands the callbacks to the callback executor outside the lock: a
     * callback may well call back into whoever is cancelling this task.
     */
    private void finish(T result, Throwable error) {
        List<Consumer<T>> onSuccess;
        List<Consumer<Throwable>> onFailure;
        synchronized (this) {
            done = true;
            value = result;
            failure = error;
            if (cancelled) {
                return;
            }
            onSuccess = List.copyOf(successHandlers);
            onFailure = List.copyOf(failureHandlers);
            successHandlers.clear();
            failureHandlers.clear();
        }
        if (error != null) {
            LOG.debug("Background task failed", error);
            onFailure.forEach(handler -> dispatch(() -> handler.accept(error)));
        } else {
            onSuccess.forEach(handler -> dispatch(() -> handler.accept(result)));
        }
    }

    private void dispatch(Runnable callback) {
        callbacks.execute(() -> {
            if (!isCancelled()) {
                callback.run();
            }
        });
    }
}
