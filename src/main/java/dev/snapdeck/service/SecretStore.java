package dev.snapdeck.service;

import java.util.Optional;

/** Keeps the secret (password, API key or token) of each connection profile. */
public interface SecretStore {

    /** The secret stored for {@code profile}, if any. Fails with {@link java.io.UncheckedIOException}. */
    Optional<String> get(String profile);

    /** Stores or replaces the secret of {@code profile}. Fails with {@link java.io.UncheckedIOException}. */
    void put(String profile, String secret);

    /** Forgets the secret of {@code profile}; does nothing if there is none. */
    void remove(String profile);

    /** Where the secrets are kept, in words for the user ("a file only you can read: …"). */
    String describe();
}
