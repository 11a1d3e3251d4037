package dev.snapdeck.server.orchestrator;

import java.util.Set;

/** ZenML's ExecutionStatus values as the orchestrator reports them to {@link RunListener}. */
public final class ExecutionStatus {

    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String CACHED = "cached";
    public static final String RETRIED = "retried";
    public static final String STOPPED = "stopped";
    public static final String SKIPPED = "skipped";

    /** Statuses after which a step never changes again ({@link #RETRIED} is not one). */
    public static final Set<String> FINAL = Set.of(COMPLETED, FAILED, CACHED, STOPPED, SKIPPED);

    private ExecutionStatus() {
    }

    /** Whether a step that ended this way lets its downstream steps run. */
    public static boolean succeeded(String status) {
        return COMPLETED.equals(status) || CACHED.equals(status);
    }
}
