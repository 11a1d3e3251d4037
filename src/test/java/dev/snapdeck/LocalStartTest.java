package dev.snapdeck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.snapdeck.api.Snapshot;
import dev.snapdeck.api.SnapshotQuery;
import dev.snapdeck.service.Connector;
import dev.snapdeck.service.FileSecretStore;
import dev.snapdeck.service.ProfileStore;
import dev.snapdeck.service.Workspace;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a new user gets with no server configured: the local server with a runnable example. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LocalStartTest {

    @TempDir
    Path home;

    private InProcessLocalServer launcher;

    @AfterEach
    void stopServer() throws Exception {
        launcher.start().close();
    }

    private Connector connector() {
        ProfileStore profiles = new ProfileStore(home.resolve("profiles.json"),
                new FileSecretStore(home.resolve("secrets.json")));
        launcher = new InProcessLocalServer(home.resolve("server"), 0);
        return new Connector(profiles, launcher, reason -> Optional.empty());
    }

    @Test
    void firstStartOffersTheExampleSnapshotReadyToRun() throws Exception {
        try (Workspace workspace = connector().connectActive()) {

            List<Snapshot> named = workspace.snapshots(new SnapshotQuery().namedOnly()).items();

            assertEquals(1, named.size());
            assertEquals("iris-training", named.get(0).name());
            assertTrue(named.get(0).runnable());
            assertTrue(workspace.connection().local());
            assertTrue(workspace.connection().canRunSnapshots());
        }
    }

    @Test
    void laterStartsDoNotAddTheExampleAgain() throws Exception {
        connector().connectActive().close();
        stopServer();

        try (Workspace workspace = connector().connectActive()) {

            assertEquals(1, workspace.snapshots(new SnapshotQuery().namedOnly()).total());
        }
    }
}
