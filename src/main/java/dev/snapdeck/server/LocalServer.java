package dev.snapdeck.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.snapdeck.server.auth.AuthService;
import dev.snapdeck.server.http.Api;
import dev.snapdeck.server.http.Views;
import dev.snapdeck.server.pipeline.Examples;
import dev.snapdeck.server.runs.RunService;
import dev.snapdeck.server.store.Store;
import dev.snapdeck.server.store.Times;

import io.javalin.Javalin;

/**
 * Snapdeck's local server: ZenML's REST API on SQLite, running pipeline snapshots as local
 * processes. Prints nothing; logs through SLF4J.
 */
public final class LocalServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalServer.class);

    private final Javalin app;
    private final Store store;
    private final RunService runs;
    private final AuthService auth;
    private final DataFolderLock lock;
    private final String host;
    private final Optional<String> generatedAdminPassword;

    private LocalServer(Javalin app, Store store, RunService runs, AuthService auth,
            DataFolderLock lock, String host, Optional<String> password) {
        this.app = app;
        this.store = store;
        this.runs = runs;
        this.auth = auth;
        this.lock = lock;
        this.host = host;
        this.generatedAdminPassword = password;
    }

    /**
     * Opens the store (migrating it), reconciles runs a killed server left behind, creates the
     * admin and the default project at first start, seeds the pipelines folder and starts serving.
     *
     * @throws DataFolderLock.AlreadyRunningException when another server uses the data folder
     * @throws PortInUseException when the port is taken (checked before the store opens)
     * @throws IOException when the data or pipelines folder cannot be prepared
     * @throws SQLException when the database cannot be opened or migrated
     */
    public static LocalServer start(ServerOptions options) throws IOException, SQLException {
        Path dataDir = options.dataDir().toAbsolutePath();
        DataFolderLock lock = DataFolderLock.acquire(dataDir);
        Store store;
        try {
            PortInUseException.checkFree(options.host(), options.port());
            store = Store.open(dataDir);
        } catch (IOException | SQLException | RuntimeException e) {
            lock.close();
            throw e;
        }
        try {
            Examples.seed(options.pipelinesDir());
            String projectId = ensureDefaultProject(store);
            AuthService auth = new AuthService(store, options.tokenLifetime());
            Optional<String> password = auth.ensureAdmin(projectId, options.adminPassword());
            int forgotten = auth.forgetLocalTokens();
            if (forgotten > 0) {
                LOG.info("Forgot {} handed out through the data folder to earlier runs of this "
                        + "server", forgotten == 1 ? "1 token" : forgotten + " tokens");
            }
            RunService runs = new RunService(store, dataDir, options.maxParallelSteps());
            int reconciled = runs.reconcile();
            if (reconciled > 0) {
                LOG.warn("{} in progress when the server last stopped; marked failed",
                        reconciled == 1 ? "1 run was" : reconciled + " runs were");
            }
            Views views = new Views(projectId, Times.wire(Times.now()));
            Api api = new Api(store, auth, runs, views, projectId, options.pipelinesDir(), serverId(store));
            Javalin app = api.create(options.host()).start(options.host(), options.port());
            LOG.info("Snapdeck local server listening on {}:{}", options.host(), app.port());
            LocalServer server = new LocalServer(app, store, runs, auth, lock, options.host(),
                    password);
            lock.advertise(server.url());
            return server;
        } catch (IOException | RuntimeException e) {
            store.close();
            lock.close();
            throw e;
        }
    }

    private static String ensureDefaultProject(Store store) {
        return store.transaction(tx -> {
            Optional<Map<String, Object>> existing = tx.one("SELECT id FROM projects WHERE name = 'default'");
            if (existing.isPresent()) {
                return (String) existing.get().get("id");
            }
            String id = UUID.randomUUID().toString();
            String now = Times.now();
            tx.update("INSERT INTO projects (id, name, display_name, description, created, updated) "
                    + "VALUES (?, 'default', 'Default', 'The default project.', ?, ?)", id, now, now);
            return id;
        });
    }

    private static String serverId(Store store) {
        return store.transaction(tx -> {
            Optional<Map<String, Object>> existing = tx.one("SELECT value FROM server_settings WHERE key = 'id'");
            if (existing.isPresent()) {
                return (String) existing.get().get("value");
            }
            String id = UUID.randomUUID().toString();
            tx.update("INSERT INTO server_settings (key, value) VALUES ('id', ?)", id);
            return id;
        });
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8237}. */
    public URI url() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + shownHost + ":" + port());
    }

    public int port() {
        return app.port();
    }

    /** The admin password generated at this first start (to print once); empty otherwise. */
    public Optional<String> generatedAdminPassword() {
        return generatedAdminPassword;
    }

    /**
     * A fresh token for the admin user, minted in this process without the admin password: how
     * the dashboard signs in to the server it started. Good until this server stops; the next
     * start on the folder forgets it.
     */
    public String issueAdminToken() {
        return auth.issueLocal(AuthService.ADMIN);
    }

    /**
     * Same as {@link #issueAdminToken()} for a server that another process runs on
     * {@code dataDir}: the token is written straight into its database, which only someone who
     * can read and write that folder can do.
     */
    public static String issueAdminToken(Path dataDir, java.time.Duration lifetime)
            throws IOException, SQLException {
        try (Store store = Store.open(dataDir.toAbsolutePath())) {
            return new AuthService(store, lifetime).issueLocal(AuthService.ADMIN);
        }
    }

    /** Stops serving, stops running steps (their runs are reconciled at the next start), closes the store. */
    @Override
    public void close() {
        // Unadvertised first: stopping frees the port, then waits for running steps (up to 30 s)
        // while the lock is still held.
        lock.withdraw();
        app.stop();
        runs.close();
        store.close();
        lock.close();
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
