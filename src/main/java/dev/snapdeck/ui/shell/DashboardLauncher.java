package dev.snapdeck.ui.shell;

import java.util.logging.Logger;

import javafx.application.Application;

import dev.snapdeck.SnapdeckHome;
import dev.snapdeck.service.LocalServerLauncher;

/**
 * Starts the JavaFX dashboard. Kept apart from {@link DashboardApp} so that the jar's main class
 * does not itself extend {@code Application}, which lets JavaFX run from the class path of a
 * single jar.
 */
public final class DashboardLauncher {

    /** JavaFX's own logger, held so that the filter set on it outlives this class's use of it. */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private DashboardLauncher() {
    }

    public static void launch(String[] args) {
        dropClassPathWarning();
        Application.launch(DashboardApp.class, args);
    }

    /**
     * Launches the dashboard with the in-process local server it falls back to when no
     * connection profile is active (started early, while JavaFX starts).
     */
    public static void launch(String[] args, LocalServerLauncher localServer) {
        dropClassPathWarning();
        DashboardApp.startLocalServerEarly(localServer, SnapdeckHome.resolve());
        Application.launch(DashboardApp.class, args);
    }

    /**
     * JavaFX warns on every start that it was loaded from the class path rather than as modules.
     * That is how the single jar and {@code javafx:run} run it, on purpose, and it works; the
     * warning only alarmed people reading the terminal. That one record is dropped; every other
     * JavaFX warning still shows.
     */
    static void dropClassPathWarning() {
        JAVAFX_LOG.setFilter(record -> record.getMessage() == null
                || !record.getMessage().startsWith("Unsupported JavaFX configuration"));
    }
}
