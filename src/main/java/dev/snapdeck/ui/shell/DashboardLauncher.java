package dev.snapdeck.ui.shell;

import javafx.application.Application;

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
}
