package dev.snapdeck;

/**
 * The one entry point of {@code snapdeck.jar}: with no arguments it opens the dashboard, with
 * arguments it is the command line.
 *
 * <p>This class must not touch JavaFX or SLF4J: the CLI never starts a toolkit, and the logging
 * configuration is chosen here, before the first logger exists (through {@link Logging}).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Logging.useDashboardConfiguration();
            Logging.configureInBackground();
            dev.snapdeck.ui.shell.DashboardLauncher.launch(args,
                    new InProcessLocalServer(SnapdeckHome.resolve().server()));
            // The dashboard has stopped its server; a library's non-daemon thread (dbus-java's,
            // see OsKeychain) must not keep the process alive after the window is gone.
            System.exit(0);
        } else {
            Logging.useCommandLineLevel(args);
            System.exit(dev.snapdeck.cli.SnapdeckCommand.execute(args));
        }
    }
}
