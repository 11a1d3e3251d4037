package dev.snapdeck.service;

/**
 * Starts Snapdeck's local server inside this process. The service layer may not know the server
 * package, so the application's entry point supplies the implementation.
 */
@FunctionalInterface
public interface LocalServerLauncher {

    /**
     * Starts the server on loopback (or returns the one this process already runs).
     *
     * @throws Exception when it cannot start (data folder unwritable, port taken...), with a
     *     message for the user
     */
    RunningLocalServer start() throws Exception;

    /**
     * Stops the server this launcher started in this process, if it did: called when the
     * application ends, so the port and the data folder are free again. A server another process
     * runs is left running.
     */
    default void stop() {
    }

    /** Whether {@link #stop()} would stop a server running now (this process started it). */
    default boolean stopsARunningServer() {
        return false;
    }

    /** A local server running in this process. */
    interface RunningLocalServer extends AutoCloseable {

        /** Its base URL, e.g. {@code http://127.0.0.1:8237}. */
        String url();

        /**
         * A fresh token for the local admin, minted in-process: the dashboard signs in to its own
         * server without knowing the admin password.
         */
        String issueAdminToken();

        /** Stops it if this process started it; never fails. */
        @Override
        void close();
    }
}
