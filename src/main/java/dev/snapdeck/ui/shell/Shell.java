package dev.snapdeck.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.service.Connector;
import dev.snapdeck.ui.connect.ConnectDialog;
import dev.snapdeck.ui.connect.ConnectViewModel;
import dev.snapdeck.ui.editor.RunSnapshotView;
import dev.snapdeck.ui.editor.RunSnapshotViewModel;
import dev.snapdeck.ui.pipelines.PipelinesView;
import dev.snapdeck.ui.pipelines.PipelinesViewModel;
import dev.snapdeck.ui.runs.RunDetailViewModel;
import dev.snapdeck.ui.runs.RunsView;
import dev.snapdeck.ui.runs.RunsViewModel;
import dev.snapdeck.ui.snapshots.NewSnapshotDialog;
import dev.snapdeck.ui.snapshots.NewSnapshotViewModel;
import dev.snapdeck.ui.snapshots.SnapshotsView;
import dev.snapdeck.ui.snapshots.SnapshotsViewModel;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Puts the dashboard together: the main view with its three screens, the connection session and
 * the FX {@link Navigator}. Screens are built when first shown and refreshed on F5, after a
 * reconnect, and (through their view-models) when the workspace changes; their live updates
 * pause while another screen is shown.
 */
public final class Shell implements Navigator {

    public static final String CONNECT_ID = "connectAction";

    private final Window owner;
    private final MainViewModel mainModel;
    private final Session session;
    private final AppContext context;
    private final Connector connector;
    private final MainView view;
    private final List<Stage> editorWindows = new ArrayList<>();
    private SnapshotsViewModel snapshotsModel;
    private PipelinesViewModel pipelinesModel;
    private RunsView runsView;
    private RunsViewModel runsModel;

    public Shell(Window owner, MainViewModel mainModel, BackgroundExecutor executor,
            Session session, DialogService dialogs, Connector connector) {
        this.owner = owner;
        this.mainModel = Objects.requireNonNull(mainModel, "mainModel");
        this.session = Objects.requireNonNull(session, "session");
        this.connector = connector;
        this.context = new AppContext(executor, session.workspaceProperty(), this, dialogs);
        Map<Screen, Supplier<Node>> screens = Map.of(Screen.SNAPSHOTS, this::snapshots,
                Screen.PIPELINES, this::pipelines, Screen.RUNS, this::runs);
        view = new MainView(mainModel, screens);
        if (connector != null) {
            Button connect = new Button("Connect…", new FontIcon(Feather.LINK));
            connect.setId(CONNECT_ID);
            connect.setOnAction(e -> showConnect());
            view.addSidebarAction(connect);
        }
        session.onRecovery(this::refreshAll);
        if (owner != null) {
            // Run Snapshot windows are not owned by the main window (see runSnapshot), so they
            // would outlive it; they close with it instead.
            owner.addEventHandler(WindowEvent.WINDOW_HIDING,
                    e -> List.copyOf(editorWindows).forEach(Stage::close));
        }
    }

    public MainView view() {
        return view;
    }

    public AppContext context() {
        return context;
    }

    /** The Runs screen, built if needed (for tests and the benchmark). */
    public RunsView runsView() {
        if (runsView == null) {
            mainModel.showScreen(Screen.RUNS);
        }
        return runsView;
    }

    /** Refreshes every screen built so far. */
    public void refreshAll() {
        if (snapshotsModel != null) {
            snapshotsModel.refresh();
        }
        if (pipelinesModel != null) {
            pipelinesModel.refresh();
        }
        if (runsView != null) {
            runsView.refresh();
        }
    }

    public void showConnect() {
        ConnectDialog dialog = new ConnectDialog(new ConnectViewModel(context.executor(),
                connector.profiles(), connector, session));
        dialog.initOwner(owner);
        dialog.showAndWait();
    }

    @Override
    public void showSnapshots() {
        mainModel.showScreen(Screen.SNAPSHOTS);
    }

    @Override
    public void showPipelines() {
        mainModel.showScreen(Screen.PIPELINES);
    }

    @Override
    public void showRuns() {
        mainModel.showScreen(Screen.RUNS);
    }

    @Override
    public void openRun(UUID runId) {
        showRuns();
        runsView.showDetail(new RunDetailViewModel(context, runId));
    }

