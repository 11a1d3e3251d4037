package dev.snapdeck;

import java.io.IOException;
import java.util.Arrays;

import org.slf4j.LoggerFactory;

/**
 * Chooses the Logback configuration before any logger is created. The CLI and the headless
 * server log to the console ({@code logback.xml}); the dashboard has no console worth reading and
 * logs to a rolling file in the data folder ({@code logback-dashboard.xml}).
 */
public final class Logging {

    private static final String CONFIG_PROPERTY = "logback.configurationFile";
    private static final String LEVEL_PROPERTY = "snapdeck.log.level";
    private static volatile Thread reader;

    private Logging() {
    }

    /** Sends the dashboard's log to {@code <data folder>/logs/snapdeck.log}. */
    public static void useDashboardConfiguration() {
        if (System.getProperty(CONFIG_PROPERTY) != null) {
            return;
        }
        SnapdeckHome home = SnapdeckHome.resolve();
        System.setProperty("snapdeck.logs", home.logs().toString());
        System.setProperty(CONFIG_PROPERTY, "dev/snapdeck/logback-dashboard.xml");
        try {
            // Before any thread logs: Logback would make a missing data folder readable by all,
            // and it holds the connections (and, without a keychain, their secrets). Creating it
            // logs nothing, so logging still starts on its own thread, with this configuration.
            OwnerOnly.createFolder(home.root());
        } catch (IOException e) {
            // Logback's own error, and the dashboard's, say what is wrong with the folder.
        }
    }

    /**
     * Reads the chosen configuration on a thread of its own, for the dashboard: reading it takes a
     * cold JVM about 0.3 s, which JavaFX need not wait for. Loggers asked for meanwhile are
     * SLF4J's stand-ins, which pass on to the real ones once they exist (SLF4J says on standard
     * error if anything was logged in between and replayed).
     */
    public static void configureInBackground() {
        Thread started = new Thread(LoggerFactory::getILoggerFactory, "snapdeck-logging-setup");
        started.setDaemon(true);
        started.start();
        reader = started;
    }

    /**
     * Waits for {@link #configureInBackground()} to finish, if it was called: a thread about to
     * log (the local server starting) logs straight to the file then, instead of having SLF4J
     * hold its lines back and say on standard error that it replayed them.
     */
    public static void awaitConfiguration() {
        Thread started = reader;
        if (started == null) {
            return;
        }
        try {
            started.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Keeps the console quiet for CLI commands, whose results and one-line errors must not be
     * mixed with log lines: nothing is logged unless {@code -v}/{@code --verbose} is given (then
     * DEBUG, which includes each request). {@code snapdeck server} keeps INFO: its log is its
     * output. An explicit {@code -Dsnapdeck.log.level} wins.
     */
    public static void useCommandLineLevel(String[] args) {
        if (System.getProperty(LEVEL_PROPERTY) != null || args.length == 0
                || "server".equals(args[0])) {
            return;
        }
        boolean verbose = Arrays.asList(args).contains("-v")
                || Arrays.asList(args).contains("--verbose");
        System.setProperty(LEVEL_PROPERTY, verbose ? "DEBUG" : "OFF");
    }
}
