package dev.snapdeck.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import dev.snapdeck.service.ConnectionInfo;
import dev.snapdeck.service.ConnectionProfile;
import dev.snapdeck.service.ConnectionProfile.SignIn;
import dev.snapdeck.service.ProfileStore;
import dev.snapdeck.service.Workspace;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code snapdeck login URL}: signs in once, saves the connection and makes it the active one. */
@Command(
        name = "login",
        mixinStandardHelpOptions = true,
        description = {"Sign in to a ZenML or Snapdeck server and save the connection (shared "
                + "with the dashboard) as the active one.",
            "Without a *-stdin option the password is asked for at the terminal.",
            "--local switches to the local server of the data folder (started by the dashboard "
                + "or 'snapdeck server'), signed in as its admin without a password, as the "
                + "dashboard is."},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.PROBLEM_LINE, ExitCode.USAGE_LINE,
            ExitCode.AUTH_LINE, ExitCode.UNREACHABLE_LINE})
final class LoginCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "URL", description = "The server's "
            + "base URL, e.g. http://127.0.0.1:8237.")
    String url;

    @Option(names = "--local", description = "Instead of a URL: use the local server running on "
            + "the data folder, as its admin, with a token made from the folder for each command.")
    boolean local;

    @Option(names = "--name", paramLabel = "PROFILE",
            description = "Name for the saved connection (default: the server's host and port).")
    String name;

    @Option(names = "--username", paramLabel = "U", description = "The user to sign in as.")
    String username;

    @ArgGroup(exclusive = true)
    SecretSource source = new SecretSource();

    /** Where the secret comes from; at most one. */
    static final class SecretSource {
        @Option(names = "--password-stdin", description = "Read the password from standard input.")
        boolean password;

        @Option(names = "--api-key-stdin",
                description = "Read a service account's API key from standard input.")
        boolean apiKey;

        @Option(names = "--token-stdin",
                description = "Read an access token from standard input (used until it expires).")
        boolean token;
    }

    static final String NO_TERMINAL = "no terminal to ask for the password: pass it on standard "
            + "input with --password-stdin (and --username NAME), or use --api-key-stdin, "
            + "--token-stdin or, for the local server of your data folder, --local.";

    private final CliEnvironment env;

    LoginCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        Session session = new Session(env, common, spec.commandLine().getErr());
        if (local) {
            return useLocalServer(session);
        }
        if (url == null) {
            throw new CliFailure(ExitCode.USAGE, "give the server's URL, or --local for the "
                    + "local server of your data folder.");
        }
        String server = checkedUrl(url);
        SignIn signIn = signIn();
        String user = signIn == SignIn.PASSWORD ? username() : null;
        String secret = secret(signIn);
        ConnectionProfile profile = new ConnectionProfile(
                name != null ? name : defaultName(server), server, signIn, user);
        return signIn(session, profile, secret);
    }

    /**
     * Checks that the local server of the data folder lets us in, then makes no connection
     * active: commands (and the dashboard) use that server, each with a fresh token, and nothing
     * is saved that could outlive it.
     */
    private Integer useLocalServer(Session session) throws Exception {
        if (url != null || username != null || name != null || source.password || source.apiKey
                || source.token) {
            throw new CliFailure(ExitCode.USAGE, "--local takes no URL, name, user or secret: it "
                    + "signs in as the admin of the local server of the data folder.");
        }
        ConnectionInfo info;
        session.verbose("Signing in to the local server of " + session.home().server());
        try (Workspace workspace = session.connector().signInToLocal()) {
            info = workspace.connection();
        }
        session.profiles().deactivate();

        reportLocal(info);
        return ExitCode.OK;
    }

    private void reportLocal(ConnectionInfo info) {
        Output output = new Output(spec.commandLine().getOut(), common.output, env.clock());
        if (output.isJson()) {
            output.json(Output.record("profile", info.profile(), "url", info.url(),
                    "user", info.user().name(), "version", info.version(), "active", true));
        } else {
            output.line("Signed in to " + info.url() + " as " + info.user().name()
                    + " (server version " + info.version() + "). Commands now use the local "
                    + "server of your data folder; no password or secret is saved.");
        }
        spec.commandLine().getOut().flush();
    }

    private Integer signIn(Session session, ConnectionProfile profile, String secret) {
        String server = profile.url();
        ProfileStore profiles = session.profiles();
        ConnectionInfo info;
        session.verbose("Signing in to " + server);
        try (Workspace workspace = session.connector().connect(profile, secret)) {
            info = workspace.connection();
        }
        profiles.save(profile, secret);
        profiles.activate(profile.name());

        report(profile, info, profiles);
        return ExitCode.OK;
    }

    private void report(ConnectionProfile profile, ConnectionInfo info, ProfileStore profiles) {
        Output output = new Output(spec.commandLine().getOut(), common.output, env.clock());
        if (output.isJson()) {
            output.json(Output.record("profile", profile.name(), "url", info.url(),
                    "user", info.user().name(), "version", info.version(), "active", true));
        } else {
            output.line("Signed in to " + info.url() + " as " + info.user().name()
                    + " (server version " + info.version() + "). Connection '" + profile.name()
                    + "' is now active; its secret is kept in " + profiles.secrets().describe()
                    + ".");
        }
        spec.commandLine().getOut().flush();
    }

    private SignIn signIn() {
        if (source.apiKey) {
            return SignIn.API_KEY;
        }
        return source.token ? SignIn.TOKEN : SignIn.PASSWORD;
    }

    private String username() {
        if (username != null && !username.isBlank()) {
            return username;
        }
        if (source.password) {
            throw new CliFailure(ExitCode.USAGE, "--password-stdin needs --username NAME.");
        }
        if (!env.terminal().present()) {
            throw new CliFailure(ExitCode.USAGE, NO_TERMINAL);
        }
        return env.terminal().readLine("Username: ").map(String::strip)
                .filter(u -> !u.isEmpty())
                .orElseThrow(() -> new CliFailure(ExitCode.USAGE, "no username given."));
    }

    private String secret(SignIn signIn) throws IOException {
        String what = signIn == SignIn.PASSWORD ? "password"
                : signIn == SignIn.API_KEY ? "API key" : "token";
        String secret;
        if (source.password || source.apiKey || source.token) {
            secret = firstLineOfStdin();
        } else if (env.terminal().present()) {
            secret = env.terminal().readPassword(capitalized(what) + ": ").map(String::new)
                    .orElse("");
        } else {
            throw new CliFailure(ExitCode.USAGE, NO_TERMINAL);
        }
        if (secret.isEmpty()) {
            throw new CliFailure(ExitCode.USAGE, "the " + what + " is empty.");
        }
        return secret;
    }

    private String firstLineOfStdin() throws IOException {
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(env.stdin(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        return line == null ? "" : line.strip();
    }

    static String checkedUrl(String text) {
        try {
            URI uri = new URI(text.strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new URISyntaxException(text, "not an http(s) URL with a host");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new CliFailure(ExitCode.USAGE, "'" + text + "' is not a server URL; give one "
                    + "like http://127.0.0.1:8237.");
        }
    }

    static String defaultName(String url) {
        URI uri = URI.create(url);
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + "-" + uri.getPort();
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
