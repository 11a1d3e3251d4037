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
    void aDataFolderMadeForTheConnectionsIsOwnerOnly() throws Exception {
        Path folder = home.resolve("new-home");
        new ProfileStore(folder.resolve("profiles.json"),
                new FileSecretStore(folder.resolve("secrets.json"))).save(prod(), "ZENKEY_abc");

        assertEquals("rwx------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder)));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.resolve("profiles.json"))));
    }

    @Test
    void aSecretThatCannotBeRemovedKeepsItsConnectionToo() throws Exception {
        ProfileStore store = store();
        store.save(prod(), "ZENKEY_abc");
        Files.writeString(home.resolve("secrets.json"), "{\"prod\": ");

        assertThrows(UnreadableFileException.class, () -> store.remove("prod"));

        assertEquals(List.of(prod()), store.profiles());
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
    void brokenProfilesFileSaysWhichFileAndWhereAndIsLeftAlone() throws Exception {
        Path file = home.resolve("profiles.json");
        Files.writeString(file, "{\n  \"profiles\": [ not json ]\n}");

        UnreadableFileException error = assertThrows(UnreadableFileException.class,
                () -> store().profiles());

        assertEquals("Cannot read the connections file " + file
                + ": this is not valid JSON at line 2, column 21", error.getMessage());
        assertEquals(file, error.path());
        assertEquals("{\n  \"profiles\": [ not json ]\n}", Files.readString(file));
    }

    @Test
    void profilesFileOfTheWrongShapeIsDescribedWithoutJavaNames() throws Exception {
        Path file = home.resolve("profiles.json");
        Files.writeString(file, "{\"profiles\": {}}");

        UnreadableFileException error = assertThrows(UnreadableFileException.class,
                () -> store().profiles());

        assertEquals("Cannot read the connections file " + file + ": \"profiles\" holds the wrong "
                + "kind of value (expected a list) at line 1, column 14", error.getMessage());
    }

    @Test
    void profileWithoutUrlSaysWhichProfileLacksWhat() throws Exception {
        Path file = home.resolve("profiles.json");
        Files.writeString(file, "{\"profiles\": [{\"name\": \"prod\", \"signIn\": \"TOKEN\"}]}");

        UnreadableFileException error = assertThrows(UnreadableFileException.class,
                () -> store().profiles());

        assertEquals("Cannot read the connections file " + file + ": \"profiles[0]\" has no "
                + "\"url\" at line 1, column 49", error.getMessage());
    }

    @Test
    void activeNameMatchingNoProfileIsAnErrorNotTheLocalServer() throws Exception {
        Path file = home.resolve("profiles.json");
        Files.writeString(file, "{\"active\": \"x\", \"profiles\": []}");

        UnreadableFileException error = assertThrows(UnreadableFileException.class,
                () -> store().active());

        assertEquals("The active connection 'x' in " + file + " is not among its profiles",
                error.getMessage());
    }

    @Test
    void brokenSecretsFileSaysWhichFileAndWhere() throws Exception {
        Path file = home.resolve("secrets.json");
        Files.writeString(file, "{\"prod\": ");

        UnreadableFileException error = assertThrows(UnreadableFileException.class,
                () -> store().secret("prod"));

        assertEquals("Cannot read the secrets file " + file
                + ": the JSON ends too early at line 1, column 10", error.getMessage());
        assertEquals(file, error.path());
    }

    @Test
    void savingWithABrokenSecretsFileWritesNoProfile() throws Exception {
        Files.writeString(home.resolve("secrets.json"), "oops");
        ProfileStore store = store();

        assertThrows(UnreadableFileException.class, () -> store.save(prod(), "ZENKEY_abc"));

        assertFalse(Files.exists(home.resolve("profiles.json")));
        assertEquals("oops", Files.readString(home.resolve("secrets.json")));
    }

    @Test
    void savingAProfileThatCannotBeWrittenPutsTheOldSecretBack() throws Exception {
        ProfileStore store = store();
        store.save(prod(), "ZENKEY_old");
        // Where the new file would be written first: a folder with a file in it cannot go.
        Files.createDirectory(home.resolve("profiles.json.tmp"));
        Files.writeString(home.resolve("profiles.json.tmp/in-the-way"), "");

        UncheckedIOException failure = assertThrows(UncheckedIOException.class,
                () -> store.save(prod(), "ZENKEY_new"));

        assertTrue(failure.getMessage().startsWith("Cannot write the connections file "
                + home.resolve("profiles.json") + ": "), failure.getMessage());
        assertEquals(Optional.of("ZENKEY_old"), store.secret("prod"));
    }

    @Test
    void aSecretThatCannotBeWrittenNamesTheSecretsFile() throws Exception {
        Files.writeString(home.resolve("not-a-folder"), "");
        FileSecretStore secrets = new FileSecretStore(home.resolve("not-a-folder/secrets.json"));

        UncheckedIOException failure = assertThrows(UncheckedIOException.class,
                () -> secrets.put("prod", "ZENKEY_abc"));

        assertTrue(failure.getMessage().startsWith("Cannot write the secrets file "
                + home.resolve("not-a-folder/secrets.json") + ": "), failure.getMessage());
    }
}
