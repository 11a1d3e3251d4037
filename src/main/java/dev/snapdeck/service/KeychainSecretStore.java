package dev.snapdeck.service;

import java.util.Optional;

/**
 * Keeps secrets in the system keychain, and empties the owner-only file that held them before.
 *
 * <p>A secret still in the file is used as it is, and the next write of any secret moves every
 * secret of the file into the keychain and deletes the file. The file wins over the keychain:
 * every write here leaves the file empty, so an entry in it was written later, by a process that
 * found no keychain (a CLI over SSH without a session bus, say).
 */
final class KeychainSecretStore implements SecretStore {

    private final Keychain keychain;
    private final FileSecretStore file;

    KeychainSecretStore(Keychain keychain, FileSecretStore file) {
        this.keychain = keychain;
        this.file = file;
    }

    @Override
    public synchronized Optional<String> get(String profile) {
        Optional<String> fromFile = file.get(profile);
        return fromFile.isPresent() ? fromFile : keychain.find(profile);
    }

    @Override
    public synchronized void put(String profile, String secret) {
        file.moveAllTo(keychain::store);
        keychain.store(profile, secret);
    }

    @Override
    public synchronized void remove(String profile) {
        file.moveAllTo(keychain::store);
        keychain.delete(profile);
    }

    @Override
    public String describe() {
        return "the system keychain (" + keychain.name() + ")";
    }
}
