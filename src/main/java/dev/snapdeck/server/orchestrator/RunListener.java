package dev.snapdeck.server.orchestrator;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What the orchestrator tells about a run. Calls come from orchestrator threads, one at a time
 * per run and in order (a step's start before its end, every step before the run's end); they
 * must return quickly and must not wait for other runs. An exception thrown here is logged and
 * otherwise ignored.
 */
public interface RunListener {

    /** No-op listener. */
    RunListener NONE = new RunListener() {
    };

    /** Attempt {@code attempt} (1-based) of a step starts, or a cache hit is being copied. */
    default void stepStarted(String runId, String stepName, int attempt, Path logFile, Instant start) {
    }

    /**
     * The process of a step's attempt has just started (after {@link #stepStarted}). The start
     * instant is null where the platform does not tell it; together with the pid it lets a later
     * server find this very process again.
     */
    default void processStarted(String runId, String stepName, long pid, Instant processStart) {
    }

    /**
     * An attempt ended with one of {@link ExecutionStatus}'s values. {@code exitCode} is null when
     * no process ended normally (cached, skipped, timed out); {@code attempt} is 0 for a skipped
     * step that never started; {@code cacheKey} is null when the step is not cacheable.
     */
    default void stepFinished(String runId, String stepName, int attempt, String status, Integer exitCode,
            Instant end, String cacheKey) {
    }

    /** The run ended: {@code completed}, {@code failed} or {@code stopped}; reason null when completed. */
    default void runFinished(String runId, String status, String reason) {
    }
}
