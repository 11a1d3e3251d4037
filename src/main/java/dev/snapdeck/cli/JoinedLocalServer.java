package dev.snapdeck.cli;

import java.nio.file.Path;
import java.time.Duration;

import dev.snapdeck.service.LocalServerLauncher;

/**
 * The command line's local server: the one already running on the data folder (started by the
 * dashboard or {@code snapdeck server}), joined with an admin token made from the folder each time
 * a command connects. It never starts one: a command should not leave a server behind.
 */
final class JoinedLocalServer implements LocalServerLauncher {

    /** One command's worth, and then some. */
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    private final Path dataDir;

    JoinedLocalServer(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** @throws CliFailure exit code 3 (not signed in) when no local server runs there */
    @Override
    public LocalServerLauncher.RunningLocalServer start() {
        LocalAdminToken first = mint();
        return new LocalServerLauncher.RunningLocalServer() {
            @Override
            public String url() {
                return first.url();
            }

            @Override
            public String issueAdminToken() {
                return mint().token();
            }

            @Override
            public void close() {
                // Not ours to stop.
            }
        };
    }

    private LocalAdminToken mint() {
        try {
            return LocalAdminToken.mint(dataDir, TOKEN_LIFETIME, "'snapdeck server' or by opening "
                    + "the dashboard");
        } catch (CliFailure e) {
            if (e.exitCode() != ExitCode.UNREACHABLE) {
                throw e;
            }
            throw new CliFailure(ExitCode.AUTH, "Not signed in to any server, and no local server "
                    + "is running on " + dataDir.toAbsolutePath() + ": run 'snapdeck login URL', "
                    + "or start the local server with 'snapdeck server' or the dashboard.");
        }
    }
}
