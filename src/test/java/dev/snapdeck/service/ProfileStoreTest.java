package dev.snapdeck.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import dev.snapdeck.service.ConnectionProfile.SignIn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {

    @TempDir
    Path home;

    private ProfileStore store() {
        return new ProfileStore(home.resolve("profiles.json"),
                new FileSecretStore(home.resolve("secrets.json")));
    }

    private static ConnectionProfile prod() {
        return new ConnectionProfile("prod", "https://zenml.example/team", SignIn.API_KEY, null);
    }

    @Test
    void savedProfileIsReadBackByAnotherStore() {
        store().save(prod(), "ZENKEY_abc");

        ProfileStore other = store();

        assertEquals(List.of(prod()), other.profiles());
        assertEquals(Optional.of("ZENKEY_abc"), other.secret("prod"));
    }

    @Test
    void secretNeverReachesTheProfilesFile() throws Exception {
        store().save(prod(), "ZENKEY_abc");

        String profiles = Files.readString(home.resolve("profiles.json"));

        assertFalse(profiles.contains("ZENKEY_abc"), profiles);
    }

    @Test
    void secretsFileIsReadableByItsOwnerOnly() throws Exception {
        store().save(prod(), "ZENKEY_abc");

        String mode = PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("secrets.json")));

        assertEquals("rw-------", mode);
    }

    @Test
    void activatingAnUnknownProfileIsRefused() {
        ProfileStore store = store();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> store.activate("nope"));

        assertTrue(error.getMessage().contains("nope"));
    }

    @Test
    void removingTheActiveProfileLeavesNoneActiveAndForgetsItsSecret() {
        ProfileStore store = store();
        store.save(prod(), "ZENKEY_abc");
        store.activate("prod");

        store.remove("prod");

        assertEquals(Optional.empty(), store.active());
        assertEquals(Optional.empty(), store.secret("prod"));
    }

    @Test
    void brokenProfilesFileSaysWhichFile() throws Exception {
        Files.writeString(home.resolve("profiles.json"), "{ not json");

        UncheckedIOException error = assertThrows(UncheckedIOException.class,
                () -> store().profiles());

        assertTrue(error.getMessage().contains("profiles.json"), error.getMessage());
    }
}
