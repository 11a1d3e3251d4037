package dev.snapdeck.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A keychain in memory, for the logic above the keychain: which store is chosen, how secrets
 * move out of the file. The real keychain is exercised by {@link OsKeychainTest}.
 */
final class MemoryKeychain implements Keychain {

    final Map<String, String> entries = new TreeMap<>();
    boolean reachable = true;
    int probes;

    @Override
    public String name() {
        return "Memory";
    }

    @Override
    public void probe() {
        probes++;
        failUnlessReachable();
    }

    @Override
    public Optional<String> find(String account) {
        failUnlessReachable();
        return Optional.ofNullable(entries.get(account));
    }

    @Override
    public void store(String account, String secret) {
        failUnlessReachable();
        entries.put(account, secret);
    }

    @Override
    public void delete(String account) {
        failUnlessReachable();
        entries.remove(account);
    }

    private void failUnlessReachable() {
        if (!reachable) {
            throw new UncheckedIOException(new IOException("Could not reach the memory keychain"));
        }
    }
}
