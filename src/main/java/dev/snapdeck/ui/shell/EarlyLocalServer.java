package dev.snapdeck.ui.shell;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import dev.snapdeck.service.LocalServerLauncher;

/**
 * Starts the local server while JavaFX starts, instead of after the window shows: the first
 * {@link #start()} waits for that early start; later ones ask the real launcher again (which
 * returns the running server or starts a new one).
 */
final class EarlyLocalServer implements LocalServerLauncher {

    private final LocalServerLauncher launcher;
    private final FutureTask<RunningLocalServer> early;
    private boolean used;

    EarlyLocalServer(LocalServerLauncher launcher) {
        this.launcher = launcher;
        this.early = new FutureTask<>(launcher::start);
        // Before launch there is no executor yet; this one thread ends when the server is up.
        Thread starter = new Thread(early, "snapdeck-local-server-start");
        starter.setDaemon(true);
        starter.start();
    }

    @Override
    public synchronized RunningLocalServer start() throws Exception {
        if (used) {
            return launcher.start();
        }
        used = true;
        try {
            return early.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception) {
                throw (Exception) e.getCause();
            }
            throw e;
        }
    }

    /** Waits for a start still under way, so a server that comes up after this is not left running. */
    @Override
    public void stop() {
        try {
            early.get();
        } catch (ExecutionException e) {
            // It never started; the dashboard has reported why.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        launcher.stop();
    }
}
