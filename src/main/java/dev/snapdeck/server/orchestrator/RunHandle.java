package dev.snapdeck.server.orchestrator;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A submitted run. All methods are thread-safe and return at once. */
public interface RunHandle {

    /** The run's id from its plan. */
    String runId();

    /**
     * Stops the run. Graceful: running steps finish, nothing new starts (pending steps end
     * {@code skipped}). Immediate: running process trees are killed ({@code stopped}) as well.
     * The run then ends {@code stopped}, "stopped on request". Does nothing once the run has ended.
     */
    default void stop(boolean graceful) {
        stop(graceful, "stopped on request");
    }

    /** Stops the run as {@link #stop(boolean)} does, with {@code reason} as the run's status reason. */
    void stop(boolean graceful, String reason);

    /** Completes with the run's final status ({@code completed}, {@code failed}, {@code stopped}). */
    CompletableFuture<String> completion();

    /** The latest status of each step: a final status, {@code retried}, or pending/queued/running. */
    Map<String, String> stepStatuses();
}
