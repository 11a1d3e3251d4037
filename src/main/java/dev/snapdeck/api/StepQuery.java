package dev.snapdeck.api;

import java.util.UUID;

/** Filters for {@link ZenmlClient#steps}. */
public final class StepQuery extends ListQuery<StepQuery> {

    /** Step runs of one pipeline run. */
    public StepQuery run(UUID runId) {
        return filter("pipeline_run_id", runId.toString());
    }

    /** Step runs whose name contains {@code text}. */
    public StepQuery nameContains(String text) {
        return contains("name", text);
    }

    @Override
    StepQuery self() {
        return this;
    }
}
