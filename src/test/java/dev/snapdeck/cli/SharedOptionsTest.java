package dev.snapdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The options every server command shares: --home, --profile, -v. */
@Timeout(30)
class SharedOptionsTest {

    @TempDir
    Path home;

    @TempDir
    Path otherHome;

    private ZenmlFixtures zenml;

    @BeforeEach
    void startServer() throws IOException {
        zenml = ZenmlFixtures.proServer();
    }

    @AfterEach
    void stopServer() throws IOException {
        zenml.close();
    }

    @Test
    void homeOptionKeepsProfilesInThatFolder() {
        CliHarness cli = new CliHarness(home);

        CliHarness.Result login = cli.runWithInput("pw\n", "login", zenml.url(), "--username",
                "alice", "--password-stdin", "--home", otherHome.toString());

        assertEquals(0, login.code(), login.err());
        assertTrue(Files.exists(otherHome.resolve("profiles.json")));
        assertFalse(Files.exists(home.resolve("profiles.json")));
    }

    @Test
    void profileOptionPicksASavedConnectionThatIsNotActive() {
        CliHarness cli = new CliHarness(home);
        cli.runWithInput("pw\n", "login", zenml.url(), "--name", "first", "--username", "alice",
                "--password-stdin");
        cli.runWithInput("pw\n", "login", "http://127.0.0.1:9", "--name", "second",
                "--username", "alice", "--password-stdin");

        CliHarness.Result status = cli.run("status", "--profile", "first", "--output", "json");

        assertEquals(0, status.code(), status.err());
        assertTrue(status.out().contains("\"connection\" : \"first\""), status.out());
    }

    @Test
    void unknownProfileIsOneClearLine() {
        CliHarness.Result status = new CliHarness(home).run("status", "--profile", "nope");

        assertEquals(ExitCode.AUTH, status.code());
        assertEquals(java.util.List.of("error: There is no connection named 'nope'; see "
                + "'snapdeck login --help'."), status.errLines());
    }

    @Test
    void unreachableServerSaysSoWithItsOwnCode() {
        CliHarness.Result login = new CliHarness(home).runWithInput("pw\n", "login",
                "http://127.0.0.1:9", "--username", "alice", "--password-stdin");

        assertEquals(ExitCode.UNREACHABLE, login.code());
        assertEquals(1, login.errLines().size(), login.err());
        assertTrue(login.err().startsWith("error: cannot reach the server"), login.err());
    }

    @Test
    void verbosePrintsTheConnectionStepsToStandardError() {
        CliHarness cli = new CliHarness(home);
        cli.runWithInput("pw\n", "login", zenml.url(), "--username", "alice", "--password-stdin");

        CliHarness.Result list = cli.run("pipeline", "list", "-v");

        assertEquals(0, list.code(), list.err());
        assertTrue(list.err().contains("[snapdeck] Connecting to " + zenml.url()), list.err());
        assertFalse(list.out().contains("[snapdeck]"), list.out());
    }
}
