package dev.snapdeck.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real system keychain of the machine running the tests, under a service name made up for
 * each test, so no entry of the user's is ever read or touched. Skipped where no keychain
 * answers, as on CI; on Linux it runs under a private session bus with
 * {@code dbus-run-session} and {@code gnome-keyring-daemon --unlock --components=secrets}.
 */
class OsKeychainTest {

    private static final List<String> ACCOUNTS = List.of("prod", "old", "new");

    @TempDir
    Path home;

    private final OsKeychain keychain = new OsKeychain("Snapdeck test " + UUID.randomUUID(),
            Duration.ofSeconds(10), Duration.ofSeconds(30));
    private boolean reachable;

    @BeforeEach
    void skipWithoutAKeychain() {
        try {
            keychain.probe();
            reachable = true;
        } catch (RuntimeException e) {
            Assumptions.abort("No system keychain answered (" + e.getMessage() + "). On Linux, "
                    + "run the tests under dbus-run-session with gnome-keyring-daemon --unlock "
                    + "--components=secrets to include them.");
        }
    }

    @AfterEach
    void deleteWhatTheTestStored() {
        if (reachable) {
            ACCOUNTS.forEach(keychain::delete);
        }
    }

    @Test
    void secretMakesTheRoundTrip() {
        keychain.store("prod", "ZENKEY_abc");
        Optional<String> stored = keychain.find("prod");
        keychain.delete("prod");

        assertEquals(Optional.of("ZENKEY_abc"), stored);
        assertEquals(Optional.empty(), keychain.find("prod"));
    }

    @Test
    void storingAgainReplacesTheSecret() {
        keychain.store("prod", "first");

        keychain.store("prod", "second");

        assertEquals(Optional.of("second"), keychain.find("prod"));
    }

    @Test
    void missingSecretIsNoneAndDeletingItIsNoError() {
        assertEquals(Optional.empty(), keychain.find("prod"));
        assertDoesNotThrow(() -> keychain.delete("prod"));
    }

    @Test
    void secretsSavedInTheFileMoveIntoTheKeychainOnTheNextWrite() {
        Path file = home.resolve("secrets.json");
        new FileSecretStore(file).put("old", "password-from-the-file");
        SecretStore store = SecretStores.choose(file, keychain);

        Optional<String> beforeTheWrite = store.get("old");
        store.put("new", "ZENKEY_new");

        assertEquals("the system keychain (" + keychain.name() + ")", store.describe());
        assertEquals(Optional.of("password-from-the-file"), beforeTheWrite);
        assertFalse(file.toFile().exists());
        assertEquals(Optional.of("password-from-the-file"), keychain.find("old"));
        assertEquals(Optional.of("ZENKEY_new"), keychain.find("new"));
    }
}
