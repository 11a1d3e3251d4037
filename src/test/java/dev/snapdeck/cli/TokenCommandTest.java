package dev.snapdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.snapdeck.server.LocalServer;
import dev.snapdeck.server.ServerOptions;
import dev.snapdeck.testing.RawApi;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code snapdeck token} against the real local server: the token it prints is accepted. */
@Timeout(60)
class TokenCommandTest {

    private static final String PASSWORD = "s3cret-admin";

    @TempDir
    Path data;

    @TempDir
    Path home;

    private LocalServer server;
    private CliHarness cli;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(System.getenv(TokenCommand.PASSWORD_VARIABLE) == null,
                "the password would come from the environment, not standard input");
        server = LocalServer.start(new ServerOptions(null, 0, data, null, () -> PASSWORD, null));
        cli = new CliHarness(home);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void printsATokenForTheLocalServerOfTheDataFolder() throws IOException {
        CliHarness.Result token = cli.runWithInput(PASSWORD + "\n", "token", "--data",
                data.toString(), "--password-stdin");

        assertEquals(0, token.code(), token.err());
        assertEquals("", token.err());
        assertEquals("admin", currentUser(token.out().strip()));
    }

    @Test
    void printsATokenForTheServerAtUrl() throws IOException {
        CliHarness.Result token = cli.runWithInput(PASSWORD + "\n", "token", "--url",
                server.url().toString());

        assertEquals(0, token.code(), token.err());
        assertEquals("admin", currentUser(token.out().strip()));
    }

    @Test
    void aWrongPasswordIsOneLineAndTheSignInExitCode() {
        CliHarness.Result token = cli.runWithInput("wrong\n", "token", "--data",
                data.toString(), "--password-stdin");

        assertEquals(ExitCode.AUTH, token.code());
        assertEquals("", token.out());
        assertEquals(1, token.errLines().size(), token.err());
        assertTrue(token.err().startsWith("error: the server rejected the credentials"),
                token.err());
    }

    @Test
    void aWrongPasswordFromTheEnvironmentEndsTheProcessWithTheSignInCode() throws Exception {
        ChildCli token = ChildCli.start(home, Map.of(TokenCommand.PASSWORD_VARIABLE, "wrong"),
                "token", "--data", data.toString());

        int code = token.waitFor();

        String err = token.err();
        assertEquals(ExitCode.AUTH, code, err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("error: the server rejected the credentials"), err);
    }

    @Test
    void aDataFolderWithoutARunningServerSaysHowToStartOne(@TempDir Path empty) {
        CliHarness.Result token = cli.runWithInput(PASSWORD + "\n", "token", "--data",
                empty.toString());

        assertEquals(ExitCode.UNREACHABLE, token.code());
        assertEquals(List.of("error: no local server is running on " + empty.toAbsolutePath()
                + " (it has no server.json); start one with 'snapdeck server' or pass --url."),
                token.errLines());
    }

    @Test
    void aServerThatIsNotThereIsTheUnreachableCode() {
        String url = server.url().toString();
        server.close();
        server = null;

        CliHarness.Result token = cli.runWithInput(PASSWORD + "\n", "token", "--url", url);

        assertEquals(ExitCode.UNREACHABLE, token.code());
        assertEquals(1, token.errLines().size(), token.err());
        assertTrue(token.err().startsWith("error: cannot reach the server"), token.err());
    }

    @Test
    void withoutAPasswordTheLocalServerGetsAnAdminTokenMadeFromItsDataFolder()
            throws IOException {
        CliHarness.Result token = cli.run("token", "--data", data.toString());

        assertEquals(0, token.code(), token.err());
        assertEquals("", token.err());
        assertEquals("admin", currentUser(token.out().strip()));
    }

    @Test
    void onlyTheAdminGetsATokenWithoutAPassword() {
        CliHarness.Result token = cli.run("token", "--data", data.toString(), "--username",
                "someone");

        assertEquals(ExitCode.USAGE, token.code());
        assertEquals(1, token.errLines().size(), token.err());
    }

    @Test
    void noPasswordForAServerAtUrlIsAUsageError() {
        CliHarness.Result token = cli.run("token", "--url", server.url().toString());

        assertEquals(ExitCode.USAGE, token.code());
        assertTrue(token.err().contains(TokenCommand.PASSWORD_VARIABLE), token.err());
    }

    /** Who the server says the token belongs to. */
    private String currentUser(String token) throws IOException {
        return RawApi.withToken(server.url(), token).ok("GET", "/api/v1/current-user", null)
                .path("name").asText();
    }
}
