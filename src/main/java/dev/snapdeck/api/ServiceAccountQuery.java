package dev.snapdeck.api;

/** Filters for {@link ZenmlClient#serviceAccounts}; service accounts are not project-scoped. */
public final class ServiceAccountQuery extends ListQuery<ServiceAccountQuery> {

    /** Accounts whose name contains {@code text}. */
    public ServiceAccountQuery nameContains(String text) {
        return contains("name", text);
    }

    @Override
    ServiceAccountQuery self() {
        return this;
    }
}
