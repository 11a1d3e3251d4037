package dev.snapdeck.service;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import dev.snapdeck.api.AuthPrompt;
import dev.snapdeck.api.Credentials;
import dev.snapdeck.api.ServerCapabilities;
import dev.snapdeck.api.ServerInfo;
import dev.snapdeck.api.SnapshotQuery;
import dev.snapdeck.api.User;
import dev.snapdeck.api.ZenmlClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a {@link Workspace}: signs in with a profile's credentials, learns what the server can
 * do, and who the user is. Connecting blocks (call it through {@link BackgroundExecutor}).
 */
public final class Connector {

    private static final Logger LOG = LoggerFactory.getLogger(Connector.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /** The pipeline folder the local server is seeded with, and the snapshot made of it. */
    static final String EXAMPLE_PIPELINE = "training_pipeline";
    static final String EXAMPLE_SNAPSHOT = "iris-training";

    private final ProfileStore profiles;
    private final LocalServerLauncher localServer;
    private final AuthPrompt authPrompt;

    /**
     * @param authPrompt asked for new credentials when a session expires and the profile's
     *     secret cannot renew it (a pasted token); may answer empty
     */
    public Connector(ProfileStore profiles, LocalServerLauncher localServer,
            AuthPrompt authPrompt) {
        this.profiles = profiles;
        this.localServer = localServer;
        this.authPrompt = Objects.requireNonNull(authPrompt, "authPrompt");
    }

    public ProfileStore profiles() {
        return profiles;
    }

    /** The active profile's server, or the local server when no profile is active. */
    public Workspace connectActive() throws Exception {
        Optional<ConnectionProfile> active = profiles.active();
        return active.isPresent() ? connect(active.get()) : connectLocal();
    }

    /**
     * Connects with the profile's stored secret.
     *
     * @throws IllegalStateException when no secret is stored for it
     * @throws dev.snapdeck.api.UnauthorizedException when the server rejects the credentials
     *     (after exactly one attempt)
     * @throws dev.snapdeck.api.ServerUnreachableException when nothing answers at its URL
     */
    public Workspace connect(ConnectionProfile profile) {
        String secret = profiles.secret(profile.name()).orElseThrow(() ->
                new IllegalStateException("No secret is stored for the connection '"
                        + profile.name() + "'. Sign in again."));
        return connect(profile, secret);
    }

    /** Connects with {@code secret} without storing anything; see {@link #connect(ConnectionProfile)}. */
    public Workspace connect(ConnectionProfile profile, String secret) {
        ZenmlClient client = ZenmlClient.builder(profile.url())
                .credentials(credentials(profile, secret))
                .authPrompt(authPrompt)
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .build();
        return open(client, profile.name(), () -> { });
    }

    /**
     * Logs in to the profile's server with {@code secret} and answers the access token, without
     * storing anything: what {@code snapdeck token} prints for scripts.
     *
     * @throws dev.snapdeck.api.UnauthorizedException when the server rejects the credentials
     * @throws dev.snapdeck.api.ServerUnreachableException when nothing answers at its URL
     */
    public static String accessToken(ConnectionProfile profile, String secret) {
        try (ZenmlClient client = ZenmlClient.builder(profile.url())
                .credentials(credentials(profile, secret))
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .build()) {
            return client.accessToken();
        }
    }

    /**
     * Starts (or reuses) the local server, signs in as its admin, and gives a new user the
     * example snapshot (see {@link #ensureExampleSnapshot}).
     */
    public Workspace connectLocal() throws Exception {
        Workspace workspace = signInToLocal();
        ensureExampleSnapshot(workspace);
        return workspace;
    }

    /**
     * Starts (or reuses) the local server and signs in as its admin, changing nothing there: for
     * the command line, where a script must not find snapshots it did not make.
     */
    public Workspace signInToLocal() throws Exception {
        LocalServerLauncher.RunningLocalServer server = localServer.start();
        ZenmlClient client = ZenmlClient.builder(server.url())
                .credentials(Credentials.token(server.issueAdminToken()))
                .authPrompt(reason -> Optional.of(Credentials.token(server.issueAdminToken())))
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .build();
        return open(client, ConnectionProfile.LOCAL, () -> { });
    }

    /**
     * On a local server with no named snapshot yet, freezes the bundled example pipeline so a new
     * user finds something ready to run. A failure here is logged, never fatal: the dashboard
     * still opens, just without the example.
     */
    static void ensureExampleSnapshot(Workspace workspace) {
        try {
            if (workspace.snapshots(new SnapshotQuery().namedOnly().size(1)).total() > 0) {
                return;
            }
            workspace.snapshotFromFolder(EXAMPLE_PIPELINE, EXAMPLE_SNAPSHOT,
                    "The bundled iris example, ready to run.", null, null, false);
            LOG.info("Created the example snapshot {}", EXAMPLE_SNAPSHOT);
        } catch (RuntimeException e) {
            LOG.warn("Could not create the example snapshot: {}", e.getMessage(), e);
        }
    }

    private static Workspace open(ZenmlClient client, String profile, AutoCloseable onClose) {
        try {
            ServerInfo info = client.info();
            client.login();
            User user = client.currentUser();
            ServerCapabilities capabilities = client.capabilities(info);
            LOG.info("Connected to {} ({} {}) as {}", client.serverUrl(), info.name(),
                    info.version(), user.name());
            // Local by what the server says, not by who started it: one reached through a profile
            // ('login --local', 'snapdeck server') is as local as the one this process runs.
            ConnectionInfo connection = new ConnectionInfo(profile, client.serverUrl().toString(),
                    info.snapdeckLocal(), info, capabilities, user);
            return new ZenmlWorkspace(client, connection, onClose);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    static Credentials credentials(ConnectionProfile profile, String secret) {
        switch (profile.signIn()) {
            case PASSWORD:
                return Credentials.password(profile.username(), secret);
            case API_KEY:
                return Credentials.apiKey(secret);
            case TOKEN:
                return Credentials.token(secret);
            default:
                throw new IllegalArgumentException("Unknown sign-in " + profile.signIn());
        }
    }
}
