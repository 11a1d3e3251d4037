package dev.snapdeck.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import dev.snapdeck.SnapdeckHome;
import dev.snapdeck.api.Snapshot;
import dev.snapdeck.api.SnapshotQuery;
import dev.snapdeck.service.ConnectionProfile;
import dev.snapdeck.service.FileSecretStore;
import dev.snapdeck.service.LocalServerLauncher;
import dev.snapdeck.service.ProfileStore;
import dev.snapdeck.service.Workspace;
import dev.snapdeck.testing.TestLocalServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The work the dashboard does while JavaFX starts, against a real local server. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EarlyStartTest {

    @TempDir
    Path folder;

    /** Counts how often the dashboard asks for the local server. */
    private static final class CountingLauncher implements LocalServerLauncher {
        private final LocalServerLauncher launcher;
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();

        CountingLauncher(LocalServerLauncher launcher) {
            this.launcher = launcher;
        }

        @Override
        public RunningLocalServer start() throws Exception {
            starts.incrementAndGet();
            return launcher.start();
        }

        @Override
        public void stop() {
            stops.incrementAndGet();
            launcher.stop();
        }
    }

    private SnapdeckHome home() {
        return new SnapdeckHome(folder.resolve("home"));
    }

    @Test
    void withNoProfileItSignsInToTheLocalServerAndPreparesTheExample() throws Exception {
        try (TestLocalServer server = new TestLocalServer(folder.resolve("server"))) {
            CountingLauncher launcher = new CountingLauncher(server);
            EarlyStart early = new EarlyStart(launcher, home());

            try (Workspace workspace = early.takeConnection().orElseThrow()) {

                assertEquals("admin", workspace.connection().user().name());
                assertTrue(workspace.connection().local());
                assertEquals(java.util.List.of("iris-training"),
                        workspace.snapshots(new SnapshotQuery().namedOnly()).items().stream()
                                .map(Snapshot::name).toList(),
                        "a new user finds the example ready when the window shows");
                assertTrue(early.takeConnection().isEmpty(), "the connection is handed out once");
                assertEquals(server.url(), early.start().url());
            }
            early.stop();
            assertEquals(1, launcher.stops.get());
        }
    }

    @Test
    void withAnActiveProfileItStartsNothing() throws Exception {
        ProfileStore profiles = new ProfileStore(home().profiles(),
                new FileSecretStore(home().secrets()));
        profiles.save(new ConnectionProfile("team", "http://127.0.0.1:9",
                ConnectionProfile.SignIn.TOKEN, null), null);
        profiles.activate("team");
        try (TestLocalServer server = new TestLocalServer(folder.resolve("server"))) {
            CountingLauncher launcher = new CountingLauncher(server);
            EarlyStart early = new EarlyStart(launcher, home());

            assertTrue(early.takeConnection().isEmpty());
            assertEquals(0, launcher.starts.get(), "the profile's server is used, not the local one");
            early.start();
            assertEquals(1, launcher.starts.get(), "asked for later, the local server starts then");
        }
    }

    @Test
    void anUnreadableConnectionsFileMeansTheLocalServerAndIsLeftAlone() throws Exception {
        java.nio.file.Files.createDirectories(home().root());
        java.nio.file.Files.writeString(home().profiles(), "{\"active\": \"team\", \"profiles\": [");
        try (TestLocalServer server = new TestLocalServer(folder.resolve("server"))) {
            EarlyStart early = new EarlyStart(server, home());

            try (Workspace workspace = early.takeConnection().orElseThrow()) {
                assertTrue(workspace.connection().local());
            }
            assertEquals("{\"active\": \"team\", \"profiles\": [",
                    java.nio.file.Files.readString(home().profiles()));
        }
    }

    @Test
    void aServerThatCannotStartIsReportedAndAskedForAgainLater() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        EarlyStart early = new EarlyStart(() -> {
            starts.incrementAndGet();
            throw new IllegalStateException("The data folder is locked");
        }, home());

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                early::takeConnection);

        assertEquals("The data folder is locked", failure.getMessage());
        assertThrows(IllegalStateException.class, early::start);
        assertEquals(2, starts.get(), "a later start (a reconnect) tries again");
    }
}
