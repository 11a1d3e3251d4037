package dev.snapdeck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

import dev.snapdeck.SnapdeckHome;
import dev.snapdeck.service.ConnectionProfile;
import dev.snapdeck.service.Connector;
import dev.snapdeck.service.ProfileStore;
import dev.snapdeck.service.SecretStores;
import dev.snapdeck.service.Workspace;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Where a command finds its connections, and how it opens one. */
final class Session {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    Connector connector() {
        return new Connector(profiles(), env.localServer(), reason -> Optional.empty());
    }

    /**
     * Opens the {@code --profile} connection, else the active one, else the in-process local
     * server when this build has one.
     */
    Workspace open() throws Exception {
        Connector connector = connector();
        Optional<ConnectionProfile> profile = chosenProfile(connector.profiles());
        if (profile.isPresent()) {
            verbose("Connecting to " + profile.get().url() + " (connection '"
                    + profile.get().name() + "')");
            return connector.connect(profile.get());
        }
        if (env.localServer() == null) {
            throw new CliFailure(ExitCode.AUTH, "Not signed in to any server: run "
                    + "'snapdeck login URL' first" + runningLocalServerHint() + ".");
        }
        verbose("No connection is active: starting the local server");
        return connector.connectLocal();
    }

    private Optional<ConnectionProfile> chosenProfile(ProfileStore store) {
        if (options.profile == null) {
            return store.active();
        }
        return Optional.of(store.find(options.profile).orElseThrow(() -> new CliFailure(
                ExitCode.AUTH, "There is no connection named '" + options.profile
                        + "'; see 'snapdeck login --help'.")));
    }

    /** Names the local server running on this data folder ({@code snapdeck server}), if any. */
    private String runningLocalServerHint() {
        Path file = home().server().resolve(ServerCommand.SERVER_FILE);
        try {
            String url = JSON.readTree(file.toFile()).path("url").asText("");
            return url.isEmpty() ? "" : " (a local server is running: 'snapdeck login " + url
                    + " --username admin')";
        } catch (IOException e) {
            return "";
        }
    }

    void verbose(String message) {
        if (options.verbose) {
            err.println("[snapdeck] " + message);
            err.flush();
        }
    }
}
