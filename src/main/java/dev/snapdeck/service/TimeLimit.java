package dev.snapdeck.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a call that may never return (one that waits on another process, such as a D-Bus daemon)
 * on a daemon thread, and stops waiting for it after a time limit. A call given up on keeps its
 * thread until it returns by itself; being a daemon, that thread never keeps the process alive.
 */
final class TimeLimit {

    private static final ExecutorService CALLS = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "snapdeck-keychain");
        thread.setDaemon(true);
        return thread;
    });

    private TimeLimit() {
    }

    /**
     * The result of {@code call}, on the calling thread. Fails with {@link UncheckedIOException}
     * saying {@code what} could not be done, when the call throws or does not return within
     * {@code limit}.
     */
    static <T> T call(String what, Duration limit, Callable<T> call) {
        Future<T> result = CALLS.submit(call);
        try {
            return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw failure("Could not " + what + ": no answer within " + limit.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw failure("Could not " + what + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw failure("Interrupted while trying to " + what, e);
        }
    }

    private static UncheckedIOException failure(String message, Throwable cause) {
        return new UncheckedIOException(message,
                cause instanceof IOException ? (IOException) cause : new IOException(cause));
    }
}
