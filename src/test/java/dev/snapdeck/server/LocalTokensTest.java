package dev.snapdeck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.snapdeck.testing.RawApi;

/**
 * A token handed out through the data folder, without credentials, belongs to one run of the
 * server: sent by mistake to a program that took a stopped server's port, it opens nothing once the
 * server is back. Tokens from a sign-in keep their hour.
 */
@Timeout(60)
class LocalTokensTest {

    @TempDir
    Path data;

    private LocalServer start() throws Exception {
        return LocalServer.start(new ServerOptions(null, 0, data, null, () -> "pw", null));
    }

    @Test
    void aTokenHandedOutThroughTheFolderEndsWithTheRunOfTheServerItWasFor() throws Exception {
        String fromTheFolder;
        String signedIn;
        try (LocalServer first = start()) {
            fromTheFolder = LocalServer.issueAdminToken(data, Duration.ofHours(1));
            RawApi api = RawApi.asAdmin(first.url(), "pw");
            signedIn = api.token();
            assertEquals(200, currentUser(api, fromTheFolder));
        }

        try (LocalServer second = start()) {
            RawApi api = RawApi.asAdmin(second.url(), "pw");

            assertEquals(401, currentUser(api, fromTheFolder));
            assertEquals(200, currentUser(api, signedIn));
            assertEquals(200, currentUser(api, second.issueAdminToken()));
        }
    }

    private static int currentUser(RawApi api, String bearer) throws Exception {
        return api.call("GET", "/api/v1/current-user", null, bearer).status();
    }
}
