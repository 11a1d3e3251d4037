package dev.snapdeck.ui.shell;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import dev.snapdeck.api.ServerTimeoutException;
import dev.snapdeck.api.ServerUnreachableException;
import dev.snapdeck.api.UnauthorizedException;

/** Turns a failure into one plain sentence for a screen's error line. */
public final class Problems {

    private Problems() {
    }

    /**
     * "{@code what}: {@code why}". A server that cannot be reached gets a short note only: the
     * shell's banner already says so and reconnects.
     */
    public static String describe(String what, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (isUnreachable(cause)) {
            return what + ": the server cannot be reached right now.";
        }
        if (cause instanceof UnauthorizedException) {
            return what + ": the server did not accept the sign-in. Sign in again (Connect…).";
        }
        String message = cause.getMessage();
        return what + ": " + (message == null || message.isBlank()
                ? cause.getClass().getSimpleName() : message);
    }

    /** True when nothing answered (as opposed to an answer that says no). */
    public static boolean isUnreachable(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof ServerUnreachableException
                || cause instanceof ServerTimeoutException;
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
