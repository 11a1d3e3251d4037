package dev.snapdeck.ui.runs;

import java.util.List;
import java.util.Objects;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.api.Page;
import dev.snapdeck.api.Pipeline;
import dev.snapdeck.api.PipelineQuery;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.RunQuery;
import dev.snapdeck.api.Snapshot;
import dev.snapdeck.api.SnapshotQuery;
import dev.snapdeck.service.Task;
import dev.snapdeck.service.Workspace;
import dev.snapdeck.ui.paging.LivePage;
import dev.snapdeck.ui.paging.ServerPager;
import dev.snapdeck.ui.shell.AppContext;
import dev.snapdeck.ui.shell.Problems;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Runs screen: one server-side page of runs, newest first, filtered by status, pipeline,
 * snapshot and a name search. While the screen is shown the page stays fresh (see
 * {@link LivePage}): it is fetched again every two seconds while a run on it is active.
 *
 * <p>Paging never skips or repeats rows: the first page is live, and later pages only show runs
 * created up to the newest run the first page showed, so runs started meanwhile do not push rows
 * from one page onto the next.
 */
public final class RunsViewModel {

    static final int PAGE_SIZE = 50;
    /** The statuses the status filter offers; null stands for all. */
    public static final List<ExecutionStatus> STATUSES = List.of(ExecutionStatus.RUNNING,
            ExecutionStatus.QUEUED, ExecutionStatus.INITIALIZING, ExecutionStatus.COMPLETED,
            ExecutionStatus.FAILED, ExecutionStatus.STOPPED, ExecutionStatus.CACHED);

    private static final Logger LOG = LoggerFactory.getLogger(RunsViewModel.class);

    private final AppContext context;
    private final ServerPager<PipelineRun> pager;
    private final LivePage<PipelineRun> livePage;
    private final ObservableList<PipelineRun> runs = FXCollections.observableArrayList();
    private final ObservableList<Pipeline> pipelines = FXCollections.observableArrayList();
    private final ObservableList<Snapshot> snapshots = FXCollections.observableArrayList();
    private final ObjectProperty<ExecutionStatus> statusFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Pipeline> pipelineFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Snapshot> snapshotFilter = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private Task<Page<PipelineRun>> loading;

    public RunsViewModel(AppContext context) {
        this(context, PAGE_SIZE);
    }

    /** With another page size (tests, and the 10,000-row benchmark). */
    public RunsViewModel(AppContext context, int pageSize) {
        this.context = Objects.requireNonNull(context, "context");
        pager = ServerPager.newestFirst(pageSize, PipelineRun::created, this::load)
                .describedAsRange("Runs", () -> "No runs");
        livePage = new LivePage<>(context.executor(), RunsViewModel::isActive);
        statusFilter.addListener((obs, old, now) -> refresh());
        pipelineFilter.addListener((obs, old, now) -> refresh());
        snapshotFilter.addListener((obs, old, now) -> refresh());
        context.workspace().addListener((obs, old, now) -> {
            pipelineFilter.set(null);
            snapshotFilter.set(null);
            refreshAll();
        });
    }

    public ObservableList<PipelineRun> getRuns() {
        return runs;
    }

    public ObservableList<Pipeline> getPipelines() {
        return pipelines;
    }

    public ObservableList<Snapshot> getSnapshots() {
        return snapshots;
    }

    public ObjectProperty<ExecutionStatus> statusFilterProperty() {
        return statusFilter;
    }

    public ObjectProperty<Pipeline> pipelineFilterProperty() {
        return pipelineFilter;
    }

    public ObjectProperty<Snapshot> snapshotFilterProperty() {
        return snapshotFilter;
    }

    /** Name search; applied by {@link #refresh()} (the view calls it on Enter or a pause). */
    public StringProperty searchProperty() {
        return search;
    }

    /** Where the table stands among all runs matching the filters; Back and Next go through it. */
    public ServerPager<PipelineRun> pager() {
        return pager;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True while the page is fetched again and again because a run on it is active. */
    public ReadOnlyBooleanProperty liveProperty() {
        return livePage.liveProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Reloads the filter choices and the first page. */
    public void refreshAll() {
        loadChoices();
        refresh();
    }

    /** Shows the first page again, with the current filters and search. */
    public void refresh() {
        pager.firstPage();
    }

    public void open(PipelineRun run) {
        if (run != null) {
            context.navigator().openRun(run.id());
        }
    }

    /** Stops fetching the page again while the screen is not shown. */
    public void pauseLiveUpdates() {
        livePage.pause();
    }

    /** Fetches the page at once and keeps it fresh again, as when the screen is shown again. */
    public void resumeLiveUpdates() {
        livePage.resume();
    }

    /** Stops fetching; call when the screen goes away. */
    public void dispose() {
        cancel();
    }

    LivePage<PipelineRun> livePage() {
        return livePage;
    }

    RunQuery query(int pageNumber) {
        RunQuery query = new RunQuery().sortBy("desc:created");
        if (statusFilter.get() != null) {
            query.status(statusFilter.get());
        }
        if (pipelineFilter.get() != null) {
            query.pipeline(pipelineFilter.get().id());
        }
        if (snapshotFilter.get() != null) {
            // TODO: runs started from a snapshot carry it as their source snapshot; the run a
            // snapshot was made from carries it as its own, and one query cannot ask for both.
            query.sourceSnapshot(snapshotFilter.get().id());
        }
        if (!search.get().isBlank()) {
            query.nameContains(search.get().trim());
        }
        return pager.pageQuery(query, pageNumber);
    }

    private void load(int pageNumber) {
        Workspace workspace = context.workspace().get();
        cancel();
        if (workspace == null) {
            return;
        }
        RunQuery query = query(pageNumber);
        busy.set(true);
        loading = context.executor().submit(() -> workspace.runs(query))
                .onSuccess(result -> {
                    busy.set(false);
                    show(pageNumber, result);
                    livePage.follow(pageNumber, result.items(), () -> workspace.runs(query),
                            update -> show(pageNumber, update));
                })
                .onFailure(failure -> {
                    busy.set(false);
                    error.set(Problems.describe("Cannot list runs", failure));
                });
    }

    private void show(int pageNumber, Page<PipelineRun> result) {
        error.set("");
        pager.show(pageNumber, result);
        if (!runs.equals(result.items())) {
            // TODO: replacing the rows drops the table's selection when a poll brings changes;
            // keeping it needs a keyed merge of the rows, not done yet.
            runs.setAll(result.items());
        }
    }

    private static boolean isActive(PipelineRun run) {
        return run.status() != null && !run.status().isFinished();
    }

    private void loadChoices() {
        Workspace workspace = context.workspace().get();
        if (workspace == null) {
            return;
        }
        context.executor().submit(() -> workspace.pipelines(
                new PipelineQuery().sortBy("name").size(200)))
                .onSuccess(result -> pipelines.setAll(result.items()))
                .onFailure(failure -> LOG.debug("Cannot list pipelines for the filter", failure));
        context.executor().submit(() -> workspace.snapshots(
                new SnapshotQuery().namedOnly().sortBy("name").size(200)))
                .onSuccess(result -> snapshots.setAll(result.items()))
                .onFailure(failure -> LOG.debug("Cannot list snapshots for the filter", failure));
    }

    private void cancel() {
        if (loading != null) {
            loading.cancel();
        }
        livePage.stop();
    }
}
