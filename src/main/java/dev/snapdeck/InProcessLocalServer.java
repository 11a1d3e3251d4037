package dev.snapdeck;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import dev.snapdeck.server.DataFolderLock;
import dev.snapdeck.server.LocalServer;
import dev.snapdeck.server.PortInUseException;
import dev.snapdeck.server.ServerOptions;
import dev.snapdeck.service.LocalServerLauncher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's way to its own server: starts the local server in this process on the user's
 * data folder, or, when a {@code snapdeck server} already runs on that folder, uses that one.
 * Either way it signs in as the local admin by minting a token in the folder's database, so the
 * user never types the generated admin password.
 */
public final class InProcessLocalServer implements LocalServerLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessLocalServer.class);
    /** The port a lone local server takes, so URLs in notes and scripts stay the same. */
    public static final int PREFERRED_PORT = 8237;
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private final Path dataDir;
    private final int port;
    private RunningLocalServer running;

    public InProcessLocalServer(Path dataDir) {
        this(dataDir, PREFERRED_PORT);
    }

    InProcessLocalServer(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    @Override
    public synchronized RunningLocalServer start() throws Exception {
        if (running == null) {
            Logging.awaitConfiguration();
            running = startOrJoin();
        }
        return running;
    }

    private RunningLocalServer startOrJoin() throws Exception {
        try {
            return new Owned(startOnPreferredPort(), this::forget);
        } catch (DataFolderLock.AlreadyRunningException e) {
            URI url = e.url().orElseThrow(() -> e);
            LOG.info("Using the local server that already runs on {}: {}", dataDir, url);
            return new Joined(url.toString(), dataDir);
        }
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    @Override
    public synchronized boolean stopsARunningServer() {
        return running instanceof Owned;
    }

    private synchronized void forget() {
        running = null;
    }

    private LocalServer startOnPreferredPort() throws Exception {
        try {
            return LocalServer.start(options(port));
        } catch (PortInUseException e) {
            // Expected when another program holds the port: not worth more than a note.
            LOG.info("Port {} is taken; the local server takes any free port", port);
            return LocalServer.start(options(0));
        }
    }

    private ServerOptions options(int serverPort) {
        return new ServerOptions(null, serverPort, dataDir, null, null, TOKEN_LIFETIME);
    }

    /**
     * A server this process started; closing it stops it (once), and a later start starts anew.
     * A process ended by a signal (Ctrl+C in the dashboard's terminal, a logout's SIGTERM) closes
     * it too, as closing the window does: running steps are stopped, not left running unseen.
     */
    private static final class Owned implements RunningLocalServer {
        private final LocalServer server;
        private final Runnable onClose;
        private final Thread onExit;
        private boolean closed;

        Owned(LocalServer server, Runnable onClose) {
            this.server = server;
            this.onClose = onClose;
            this.onExit = new Thread(this::close, "snapdeck-local-server-shutdown");
            Runtime.getRuntime().addShutdownHook(onExit);
        }

        @Override
        public String url() {
            return server.url().toString();
        }

        @Override
        public String issueAdminToken() {
            return server.issueAdminToken();
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                server.close();
                onClose.run();
                if (Thread.currentThread() != onExit) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(onExit);
                    } catch (IllegalStateException e) {
                        // The process is already ending; the hook will find it closed.
                    }
                }
            }
        }
    }

    /** A server another process runs on the same data folder; closing it leaves it running. */
    private static final class Joined implements RunningLocalServer {
        private final String url;
        private final Path dataDir;

        Joined(String url, Path dataDir) {
            this.url = url;
            this.dataDir = dataDir;
        }

        @Override
        public String url() {
            return url;
        }

        @Override
        public String issueAdminToken() {
            try {
                return LocalServer.issueAdminToken(dataDir, TOKEN_LIFETIME);
            } catch (IOException | java.sql.SQLException e) {
                throw new IllegalStateException("Cannot sign in to the local server on "
                        + dataDir + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            // Not ours to stop.
        }
    }
}
