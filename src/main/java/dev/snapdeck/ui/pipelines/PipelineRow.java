package dev.snapdeck.ui.pipelines;

import java.time.Instant;

import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.api.Pipeline;
import dev.snapdeck.api.PipelineRun;

/**
 * A pipeline as its table row shows it.
 *
 * @param latestRun its newest run, or null when it has none
 * @param runCount  how many runs it has on the server
 */
public record PipelineRow(Pipeline pipeline, PipelineRun latestRun, int runCount) {

    public String name() {
        return pipeline.name();
    }

    public ExecutionStatus latestStatus() {
        return latestRun != null ? latestRun.status() : pipeline.latestRunStatus();
    }

    public String latestRunName() {
        return latestRun == null ? "" : latestRun.name();
    }

    /** When the pipeline or its newest run last changed. */
    public Instant lastUpdated() {
        Instant updated = pipeline.updated();
        if (latestRun != null && latestRun.updated() != null
                && (updated == null || latestRun.updated().isAfter(updated))) {
            return latestRun.updated();
        }
        return updated;
    }
}
