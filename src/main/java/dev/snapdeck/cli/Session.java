package dev.snapdeck.cli;

import java.io.PrintWriter;
import java.util.Optional;

import dev.snapdeck.SnapdeckHome;
import dev.snapdeck.api.UnauthorizedException;
import dev.snapdeck.server.DataFolderLock;
import dev.snapdeck.service.ConnectionProfile;
import dev.snapdeck.service.Connector;
import dev.snapdeck.service.LocalServerLauncher;
import dev.snapdeck.service.ProfileStore;
import dev.snapdeck.service.SecretStores;
import dev.snapdeck.service.Workspace;

/** Where a command finds its connections, and how it opens one. */
final class Session {

    private final CliEnvironment env;
    private final CommonOptions options;
    private final PrintWriter err;

    Session(CliEnvironment env, CommonOptions options, PrintWriter err) {
        this.env = env;
        this.options = options;
        this.err = err;
    }

    SnapdeckHome home() {
        return options.home != null ? new SnapdeckHome(options.home.toAbsolutePath()) : env.home();
    }

    ProfileStore profiles() {
        SnapdeckHome home = home();
        return new ProfileStore(home.profiles(), SecretStores.forHome(home));
    }

    /** Falls back to the local server running on the data folder, unless the environment gives one. */
    Connector connector() {
        LocalServerLauncher local = env.localServer() != null ? env.localServer()
                : new JoinedLocalServer(home().server());
        return new Connector(profiles(), local, reason -> Optional.empty());
    }

    /**
     * Opens the {@code --profile} connection, else the active one, else the local server of the
     * data folder.
     */
    Workspace open() throws Exception {
        Connector connector = connector();
        Optional<ConnectionProfile> profile = chosenProfile(connector.profiles());
        if (profile.isPresent()) {
            verbose("Connecting to " + profile.get().url() + " (connection '"
                    + profile.get().name() + "')");
            return connectTo(connector, profile.get());
        }
        verbose("No connection is active: using the local server");
        return connector.signInToLocal();
    }

    /**
     * How to find {@code workspace}'s server again if it comes back elsewhere: for the local
     * server of the data folder, used with no connection chosen, the folder says where it runs
     * now (it takes any free port when its own is taken); null for a chosen connection, whose
     * URL is what the user gave.
     */
    RunWatch.Reopen reopenerFor(Workspace workspace) {
        boolean dataFolderServer = options.profile == null
                && ConnectionProfile.LOCAL.equals(workspace.connection().profile())
                && profiles().active().isEmpty();
        if (!dataFolderServer) {
            return null;
        }
        return new RunWatch.Reopen() {
            @Override
            public Workspace open() throws Exception {
                return connector().signInToLocal();
            }

            @Override
            public boolean stillAt(String url) {
                return ServerFileProbe.stillAt(withoutTrailingSlash(url), home().server());
            }
        };
    }

    /**
     * Connects with the profile's secret; when the local server of this data folder rejects it
     * (a pasted token expired, the password changed), says how to get in without one.
     */
    private Workspace connectTo(Connector connector, ConnectionProfile profile) {
        try {
            return connector.connect(profile);
        } catch (UnauthorizedException e) {
            String local = runningLocalServerUrl();
            if (local.isEmpty() || !withoutTrailingSlash(profile.url()).equals(local)) {
                throw e;
            }
            throw new CliFailure(ExitCode.AUTH, "the local server rejected the credentials of '"
                    + profile.name() + "'; 'snapdeck login --local' uses it without them.");
        }
    }

    private Optional<ConnectionProfile> chosenProfile(ProfileStore store) {
        if (options.profile == null) {
            return store.active();
        }
        return Optional.of(store.find(options.profile).orElseThrow(() -> new CliFailure(
                ExitCode.AUTH, "There is no connection named '" + options.profile
                        + "'; see 'snapdeck login --help'.")));
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Where the local server of this data folder listens; empty when none runs. */
    private String runningLocalServerUrl() {
        return DataFolderLock.runningAt(home().server()).map(Object::toString).orElse("");
    }

    void verbose(String message) {
        if (options.verbose) {
            err.println("[snapdeck] " + message);
            err.flush();
        }
    }
}
