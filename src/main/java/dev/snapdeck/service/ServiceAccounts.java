package dev.snapdeck.service;

import java.util.UUID;

import dev.snapdeck.api.ApiKey;
import dev.snapdeck.api.Page;
import dev.snapdeck.api.ServiceAccount;

/**
 * Managing the connected server's service accounts and their API keys (admins only on most
 * servers). Every method blocks until the server answered; failures are the client's
 * {@link dev.snapdeck.api.ZenmlException}s.
 */
public interface ServiceAccounts {

    /** The name of the key {@link #create} makes with a new account, as ZenML's CLI names it. */
    String FIRST_KEY = "default";

    /** The first {@code size} accounts, oldest first, with the true total. */
    Page<ServiceAccount> list(int size);

    /**
     * An account by its name or full id.
     *
     * @throws dev.snapdeck.api.NotFoundException when there is none
     */
    ServiceAccount get(String nameOrId);

    /**
     * Creates an account and its first API key, named {@link #FIRST_KEY}. If the key cannot be
     * made, the account is deleted again, so nothing half-made is left behind.
     *
     * @param description null or blank for none
     * @throws dev.snapdeck.api.ConflictException when the name is taken
     */
    NewServiceAccount create(String name, String description);

    void delete(UUID accountId);

    /** A new key of the account; its secret is in {@link ApiKey#key()} of this answer only. */
    ApiKey createKey(UUID accountId, String name, String description);

    /**
     * A new secret for the key; the old one keeps working for {@code retainMinutes} (0: stops
     * at once, with its tokens).
     */
    ApiKey rotateKey(UUID accountId, String keyNameOrId, int retainMinutes);

    void deleteKey(UUID accountId, String keyNameOrId);

    /**
     * A new account with its first key.
     *
     * @param key holds the secret, which the server never shows again
     */
    record NewServiceAccount(ServiceAccount account, ApiKey key) {
    }
}
