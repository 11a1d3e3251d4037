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
    private static final String START_HINT = "'snapdeck server' or by opening the dashboard";

    private final Path dataDir;

    JoinedLocalServer(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * Finds the server the data folder names and checks that it is the folder's own server and
     * answers; each admin token is then made from the folder when asked for.
     *
     * @throws CliFailure exit code 3 (not signed in) when the folder names no server, 4 when no
     *     server holds the folder, or the one its {@code server.json} names is not that server
     *     or does not answer within seconds
     */
    @Override
    public LocalServerLauncher.RunningLocalServer start() {
        String url = advertisedUrl();
        ServerFileProbe.check(url, dataDir, START_HINT);
        return new Joined(url);
    }

    private String advertisedUrl() {
        try {
            return LocalAdminToken.advertisedUrl(dataDir, START_HINT);
        } catch (CliFailure e) {
            throw new CliFailure(ExitCode.AUTH, "Not signed in to any server, and no local server "
                    + "is running on " + dataDir.toAbsolutePath() + ": run 'snapdeck login URL', "
                    + "or start the local server with 'snapdeck server' or the dashboard.");
        }
    }

    /** The folder's server as found; tokens after the first check it again. */
    private final class Joined implements LocalServerLauncher.RunningLocalServer {

        private final String url;
        private boolean justChecked = true;

        Joined(String url) {
            this.url = url;
        }

        @Override
        public String url() {
            return url;
        }

        /**
         * A token asked for later in the command follows a refused one: the server may have
         * stopped since, and something else may listen at its address now.
         */
        @Override
        public synchronized String issueAdminToken() {
            if (!justChecked) {
                ServerFileProbe.check(url, dataDir, START_HINT);
            }
            justChecked = false;
            return LocalAdminToken.token(dataDir, TOKEN_LIFETIME);
        }

        @Override
        public void close() {
            // Not ours to stop.
        }
    }
}
