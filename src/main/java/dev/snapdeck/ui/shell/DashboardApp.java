package dev.snapdeck.ui.shell;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import dev.snapdeck.SnapdeckHome;
import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.service.ConnectionProfile;
import dev.snapdeck.service.Connector;
import dev.snapdeck.service.LocalServerLauncher;
import dev.snapdeck.service.ProfileStore;
import dev.snapdeck.service.SecretStores;
import dev.snapdeck.service.Workspace;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's JavaFX application. It builds the one background executor, the profile store
 * and the connector, shows the window at once and connects off the JavaFX thread: to the active
 * profile, else to the local server, opening on Snapshots.
 *
 * <p>JavaFX constructs the application itself, so the local server launcher (which lives outside
 * the {@code ui} layer) is handed over with {@link #setLocalServerLauncher} before launch.
 */
public final class DashboardApp extends Application {

    static final String NO_LAUNCHER = "This build cannot start a local server. Use Connect… "
            + "to choose a ZenML or Snapdeck server.";
    private static final Logger LOG = LoggerFactory.getLogger(DashboardApp.class);
    private static final Duration CLOSE_QUESTION_LIMIT = Duration.ofSeconds(2);
    private static volatile LocalServerLauncher localServerLauncher;
    private static volatile SnapdeckHome homeOverride;
    private static volatile EarlyStart earlyStart;

    private final ShellPreferences preferences;
    private BackgroundExecutor executor;
    private Session session;
    private FxDialogService dialogs;
    private Shell shell;

    public DashboardApp() {
        this(ShellPreferences.forUser());
    }

    /** For tests, which must not overwrite the user's remembered window and theme. */
    DashboardApp(ShellPreferences preferences) {
        this.preferences = preferences;
    }

    /** The local server to start when no profile is active; call before launch. */
    public static void setLocalServerLauncher(LocalServerLauncher launcher) {
        localServerLauncher = launcher;
        earlyStart = null;
    }

    /**
     * The local server to use when no profile is active, started at once (in parallel with
     * JavaFX), and signed in to, when no profile is active in {@code home}; call before launch.
     */
    public static void startLocalServerEarly(LocalServerLauncher launcher, SnapdeckHome home) {
        EarlyStart early = new EarlyStart(launcher, home);
        earlyStart = early;
        localServerLauncher = early;
    }

    static ProfileStore profileStore(SnapdeckHome home) {
        return new ProfileStore(home.profiles(), SecretStores.forHome(home));
    }

    /** Where profiles and secrets live, instead of {@link SnapdeckHome#resolve()}; for tests. */
    static void setHome(SnapdeckHome home) {
        homeOverride = home;
    }

    @Override
    public void start(Stage stage) {
        executor = BackgroundExecutor.create(Platform::runLater);
        dialogs = new FxDialogService(stage);
        dialogs.installUncaughtExceptionHandler();
        SnapdeckHome home = homeOverride != null ? homeOverride : SnapdeckHome.resolve();
        ProfileStore profiles = profileStore(home);
        LocalServerLauncher launcher = localServerLauncher;
        Connector connector = new Connector(profiles, launcher != null ? launcher : () -> {
            throw new IllegalStateException(NO_LAUNCHER);
        }, new FxAuthPrompt(profiles::active));

        MainViewModel mainModel = new MainViewModel(preferences);
        session = new Session(executor, mainModel.banner(), mainModel.statusBar(), dialogs);
        shell = new Shell(stage, mainModel, executor, session, dialogs, connector);
        stage.setTitle("Snapdeck");
        stage.setScene(new Scene(shell.view(), 1200, 760));
        shell.view().rememberWindow(stage);
        stage.setOnCloseRequest(this::confirmClose);
        stage.show();
        connectAtStart(profiles, connector, launcher, mainModel);
        chooseSecretStoreWhenConnected(profiles);
    }

    /**
     * Choosing the secret store probes the keychain (D-Bus on Linux, a second of loading): done in
     * the background once the first connection is settled, so that it neither competes with the
     * start for the processor nor makes Connect… (which says where secrets are kept) wait.
     */
    private void chooseSecretStoreWhenConnected(ProfileStore profiles) {
        whenConnectingSettles(() -> executor.submit(profiles.secrets()::describe));
    }

    /** Runs {@code action} (on the JavaFX thread) once the connection under way has settled. */
    private void whenConnectingSettles(Runnable action) {
        ReadOnlyBooleanProperty connecting = session.connectingProperty();
        if (!connecting.get()) {
            action.run();
            return;
        }
        connecting.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> value, Boolean was, Boolean now) {
                if (!now) {
                    connecting.removeListener(this);
                    action.run();
                }
            }
        });
    }

    /**
     * Asks before closing loses edits in a Run Snapshot window, and before it stops runs still
     * going on the local server this window started. The
     * question to the server waits at most {@link #CLOSE_QUESTION_LIMIT}: a server that does not
     * answer by then does not keep the window open.
     */
    private void confirmClose(WindowEvent close) {
        if (shell.editorsHoldUnkeptEdits() && !dialogs.confirm("Close Snapdeck", "A Run Snapshot "
                + "window holds changes that were not run or saved, and closing Snapdeck loses "
                + "them. (Save YAML… there keeps them in a file.)", "Close and lose them")) {
            close.consume();
            return;
        }
        LocalServerLauncher launcher = localServerLauncher;
        Workspace current = workspace();
        boolean stopsWithWindow = launcher != null && launcher.stopsARunningServer()
                && current != null && current.connection().local();
        if (!stopsWithWindow) {
            return;
        }
        int going;
        try {
            going = CompletableFuture.supplyAsync(() -> CloseGuard.runsGoing(current))
                    .get(CLOSE_QUESTION_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Cannot tell whether runs are going; closing as asked", e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!CloseGuard.mayClose(going, dialogs)) {
            close.consume();
        }
    }

    private void connectAtStart(ProfileStore profiles, Connector connector,
            LocalServerLauncher launcher, MainViewModel mainModel) {
        Optional<ConnectionProfile> active;
        String unreadable = null;
        try {
            active = profiles.active();
        } catch (UncheckedIOException e) {
            // The file is left as it is, for the user to mend. Until then the local server is
            // there, and the banner says why it is the one in use.
            LOG.warn("Cannot read the saved connections; using the local server", e);
            active = Optional.empty();
            unreadable = e.getMessage() + ". " + Session.LOCAL_UNTIL_MENDED;
        }
        if (active.isPresent()) {
            ConnectionProfile profile = active.get();
            session.connect(profile.url(), () -> connector.connect(profile));
        } else if (launcher != null) {
            EarlyStart early = earlyStart;
            session.connect("the local server", () -> {
                Optional<Workspace> signedIn = early == null ? Optional.empty()
                        : early.takeConnection();
                return signedIn.isPresent() ? signedIn.get() : connector.connectLocal();
            }, unreadable);
        } else {
            LOG.warn("No local server launcher was given and no profile is active");
            mainModel.banner().show(BannerModel.Severity.WARNING, NO_LAUNCHER);
        }
    }

    /** The shell, once started; for tests. */
    Shell shell() {
        return shell;
    }

    Workspace workspace() {
        return session == null ? null : session.workspaceProperty().get();
    }

    @Override
    public void stop() {
        if (session != null) {
            session.close();
        }
        if (dialogs != null) {
            dialogs.close();
        }
        if (executor != null) {
            executor.close();
        }
        LocalServerLauncher launcher = localServerLauncher;
        if (launcher != null) {
            launcher.stop();
        }
    }
}
