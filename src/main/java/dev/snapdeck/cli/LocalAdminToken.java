package dev.snapdeck.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import dev.snapdeck.server.DataFolderLock;
import dev.snapdeck.server.LocalServer;
import dev.snapdeck.server.store.Store;

/**
 * The way into the local server of a data folder without its admin password, the same one the
 * dashboard takes: the server says where it listens in {@code server.json}, and an admin token is
 * written straight into its database. Whoever can write that folder owns the server's data anyway,
 * so this grants nothing that reading the folder would not.
 *
 * @param url   where the server listens
 * @param token a fresh admin token, valid for the lifetime asked for
 */
record LocalAdminToken(String url, String token) {

    /**
     * Finds the server running on {@code dataDir}, checks that it is the folder's own server and
     * answers, and only then mints an admin token for it.
     *
     * @param startHint what to tell the user when no server runs there (after "start one with")
     * @throws CliFailure exit code 4 when no server runs there, what listens where it says is not
     *     that server, or it does not answer within seconds; 3 when its database cannot be read
     *     or written (another user's folder)
     */
    static LocalAdminToken mint(Path dataDir, Duration lifetime, String startHint) {
        Path folder = dataDir.toAbsolutePath();
        String url = advertisedUrl(folder, startHint);
        ServerFileProbe.check(url, folder, startHint);
        return new LocalAdminToken(url, token(folder, lifetime));
    }

    /**
     * Where the folder's {@code server.json} says its server listens, unchecked.
     *
     * @throws CliFailure exit code 4 when the folder has no such file
     */
    static String advertisedUrl(Path dataDir, String startHint) {
        Path folder = dataDir.toAbsolutePath();
        return DataFolderLock.runningAt(folder).map(Object::toString)
                .orElseThrow(() -> new CliFailure(ExitCode.UNREACHABLE, "no local server is "
                        + "running on " + folder + " (it has no " + DataFolderLock.SERVER_FILE
                        + "); start one with " + startHint + "."));
    }

    /**
     * A fresh admin token written into the folder's database, for the server already found.
     *
     * @throws CliFailure exit code 3 when the database cannot be written
     */
    static String token(Path dataDir, Duration lifetime) {
        Path folder = dataDir.toAbsolutePath();
        try {
            return LocalServer.issueAdminToken(folder, lifetime);
        } catch (IOException | SQLException e) {
            throw cannotSignIn(folder, e);
        }
    }

    /**
     * The id the folder's server gives in {@code /api/v1/info}: the row {@code LocalServer}
     * writes into the database at its first start. Empty before any server started there.
     *
     * @throws CliFailure exit code 3 when the database cannot be read
     */
    static Optional<String> serverId(Path dataDir) {
        Path folder = dataDir.toAbsolutePath();
        try (Store store = Store.open(folder)) {
            return store.transaction(tx -> tx.one("SELECT value FROM server_settings "
                    + "WHERE key = 'id'")).map(row -> (String) row.get("value"));
        } catch (IOException | SQLException | Store.StoreException e) {
            throw cannotSignIn(folder, e);
        }
    }

    private static CliFailure cannotSignIn(Path folder, Exception e) {
        return new CliFailure(ExitCode.AUTH, "cannot sign in to the local server on " + folder
                + " without its password (" + e.getMessage() + ").");
    }
}
