package dev.snapdeck.ui.shell;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import dev.snapdeck.api.PipelineQuery;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.service.ConnectionInfo;
import dev.snapdeck.service.Poller;
import dev.snapdeck.service.Workspace;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection the dashboard works on: connects off the JavaFX thread, feeds the status bar,
 * watches the server's health and, when it stops answering, shows the banner instead of a dialog
 * per request and tells the screens to refresh once it answers again. Also follows the runs the
 * user started, to tell them when each ends.
 */
public final class Session implements AutoCloseable {

    /** Said after why the connections file cannot be read, when the local server is used. */
    public static final String LOCAL_UNTIL_MENDED = "The local server is used until the file is "
            + "mended or removed.";
    static final Duration HEALTH_INTERVAL = Duration.ofSeconds(5);
    static final Duration RUN_WATCH_INTERVAL = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    private final BackgroundExecutor executor;
    private final BannerModel banner;
    private final StatusBarModel statusBar;
    private final DialogService dialogs;
    private final Duration healthInterval;
    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper connecting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper reachable = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final List<Runnable> recoveryListeners = new ArrayList<>();
    private final List<Poller<?>> runWatchers = new ArrayList<>();
    private Poller<Object> health;

    public Session(BackgroundExecutor executor, BannerModel banner, StatusBarModel statusBar,
            DialogService dialogs) {
        this(executor, banner, statusBar, dialogs, HEALTH_INTERVAL);
    }

    Session(BackgroundExecutor executor, BannerModel banner, StatusBarModel statusBar,
            DialogService dialogs, Duration healthInterval) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.banner = Objects.requireNonNull(banner, "banner");
        this.statusBar = Objects.requireNonNull(statusBar, "statusBar");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.healthInterval = healthInterval;
    }

    /** The connected workspace; null until the first connection succeeds. */
    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectingProperty() {
        return connecting.getReadOnlyProperty();
    }

    /** What is being connected to, for the progress indication. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** False while the server does not answer. */
    public ReadOnlyBooleanProperty reachableProperty() {
        return reachable.getReadOnlyProperty();
    }

    /** Runs on the FX thread each time the server answers again after it went away. */
    public void onRecovery(Runnable listener) {
        recoveryListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Opens a workspace with {@code open} off the FX thread and, when it succeeds, makes it the
     * current one (closing the previous). A failure leaves the previous connection in place and
     * says why in the banner and an error dialog.
     *
     * @param target what is connected to, in words ("the local server", a URL)
     */
    public void connect(String target, Callable<Workspace> open) {
        connect(target, open, null);
    }

    /**
     * As {@link #connect(String, Callable)}; once connected, the banner shows {@code warning}
     * (when not null), which connecting would otherwise have cleared.
     */
    public void connect(String target, Callable<Workspace> open, String warning) {
        connecting.set(true);
        progress.set("Connecting to " + target + "…");
        banner.show(BannerModel.Severity.INFO, progress.get());
        executor.submit(open)
                .onSuccess(opened -> {
                    use(opened);
                    if (warning != null) {
                        banner.show(BannerModel.Severity.WARNING, warning);
                    }
                })
                .onFailure(failure -> {
                    connecting.set(false);
                    progress.set("");
                    String message = Problems.describe("Cannot connect to " + target, failure);
                    LOG.error("{}", message, failure);
                    banner.show(BannerModel.Severity.ERROR, message);
                    dialogs.showError("Cannot connect", message, failure);
                });
    }

    /** Tells the user (desktop notification) when the run ends; for runs the user started. */
    public void watchRun(UUID runId) {
        Workspace current = workspace.get();
        if (current == null) {
            return;
        }
        Poller<PipelineRun> watcher = Poller.builder(executor, () -> current.run(runId))
                .every(RUN_WATCH_INTERVAL)
                .until(run -> run.status() != null && run.status().isFinished())
                .onUpdate(run -> {
                    if (run.status() != null && run.status().isFinished()) {
                        dialogs.notifyDesktop("Run " + run.status().raw(),
                                run.name() + " has " + describeEnd(run) + ".");
                    }
                })
                .build();
        runWatchers.add(watcher);
        watcher.start();
    }

    static String describeEnd(PipelineRun run) {
        if (run.status().isSuccess()) {
            return "completed";
        }
        return run.status().raw() + (run.statusReason() == null ? "" : ": " + run.statusReason());
    }

    @Override
    public void close() {
        stopHealth();
        runWatchers.forEach(Poller::stop);
        runWatchers.clear();
        Workspace current = workspace.get();
        workspace.set(null);
        if (current != null) {
            closeQuietly(current);
        }
    }

    private void use(Workspace opened) {
        Workspace previous = workspace.get();
        connecting.set(false);
        progress.set("");
        banner.hide();
        reachable.set(true);
        runWatchers.forEach(Poller::stop);
        runWatchers.clear();
        showInStatusBar(opened.connection());
        workspace.set(opened);
        if (previous != null) {
            closeQuietly(previous);
        }
        watchHealth(opened);
    }

    private void showInStatusBar(ConnectionInfo info) {
        statusBar.serverUrlProperty().set(displayUrl(info.url()));
        statusBar.serverVersionProperty().set(info.version() == null ? "" : info.version());
        statusBar.localProperty().set(info.local());
        statusBar.userProperty().set(info.user() == null ? "" : info.user().name());
        statusBar.canRunSnapshotsProperty().set(info.canRunSnapshots());
    }

    private void watchHealth(Workspace watched) {
        stopHealth();
        health = Poller.<Object>builder(executor, () -> watched.pipelines(
                        new PipelineQuery().size(1)))
                .every(healthInterval)
                .atMostEvery(healthInterval)
                .onUpdate(answer -> recovered())
                .onError(failure -> failed(watched, failure))
                .build()
                .start();
    }

    private void failed(Workspace watched, Throwable failure) {
        if (!Problems.isUnreachable(failure)) {
            LOG.debug("Health check got an answer that is not OK", failure);
            return;
        }
        if (reachable.get()) {
            LOG.warn("Cannot reach {}; reconnecting", watched.connection().url(), failure);
        }
        reachable.set(false);
        banner.show(BannerModel.Severity.WARNING,
                "Cannot reach " + displayUrl(watched.connection().url()) + " — reconnecting…");
    }

    private void recovered() {
        if (reachable.get()) {
            return;
        }
        LOG.info("The server answers again");
        reachable.set(true);
        banner.hide();
        recoveryListeners.forEach(Runnable::run);
    }

    private void stopHealth() {
        if (health != null) {
            health.stop();
            health = null;
        }
    }

    /** The URL as people write it: without the trailing slash of a root path. */
    static String displayUrl(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void closeQuietly(Workspace closing) {
        try {
            closing.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the previous connection failed", e);
        }
    }
}
