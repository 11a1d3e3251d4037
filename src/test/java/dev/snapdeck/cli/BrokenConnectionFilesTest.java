package dev.snapdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.snapdeck.testing.TestLocalServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands over a data folder whose connections or secrets file is broken: one plain line on
 * standard error naming the file and the place, and the broken file left exactly as it was.
 */
@Timeout(60)
class BrokenConnectionFilesTest {

    @TempDir
    static Path serverFolder;
    private static TestLocalServer server;

    @TempDir
    Path home;

    @BeforeAll
    static void startServer() throws Exception {
        server = new TestLocalServer(serverFolder);
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private CliHarness.Result login() {
        return new CliHarness(home).runWithInput(TestLocalServer.PASSWORD + "\n", "login",
                server.url(), "--name", "team", "--username", "admin", "--password-stdin");
    }

    @Test
    void loginWithABrokenSecretsFileSavesNoProfileAndSaysWhereTheFileIsBroken() throws Exception {
        Path secrets = new CliHarness(home).home().secrets();
        Files.createDirectories(secrets.getParent());
        Files.writeString(secrets, "{\n  \"old\": \"key\",\n  oops\n}\n");

        CliHarness.Result login = login();

        assertEquals(ExitCode.PROBLEM, login.code(), login.err());
        assertEquals("error: Cannot read the secrets file " + secrets
                + ": this is not valid JSON at line 3, column 3", login.err().strip());
        assertFalse(Files.exists(new CliHarness(home).home().profiles()),
                "no profile without its secret");
        assertEquals("{\n  \"old\": \"key\",\n  oops\n}\n", Files.readString(secrets));
    }

    @Test
    void aProfilesFileOfTheWrongShapeIsDescribedWithoutJavaNames() throws Exception {
        Path profiles = new CliHarness(home).home().profiles();
        Files.createDirectories(profiles.getParent());
        Files.writeString(profiles, "[]");

        CliHarness.Result status = new CliHarness(home).run("status");

        assertEquals(ExitCode.PROBLEM, status.code(), status.err());
        assertEquals("error: Cannot read the connections file " + profiles
                + ": the file holds the wrong kind of value (expected an object) at line 1, column 1",
                status.err().strip());
        assertEquals("[]", Files.readString(profiles));
    }

    @Test
    void anActiveNameThatMatchesNoProfileIsSaidAsSuch() throws Exception {
        assertEquals(0, login().code());
        Path profiles = new CliHarness(home).home().profiles();
        String edited = Files.readString(profiles).replace("\"active\" : \"team\"",
                "\"active\" : \"teem\"");
        assertTrue(edited.contains("teem"), edited);
        Files.writeString(profiles, edited);

        CliHarness.Result status = new CliHarness(home).run("status");

        assertEquals(ExitCode.PROBLEM, status.code(), status.err());
        assertEquals("error: The active connection 'teem' in " + profiles
                + " is not among its profiles", status.err().strip());
        assertEquals(edited, Files.readString(profiles));
    }
}
