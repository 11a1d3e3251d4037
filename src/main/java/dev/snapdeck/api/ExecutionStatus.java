package dev.snapdeck.api;

import java.util.Objects;
import java.util.Set;

/**
 * A run's or step run's status as the server wrote it. Values this client does not know (a newer
 * server's) are kept raw and shown as text; for them {@link #isFinished()} is false, so callers
 * should trust the run's {@code in_progress} flag instead.
 */
public final class ExecutionStatus {

    public static final ExecutionStatus INITIALIZING = new ExecutionStatus("initializing");
    public static final ExecutionStatus PROVISIONING = new ExecutionStatus("provisioning");
    public static final ExecutionStatus QUEUED = new ExecutionStatus("queued");
    public static final ExecutionStatus RUNNING = new ExecutionStatus("running");
    public static final ExecutionStatus RETRYING = new ExecutionStatus("retrying");
    public static final ExecutionStatus PAUSED = new ExecutionStatus("paused");
    public static final ExecutionStatus RESUMING = new ExecutionStatus("resuming");
    public static final ExecutionStatus STOPPING = new ExecutionStatus("stopping");
    public static final ExecutionStatus CANCELLING = new ExecutionStatus("cancelling");
    public static final ExecutionStatus COMPLETED = new ExecutionStatus("completed");
    public static final ExecutionStatus CACHED = new ExecutionStatus("cached");
    public static final ExecutionStatus SKIPPED = new ExecutionStatus("skipped");
    public static final ExecutionStatus RETRIED = new ExecutionStatus("retried");
    public static final ExecutionStatus FAILED = new ExecutionStatus("failed");
    public static final ExecutionStatus STOPPED = new ExecutionStatus("stopped");
    public static final ExecutionStatus CANCELLED = new ExecutionStatus("cancelled");

    private static final Set<String> UNFINISHED = Set.of("initializing", "provisioning", "queued",
            "running", "retrying", "paused", "resuming", "stopping", "cancelling");
    private static final Set<String> SUCCESS = Set.of("completed", "cached", "skipped");
    private static final Set<String> FINISHED = Set.of("completed", "cached", "skipped", "retried",
            "failed", "stopped", "cancelled");

    private final String raw;

    private ExecutionStatus(String raw) {
        this.raw = raw;
    }

    /** Wraps the server's value; null stays null. Never fails. */
    public static ExecutionStatus of(String raw) {
        return raw == null ? null : new ExecutionStatus(raw);
    }

    /** Exactly what the server sent. */
    public String raw() {
        return raw;
    }

    /** True for the sixteen values of ZenML 0.96. */
    public boolean isKnown() {
        return UNFINISHED.contains(raw) || FINISHED.contains(raw);
    }

    /** True for a known final value; false for unknown values. */
    public boolean isFinished() {
        return FINISHED.contains(raw);
    }

    /** True for {@code completed}, {@code cached} and {@code skipped}. */
    public boolean isSuccess() {
        return SUCCESS.contains(raw);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExecutionStatus && ((ExecutionStatus) other).raw.equals(raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(raw);
    }

    @Override
    public String toString() {
        return raw;
    }
}
