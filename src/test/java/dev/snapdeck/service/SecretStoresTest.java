package dev.snapdeck.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import dev.snapdeck.SnapdeckHome;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStoresTest {

    @TempDir
    Path home;

    private final MemoryKeychain keychain = new MemoryKeychain();

    @Test
    void unreachableKeychainLeavesSecretsInAnOwnerOnlyFileAndSaysSo() throws Exception {
        keychain.reachable = false;
        Path file = home.resolve("secrets.json");

        SecretStore store = SecretStores.choose(file, keychain);
        store.put("prod", "ZENKEY_abc");

        assertEquals("a file only you can read: " + file, store.describe());
        assertEquals(Optional.of("ZENKEY_abc"), store.get("prod"));
        assertEquals("rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void keychainThatPassesItsProbeIsChosenAndNamed() {
        Path file = home.resolve("secrets.json");

        SecretStore store = SecretStores.choose(file, keychain);
        store.put("prod", "ZENKEY_abc");

        assertEquals("the system keychain (Memory)", store.describe());
        assertEquals("ZENKEY_abc", keychain.entries.get("prod"));
        assertFalse(Files.exists(file));
    }

    @Test
    void choiceWaitsForFirstUseAndIsMadeOnce() {
        SecretStore store = new DeferredSecretStore(
                () -> SecretStores.choose(home.resolve("secrets.json"), keychain));

        int probesBeforeUse = keychain.probes;
        store.put("prod", "ZENKEY_abc");
        store.get("prod");
        store.describe();

        assertEquals(0, probesBeforeUse);
        assertEquals(1, keychain.probes);
    }

    @Test
    void eachDataFolderFilesItsSecretsUnderItsOwnServiceName() {
        String first = SecretStores.serviceName(new SnapdeckHome(home.resolve("one")));
        String second = SecretStores.serviceName(new SnapdeckHome(home.resolve("two")));

        assertNotEquals(first, second);
        assertTrue(first.startsWith("Snapdeck "), first);
    }
}
