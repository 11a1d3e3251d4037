package dev.snapdeck.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.ServerUnreachableException;
import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.ui.runs.RunsWorkspace;
import dev.snapdeck.ui.testing.Eventually;
import dev.snapdeck.ui.testing.FakeShell;

@Timeout(20)
class SessionTest {

    private final BannerModel banner = new BannerModel();
    private final StatusBarModel statusBar = new StatusBarModel();
    private final FakeShell dialogs = new FakeShell();
    private final RunsWorkspace workspace = new RunsWorkspace();
    private final Session session = new Session(BackgroundExecutor.sameThread(), banner,
            statusBar, dialogs, Duration.ofMillis(50));

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void showsTheConnectionInTheStatusBar() {
        session.connect("the local server", () -> workspace);

        assertSame(workspace, session.workspaceProperty().get());
        assertEquals(Session.displayUrl(workspace.connection().url()), statusBar.serverUrlProperty().get());
        assertEquals(workspace.connection().version(), statusBar.serverVersionProperty().get());
        assertEquals(workspace.connection().user().name(), statusBar.userProperty().get());
        assertTrue(statusBar.canRunSnapshotsProperty().get());
        assertFalse(banner.visibleProperty().get());
    }

    @Test
    void saysWhyConnectingFailedAndKeepsNoWorkspace() {
        session.connect("http://127.0.0.1:9", () -> {
            throw new ServerUnreachableException("GET /api/v1/info",
                    new java.net.ConnectException("Connection refused"));
        });

        assertNull(session.workspaceProperty().get());
        assertTrue(banner.visibleProperty().get());
        assertEquals(BannerModel.Severity.ERROR, banner.severityProperty().get());
        assertTrue(banner.messageProperty().get().startsWith("Cannot connect to http://127.0.0.1:9"));
        assertEquals(1, dialogs.errors.size());
    }

    @Test
    void showsTheBannerWhileTheServerIsAwayAndRefreshesWhenItIsBack() {
        AtomicInteger recoveries = new AtomicInteger();
        session.onRecovery(recoveries::incrementAndGet);
        session.connect("the local server", () -> workspace);

        workspace.down = true;
        Eventually.await("the banner", Duration.ofSeconds(5), banner.visibleProperty()::get);
        assertEquals("Cannot reach " + Session.displayUrl(workspace.connection().url())
                + " — reconnecting…",
                banner.messageProperty().get());
        assertTrue(dialogs.errors.isEmpty());

        workspace.down = false;
        Eventually.await("recovery", Duration.ofSeconds(5), () -> recoveries.get() == 1);
        assertFalse(banner.visibleProperty().get());
        assertTrue(session.reachableProperty().get());
    }

    @Test
    void notifiesTheDesktopWhenAWatchedRunEnds() {
        session.connect("the local server", () -> workspace);
        PipelineRun run = workspace.addRun(workspace.addPipeline("p"), "my-run",
                ExecutionStatus.COMPLETED);

        session.watchRun(run.id());

        Eventually.await("the notification", Duration.ofSeconds(5),
                () -> !dialogs.notifications.isEmpty());
        assertEquals("Run completed: my-run has completed.",
                dialogs.notifications.get(0));
    }
}
