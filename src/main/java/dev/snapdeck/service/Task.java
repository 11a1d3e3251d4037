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
    public synchronized Task<T> onSuccess(Consumer<T> handler) {
        if (done) {
            if (failure == null) {
                dispatch(() -> handler.accept(value));
            }
        } else {
            successHandlers.add(handler);
        }
        return this;
    }

    /** Runs {@code handler} with the exception if the work fails. */
    public synchronized Task<T> onFailure(Consumer<Throwable> handler) {
        if (done) {
            if (failure != null) {
                dispatch(() -> handler.accept(failure));
            }
        } else {
            failureHandlers.add(handler);
        }
        return this;
    }

    /** Runs {@code handler} when the work ends either way, after the other callbacks. */
    public Task<T> onDone(Runnable handler) {
        onSuccess(result -> handler.run());
        return onFailure(error -> handler.run());
    }

    /** Drops every callback and interrupts the work if it is still running. */
    public synchronized void cancel() {
        cancelled = true;
        successHandlers.clear();
        failureHandlers.clear();
        futures.forEach(future -> future.cancel(true));
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

    private synchronized void finish(T result, Throwable error) {
        done = true;
        value = result;
        failure = error;
        if (cancelled) {
            return;
        }
        if (error != null) {
            LOG.debug("Background task failed", error);
            failureHandlers.forEach(handler -> dispatch(() -> handler.accept(error)));
        } else {
            successHandlers.forEach(handler -> dispatch(() -> handler.accept(result)));
        }
        successHandlers.clear();
        failureHandlers.clear();
    }

    private void dispatch(Runnable callback) {
        callbacks.execute(() -> {
            if (!isCancelled()) {
                callback.run();
            }
        });
    }
}
