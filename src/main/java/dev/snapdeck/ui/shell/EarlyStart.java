package dev.snapdeck.ui.shell;

import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.snapdeck.SnapdeckHome;
import dev.snapdeck.service.Connector;
import dev.snapdeck.service.LocalServerLauncher;
import dev.snapdeck.service.ProfileStore;
import dev.snapdeck.service.Workspace;

/**
 * What the dashboard can do before its window exists, done on a thread of its own while JavaFX
 * starts: when no connection profile is active, start the local server and sign in to it. The
 * window then only waits for whatever of this is not finished yet, instead of starting it after
 * the window shows.
 *
 * <p>As a {@link LocalServerLauncher}, the first {@link #start()} answers the server started here;
 * later ones, and any after a failed early start, ask the real launcher again (which answers the
 * running server or starts a new one).
 * The connection made here is handed out once ({@link #takeConnection()}); a reconnect signs in
 * anew.
 */
final class EarlyStart implements LocalServerLauncher {

    private final LocalServerLauncher launcher;
    private final FutureTask<RunningLocalServer> server;
    private final FutureTask<Workspace> connection;
    private final AtomicBoolean serverTaken = new AtomicBoolean();
    private final AtomicBoolean connectionTaken = new AtomicBoolean();

    /**
     * Starts at once. The profiles of {@code home} are read on the new thread too (their JSON
     * reader is part of what a cold start pays for); nothing is started when one is active.
     */
    EarlyStart(LocalServerLauncher launcher, SnapdeckHome home) {
        this.launcher = launcher;
        FutureTask<ProfileStore> profiles = new FutureTask<>(() -> DashboardApp.profileStore(home));
        this.server = new FutureTask<>(() -> noActiveProfile(await(profiles))
                ? launcher.start() : null);
        // The local sign-in renews itself with a fresh admin token, so it never prompts.
        this.connection = new FutureTask<>(() -> await(server) == null ? null
                : new Connector(await(profiles), this, reason -> Optional.empty()).connectLocal());
        // There is no executor before launch; this one thread ends when all three are done.
        Thread starter = new Thread(() -> {
            profiles.run();
            server.run();
            connection.run();
        }, "snapdeck-early-start");
        starter.setDaemon(true);
        starter.start();
    }

    @Override
    public RunningLocalServer start() throws Exception {
        if (serverTaken.compareAndSet(false, true)) {
            try {
                RunningLocalServer early = server.get();
                if (early != null) {
                    return early;
                }
            } catch (ExecutionException e) {
                // Reported through takeConnection(); this is a new attempt.
            }
        }
        return launcher.start();
    }

    /**
     * The workspace signed in here, the first time it is asked for; afterwards, or when a profile
     * was active, empty. Waits for the sign-in if it is still under way.
     *
     * @throws Exception why the local server could not be started or signed in to
     */
    Optional<Workspace> takeConnection() throws Exception {
        if (!connectionTaken.compareAndSet(false, true)) {
            return Optional.empty();
        }
        return Optional.ofNullable(await(connection));
    }

    @Override
    public boolean stopsARunningServer() {
        return launcher.stopsARunningServer();
    }

    /**
     * Waits for a start still under way, so that a server coming up after this is not left
     * running, and closes a connection nobody took.
     */
    @Override
    public void stop() {
        try {
            Workspace unused = connection.get();
            if (unused != null && connectionTaken.compareAndSet(false, true)) {
                unused.close();
            }
        } catch (ExecutionException e) {
            // It never connected; the dashboard has reported why.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        launcher.stop();
    }

    /**
     * Whether the dashboard will use the local server: no profile is active, or the connections
     * file cannot be read (the window says so and uses the local server meanwhile).
     */
    private static boolean noActiveProfile(ProfileStore profiles) {
        try {
            return profiles.active().isEmpty();
        } catch (UncheckedIOException unreadable) {
            return true;
        }
    }

    private static <T> T await(FutureTask<T> task) throws Exception {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception) {
                throw (Exception) e.getCause();
            }
            throw e;
        }
    }
}
