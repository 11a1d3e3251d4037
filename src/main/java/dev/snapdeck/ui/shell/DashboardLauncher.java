package dev.snapdeck.ui.shell;

import javafx.application.Application;

import dev.snapdeck.SnapdeckHome;
import dev.snapdeck.service.LocalServerLauncher;

/**
 * Starts the JavaFX dashboard. Kept apart from {@link DashboardApp} so that the jar's main class
 * does not itself extend {@code Application}, which lets JavaFX run from the class path of a
 * single jar.
 */
public final class DashboardLauncher {

    private DashboardLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(DashboardApp.class, args);
    }

    /**
     * Launches the dashboard with the in-process local server it falls back to when no
     * connection profile is active (started early, while JavaFX starts).
     */
    public static void launch(String[] args, LocalServerLauncher localServer) {
        DashboardApp.startLocalServerEarly(localServer, SnapdeckHome.resolve());
        Application.launch(DashboardApp.class, args);
    }
}
