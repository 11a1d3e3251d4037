package dev.snapdeck.service;

import java.util.Optional;
import java.util.function.Supplier;

/** A secret store that is chosen on its first use, and the same one from then on. */
final class DeferredSecretStore implements SecretStore {

    private final Supplier<SecretStore> choice;
    private SecretStore chosen;

    DeferredSecretStore(Supplier<SecretStore> choice) {
        this.choice = choice;
    }

    private synchronized SecretStore chosen() {
        if (chosen == null) {
            chosen = choice.get();
        }
        return chosen;
    }

    @Override
    public Optional<String> get(String profile) {
        return chosen().get(profile);
    }

    @Override
    public void put(String profile, String secret) {
        chosen().put(profile, secret);
    }

    @Override
    public void remove(String profile) {
        chosen().remove(profile);
    }

    @Override
    public String describe() {
        return chosen().describe();
    }
}
