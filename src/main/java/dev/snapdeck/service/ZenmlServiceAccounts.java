package dev.snapdeck.service;

import java.util.UUID;

import dev.snapdeck.api.ApiKey;
import dev.snapdeck.api.Page;
import dev.snapdeck.api.ServiceAccount;
import dev.snapdeck.api.ServiceAccountQuery;
import dev.snapdeck.api.ZenmlClient;
import dev.snapdeck.api.ZenmlException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ServiceAccounts} over ZenML's {@code /api/v1/service_accounts} routes. */
final class ZenmlServiceAccounts implements ServiceAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(ZenmlServiceAccounts.class);

    private final ZenmlClient client;

    ZenmlServiceAccounts(ZenmlClient client) {
        this.client = client;
    }

    @Override
    public Page<ServiceAccount> list(int size) {
        return client.serviceAccounts(new ServiceAccountQuery().sortBy("asc:created").size(size));
    }

    @Override
    public ServiceAccount get(String nameOrId) {
        return client.serviceAccount(nameOrId);
    }

    @Override
    public NewServiceAccount create(String name, String description) {
        ServiceAccount account = client.createServiceAccount(name, description);
        try {
            return new NewServiceAccount(account, client.createApiKey(account.id(), FIRST_KEY,
                    null));
        } catch (ZenmlException e) {
            undo(account, e);
            throw e;
        }
    }

    private void undo(ServiceAccount account, ZenmlException reason) {
        try {
            client.deleteServiceAccount(account.id());
            LOG.info("Deleted service account {} again: its first API key failed ({})",
                    account.name(), reason.getMessage());
        } catch (ZenmlException e) {
            LOG.warn("Service account {} was created, its API key was not, and deleting it "
                    + "failed too", account.name(), e);
            reason.addSuppressed(e);
        }
    }

    @Override
    public void delete(UUID accountId) {
        client.deleteServiceAccount(accountId);
    }

    @Override
    public ApiKey createKey(UUID accountId, String name, String description) {
        return client.createApiKey(accountId, name, description);
    }

    @Override
    public ApiKey rotateKey(UUID accountId, String keyNameOrId, int retainMinutes) {
        return client.rotateApiKey(accountId, keyNameOrId, retainMinutes);
    }

    @Override
    public void deleteKey(UUID accountId, String keyNameOrId) {
        client.deleteApiKey(accountId, keyNameOrId);
    }
}
