package dev.snapdeck;

/**
 * Chooses the Logback configuration before any logger is created. The CLI and the headless
 * server log to the console ({@code logback.xml}); the dashboard has no console worth reading and
 * logs to a rolling file in the data folder ({@code logback-dashboard.xml}).
 */
public final class Logging {

    private static final String CONFIG_PROPERTY = "logback.configurationFile";

    private Logging() {
    }

    /** Sends the dashboard's log to {@code <data folder>/logs/snapdeck.log}. */
    public static void useDashboardConfiguration() {
        if (System.getProperty(CONFIG_PROPERTY) != null) {
            return;
        }
        System.setProperty("snapdeck.logs", SnapdeckHome.resolve().logs().toString());
        System.setProperty(CONFIG_PROPERTY, "dev/snapdeck/logback-dashboard.xml");
    }
}
