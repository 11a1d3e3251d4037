package dev.snapdeck.api;

/** Filters for {@link ZenmlClient#stacks}; stacks are not project-scoped. */
public final class StackQuery extends ListQuery<StackQuery> {

    /** Stacks whose name contains {@code text}. */
    public StackQuery nameContains(String text) {
        return contains("name", text);
    }

    @Override
    StackQuery self() {
        return this;
    }
}
