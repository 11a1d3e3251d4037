package dev.snapdeck.api;

/** Filters for {@link ZenmlClient#pipelines}. */
public final class PipelineQuery extends ListQuery<PipelineQuery> {

    /** Pipelines whose name contains {@code text}. */
    public PipelineQuery nameContains(String text) {
        return contains("name", text);
    }

    @Override
    PipelineQuery self() {
        return this;
    }
}
