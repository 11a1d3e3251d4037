package dev.snapdeck.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import dev.snapdeck.server.auth.AuthService;
import dev.snapdeck.service.ConnectionProfile;
import dev.snapdeck.service.ConnectionProfile.SignIn;
import dev.snapdeck.service.Connector;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code snapdeck token}: logs in to a server and prints a bearer token for scripts. */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = {"Log in and print an access token (for curl and scripts) on standard "
                + "output.",
            "The server is --url, else the local server running on the data folder. The "
                + "password is SNAPDECK_ADMIN_PASSWORD, else the first line of standard input "
                + "(with --password-stdin, or always with --url); --api-key uses SNAPDECK_API_KEY "
                + "instead.",
            "With none of these, the local server's admin token is made from its data folder, "
                + "as the dashboard does: no password is needed by the user who owns the folder."},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.PROBLEM_LINE, ExitCode.USAGE_LINE,
            ExitCode.AUTH_LINE, ExitCode.UNREACHABLE_LINE})
public final class TokenCommand implements Callable<Integer> {

    static final String PASSWORD_VARIABLE = "SNAPDECK_ADMIN_PASSWORD";
    static final String API_KEY_VARIABLE = "SNAPDECK_API_KEY";
    /** As long as a token from the server's own login, so scripts see one behaviour. */
    private static final Duration LOCAL_TOKEN_LIFETIME = Duration.ofHours(1);
    private static final String START_HINT = "'snapdeck server' or pass --url";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL",
            description = "Server URL (default: the local server of the data folder).")
    String url;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder of the local server (default: the server folder of "
                    + "SNAPDECK_HOME).")
    Path data;

    @Option(names = "--username", defaultValue = "admin", paramLabel = "NAME",
            description = "User name (default: ${DEFAULT-VALUE}).")
    String username;

    @Option(names = "--api-key",
            description = "Exchange the API key in " + API_KEY_VARIABLE + " instead of a "
                    + "password.")
    boolean apiKey;

    @Option(names = "--password-stdin",
            description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    private final CliEnvironment env;

    TokenCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        String token = mintsLocally() ? localAdminToken() : loggedInToken();

        PrintWriter out = spec.commandLine().getOut();
        out.println(token);
        out.flush();
        return ExitCode.OK;
    }

    /** No URL, API key or password given: the data folder is the way in. */
    private boolean mintsLocally() {
        return url == null && !apiKey && !passwordStdin && System.getenv(PASSWORD_VARIABLE) == null;
    }

    private String localAdminToken() {
        if (!AuthService.ADMIN.equals(username)) {
            throw new CliFailure(ExitCode.USAGE, "only the admin signs in without a password; "
                    + "give " + username + "'s password with --password-stdin or "
                    + PASSWORD_VARIABLE + ".");
        }
        return LocalAdminToken.mint(dataDir(), LOCAL_TOKEN_LIFETIME, START_HINT).token();
    }

    private String loggedInToken() throws IOException {
        String server = url != null ? LoginCommand.checkedUrl(url) : localServerUrl();
        ConnectionProfile profile = new ConnectionProfile("token", server,
                apiKey ? SignIn.API_KEY : SignIn.PASSWORD, apiKey ? null : username);
        return Connector.accessToken(profile, secret());
    }

    private Path dataDir() {
        return data != null ? data : env.home().server();
    }

    private String localServerUrl() {
        String found = LocalAdminToken.advertisedUrl(dataDir(), START_HINT);
        ServerFileProbe.check(found, dataDir(), START_HINT);
        return found;
    }

    private String secret() throws IOException {
        if (apiKey) {
            String key = System.getenv(API_KEY_VARIABLE);
            if (key == null || key.isBlank()) {
                throw new CliFailure(ExitCode.USAGE, "--api-key takes the key from the "
                        + "environment variable " + API_KEY_VARIABLE + ", which is not set.");
            }
            return key.strip();
        }
        String password = System.getenv(PASSWORD_VARIABLE);
        if (password != null) {
            return password;
        }
        String line = new BufferedReader(new InputStreamReader(env.stdin(),
                StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            throw new CliFailure(ExitCode.USAGE, "no password: set " + PASSWORD_VARIABLE
                    + " or pass it on the first line of standard input.");
        }
        return line;
    }
}
