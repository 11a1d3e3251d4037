package dev.snapdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.snapdeck.server.LocalServer;
import dev.snapdeck.server.ServerOptions;
import dev.snapdeck.service.ConnectionProfile;
import dev.snapdeck.service.ConnectionProfile.SignIn;
import dev.snapdeck.service.ProfileStore;
import dev.snapdeck.service.SecretStores;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user who started the local server (dashboard or {@code snapdeck server}) gets into it from
 * the command line without its generated password: with no saved connection active (what
 * {@code snapdeck login --local} makes so), commands use it with a token made from the folder.
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

    private ProfileStore profiles() {
        return new ProfileStore(cli.home().profiles(), SecretStores.forHome(cli.home()));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void withoutAConnectionCommandsUseTheRunningLocalServerAsItsAdmin() throws IOException {
        CliHarness.Result status = cli.run("status", "--output", "json");

        assertEquals(0, status.code(), status.err());
        JsonNode info = ZenmlFixtures.JSON.readTree(status.out());
        assertEquals("admin", info.path("user").asText(), status.out());
        assertEquals("local", info.path("connection").asText(), status.out());
    }

    @Test
    void commandsOnTheLocalServerLeaveItAsTheyFoundIt() throws IOException {
        cli.run("status");

        CliHarness.Result list = cli.run("pipeline", "snapshot", "list", "--output", "json");

        assertEquals(0, list.code(), list.err());
        JsonNode snapshots = ZenmlFixtures.JSON.readTree(list.out());
        assertEquals(0, snapshots.size(), "no example snapshot made behind a script's back: "
                + list.out());
    }

    @Test
    void loginLocalSwitchesFromASavedConnectionBackToTheLocalServer() {
        ProfileStore profiles = profiles();
        profiles.save(new ConnectionProfile("elsewhere", "http://127.0.0.1:9", SignIn.TOKEN, null),
                "a-token");
        profiles.activate("elsewhere");

        CliHarness.Result login = cli.run("login", "--local");

        assertEquals(0, login.code(), login.err());
        assertTrue(login.out().startsWith("Signed in to " + server.url() + "/ as admin"),
                login.out());
        assertTrue(profiles.active().isEmpty(), "no saved connection is active");
        assertEquals(0, cli.run("status").code());
    }

    @Test
    void aRejectedSavedSecretForTheLocalServerPointsAtLoginLocal() {
        ProfileStore profiles = profiles();
        profiles.save(new ConnectionProfile("mine", server.url().toString(), SignIn.TOKEN, null),
                "expired-token");
        profiles.activate("mine");

        CliHarness.Result status = cli.run("status");

        assertEquals(ExitCode.AUTH, status.code());
        assertEquals(List.of("error: the local server rejected the credentials of 'mine'; "
                + "'snapdeck login --local' uses it without them."), status.errLines());
    }

    @Test
    void withoutAConnectionOrARunningServerSaysHowToGetOne(@TempDir Path otherHome) {
        CliHarness.Result status = new CliHarness(otherHome).run("status");

        assertEquals(ExitCode.AUTH, status.code());
        assertEquals(List.of("error: Not signed in to any server, and no local server is running "
                + "on " + otherHome.resolve("server").toAbsolutePath() + ": run 'snapdeck login "
                + "URL', or start the local server with 'snapdeck server' or the dashboard."),
                status.errLines());
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
