package dev.snapdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import dev.snapdeck.server.LocalServer;
import dev.snapdeck.server.ServerOptions;
import dev.snapdeck.service.ConnectionProfile;
import dev.snapdeck.service.ConnectionProfile.SignIn;
import dev.snapdeck.service.ProfileStore;
import dev.snapdeck.service.SecretStores;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user who started the local server (dashboard or {@code snapdeck server}) gets into it from
 * the command line without its generated password: {@code snapdeck login --local}.
 */
@Timeout(60)
class LocalSignInTest {

    @TempDir
    Path home;

    private LocalServer server;
    private CliHarness cli;

    @BeforeEach
    void start() throws Exception {
        // A password nobody is told, as when the dashboard started the server.
        server = LocalServer.start(new ServerOptions(null, 0, home.resolve("server"), null, null,
                null));
        cli = new CliHarness(home);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void loginLocalSignsInAsTheAdminWithoutAPassword() {
        CliHarness.Result login = cli.run("login", "--local");
        CliHarness.Result status = cli.run("status", "--output", "json");

        assertEquals(0, login.code(), login.err());
        assertTrue(login.out().startsWith("Signed in to " + server.url() + "/ as admin"),
                login.out());
        assertEquals(0, status.code(), status.err());
        assertTrue(status.out().contains("\"user\" : \"admin\"")
                || status.out().contains("\"user\":\"admin\""), status.out());
    }

    @Test
    void withoutAConnectionTheErrorPointsAtLoginLocal() {
        CliHarness.Result status = cli.run("status");

        assertEquals(ExitCode.AUTH, status.code());
        assertEquals(List.of("error: Not signed in to any server: run 'snapdeck login URL' first "
                + "(a local server is running on " + server.url() + ": 'snapdeck login --local')."),
                status.errLines());
    }

    @Test
    void aRejectedSavedSecretForTheLocalServerSaysToLoginLocalAgain() {
        ProfileStore profiles = new ProfileStore(cli.home().profiles(),
                SecretStores.forHome(cli.home()));
        profiles.save(new ConnectionProfile("mine", server.url().toString(), SignIn.TOKEN, null),
                "expired-token");
        profiles.activate("mine");

        CliHarness.Result status = cli.run("status");

        assertEquals(ExitCode.AUTH, status.code());
        assertEquals(List.of("error: the local server rejected the credentials of 'mine' (a saved "
                + "token expires); sign in again with 'snapdeck login --local'."),
                status.errLines());
    }

    @Test
    void loginLocalWithoutARunningServerSaysHowToStartOne(@TempDir Path empty) {
        CliHarness.Result login = cli.run("login", "--local", "--data", empty.toString());

        assertEquals(ExitCode.UNREACHABLE, login.code());
        assertEquals(List.of("error: no local server is running on " + empty.toAbsolutePath()
                + " (it has no server.json); start one with 'snapdeck server' or by opening the "
                + "dashboard."), login.errLines());
    }

    @Test
    void loginLocalTakesNoSecret() {
        CliHarness.Result login = cli.runWithInput("pw\n", "login", "--local",
                "--password-stdin");

        assertEquals(ExitCode.USAGE, login.code());
        assertEquals(1, login.errLines().size(), login.err());
    }

    @Test
    void loginWithoutUrlOrLocalSaysWhichToGive() {
        CliHarness.Result login = cli.run("login");

        assertEquals(ExitCode.USAGE, login.code());
        assertEquals(List.of("error: give the server's URL, or --local for the local server of "
                + "your data folder."), login.errLines());
    }
}
