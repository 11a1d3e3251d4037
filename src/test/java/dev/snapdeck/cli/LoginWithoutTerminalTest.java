package dev.snapdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code snapdeck login} in a script or a pipe, where no one can be asked for a password: one line
 * that names {@code --password-stdin}. Nothing is sent, so no server is needed.
 */
@Timeout(30)
class LoginWithoutTerminalTest {

    private static final String URL = "http://127.0.0.1:8237";

    @TempDir
    Path home;

    @Test
    void pipedInputWithoutPasswordStdinSaysToUseIt() {
        CliHarness.Result login = new CliHarness(home).runWithInput("s3cret\n", "login", URL,
                "--username", "admin");

        assertEquals(ExitCode.USAGE, login.code());
        assertEquals("error: no terminal to ask for the password: pass it on standard input with "
                + "--password-stdin (and --username NAME), or use --api-key-stdin, --token-stdin "
                + "or, for the local server of your data folder, --local.", login.err().stripTrailing());
    }

    @Test
    void pipedInputWithoutAUserNameSaysTheSame() {
        CliHarness.Result login = new CliHarness(home).runWithInput("s3cret\n", "login", URL);

        assertEquals(ExitCode.USAGE, login.code());
        assertEquals(List.of("error: " + LoginCommand.NO_TERMINAL), login.errLines());
    }

    @Test
    void passwordStdinWithoutAUserNameAsksForOne() {
        CliHarness.Result login = new CliHarness(home).runWithInput("s3cret\n", "login", URL,
                "--password-stdin");

        assertEquals(ExitCode.USAGE, login.code());
        assertEquals(List.of("error: --password-stdin needs --username NAME."), login.errLines());
    }
}
