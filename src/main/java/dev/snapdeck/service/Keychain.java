package dev.snapdeck.service;

import java.util.Optional;

/**
 * A system keychain seen as a map from account (the connection profile's name) to secret, under
 * one service name of its own. Every method fails with {@link java.io.UncheckedIOException} when
 * the keychain cannot be reached or refuses.
 */
interface Keychain {

    /** What the user knows this keychain as, such as "Secret Service" or "macOS Keychain". */
    String name();

    /**
     * Stores, reads back and deletes a throwaway entry of its own, so that a keychain which only
     * seems to be there (no daemon behind the bus, a locked store that refuses) is found out now.
     */
    void probe();

    Optional<String> find(String account);

    void store(String account, String secret);

    /** Deletes the secret of {@code account}; does nothing when there is none. */
    void delete(String account);
}
