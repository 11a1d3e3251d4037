package dev.snapdeck.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeychainSecretStoreTest {

    @TempDir
    Path home;

    private final MemoryKeychain keychain = new MemoryKeychain();
    private FileSecretStore file;
    private KeychainSecretStore store;

    @BeforeEach
    void storeWithSecretsSavedBeforeTheKeychain() {
        file = new FileSecretStore(home.resolve("secrets.json"));
        file.put("old", "password-from-the-file");
        file.put("other", "ZENKEY_other");
        store = new KeychainSecretStore(keychain, file);
    }

    @Test
    void secretLeftInTheFileIsReadFromIt() {
        Optional<String> secret = store.get("old");

        assertEquals(Optional.of("password-from-the-file"), secret);
    }

    @Test
    void nextWriteMovesEverySecretOfTheFileIntoTheKeychainAndDeletesTheFile() {
        store.put("new", "ZENKEY_new");

        assertEquals(Map.of("old", "password-from-the-file", "other", "ZENKEY_other",
                "new", "ZENKEY_new"), keychain.entries);
        assertFalse(Files.exists(home.resolve("secrets.json")));
        assertEquals(Optional.of("password-from-the-file"), store.get("old"));
    }

    @Test
    void newSecretReplacesTheOneInTheFile() {
        store.put("old", "new-password");

        assertEquals(Optional.of("new-password"), store.get("old"));
    }

    @Test
    void removeForgetsTheSecretInTheFileAndInTheKeychain() {
        keychain.entries.put("old", "password-in-the-keychain");

        store.remove("old");

        assertEquals(Optional.empty(), store.get("old"));
        assertEquals(Optional.of("ZENKEY_other"), store.get("other"));
    }

    /** A process without a keychain wrote the file after this store last did. */
    @Test
    void secretInTheFileWinsOverTheKeychainsOlderOne() {
        keychain.entries.put("old", "stale-password");

        Optional<String> secret = store.get("old");

        assertEquals(Optional.of("password-from-the-file"), secret);
    }

    @Test
    void keychainThatRefusesLeavesTheFileAsItWas() {
        keychain.reachable = false;

        assertThrows(UncheckedIOException.class, () -> store.put("new", "ZENKEY_new"));

        assertEquals(Optional.of("password-from-the-file"), file.get("old"));
        assertEquals(Optional.of("ZENKEY_other"), file.get("other"));
    }
}