    @Override
    public void runSnapshot(UUID snapshotId) {
        // Runs started from the editor are the user's own: they get a notification at the end.
        Navigator watching = new Navigator() {
            @Override
            public void showSnapshots() {
                Shell.this.showSnapshots();
            }

            @Override
            public void showPipelines() {
                Shell.this.showPipelines();
            }

            @Override
            public void showRuns() {
                Shell.this.showRuns();
            }

            @Override
            public void openRun(UUID runId) {
                session.watchRun(runId);
                Shell.this.openRun(runId);
                bringMainWindowToFront();
            }

            @Override
            public void runSnapshot(UUID id) {
                Shell.this.runSnapshot(id);
            }

            @Override
            public void newSnapshotFromRun(UUID runId) {
                Shell.this.newSnapshotFromRun(runId);
            }

            @Override
            public void newSnapshot() {
                Shell.this.newSnapshot();
            }
        };
        // No owner: an owned window stays above its owner on most desktops, and the run this
        // window starts is shown in the main window, which must then come in front of it.
        Stage stage = new Stage();
        // Its questions, errors and file choosers belong to it: owned by the main window, they
        // brought that window in front of this one, where the next keystrokes went.
        DialogService editorDialogs = new FxDialogService(stage);
        AppContext editorContext = new AppContext(context.executor(), context.workspace(),
                watching, editorDialogs);
        RunSnapshotView editor = new RunSnapshotView(new RunSnapshotViewModel(editorContext,
                snapshotId));
        stage.initModality(Modality.NONE);
        stage.setTitle("Run Snapshot — Snapdeck");
        Scene scene = new Scene(editor, 1100, 760);
        stage.setScene(scene);
        editorWindows.add(stage);
        stage.setOnCloseRequest(close -> {
            if (editor.viewModel().hasUnkeptEdits() && !editorDialogs.confirm(
                    "Close Run Snapshot", "Your changes to this configuration were not run or "
                            + "saved, and closing loses them. (Save YAML… keeps them in a file.)",
                    "Close and lose them")) {
                close.consume();
            }
        });
        // Escape closes the window as its close button does, asking first about unkept edits.
        // An Escape something inside used (a completion list, a menu) never gets this far.
        scene.addEventHandler(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.ESCAPE) {
                key.consume();
                stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            }
        });
        stage.setOnHidden(e -> {
            editorWindows.remove(stage);
            editor.dispose();
        });
        stage.show();
        editor.editor().requestFocus();
    }

    /** Whether an open Run Snapshot window holds edits neither run nor saved. */
    public boolean editorsHoldUnkeptEdits() {
        return editorWindows.stream().map(stage -> stage.getScene().getRoot())
                .filter(RunSnapshotView.class::isInstance).map(RunSnapshotView.class::cast)
                .anyMatch(editor -> editor.viewModel().hasUnkeptEdits());
    }

    /** The Run Snapshot windows open now, in the order they were opened; for tests. */
    List<Stage> editorWindows() {
        return List.copyOf(editorWindows);
    }

    private void bringMainWindowToFront() {
        if (owner instanceof Stage) {
            Stage main = (Stage) owner;
            main.setIconified(false);
            main.toFront();
            main.requestFocus();
        }
    }

    @Override
    public void newSnapshotFromRun(UUID runId) {
        showNewSnapshot(runId);
    }

    @Override
    public void newSnapshot() {
        showNewSnapshot(null);
    }

    private void showNewSnapshot(UUID runId) {
        NewSnapshotDialog dialog = new NewSnapshotDialog(new NewSnapshotViewModel(context, runId));
        dialog.initOwner(owner);
        // The dialog's view-model has already said "Snapshot … created."
        dialog.showAndWait().ifPresent(snapshot -> {
            showSnapshots();
            if (snapshotsModel != null) {
                snapshotsModel.showCreated(snapshot.id());
            }
        });
    }

    private Node snapshots() {
        snapshotsModel = new SnapshotsViewModel(context);
        mainModel.setRefreshHandler(Screen.SNAPSHOTS, snapshotsModel::refresh);
        mainModel.setShowHandlers(Screen.SNAPSHOTS, snapshotsModel::resumeLiveUpdates,
                snapshotsModel::pauseLiveUpdates);
        return new SnapshotsView(snapshotsModel);
    }

    private Node pipelines() {
        pipelinesModel = new PipelinesViewModel(context);
        mainModel.setRefreshHandler(Screen.PIPELINES, pipelinesModel::refresh);
        return new PipelinesView(pipelinesModel);
    }

    private Node runs() {
        runsModel = new RunsViewModel(context);
        runsView = new RunsView(runsModel);
        mainModel.setRefreshHandler(Screen.RUNS, runsView::refresh);
        mainModel.setShowHandlers(Screen.RUNS, runsView::resumeLiveUpdates,
                runsView::pauseLiveUpdates);
        return runsView;
    }
}
