package dev.snapdeck.ui.pipelines;

import java.util.ArrayList;
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

import dev.snapdeck.api.Page;
import dev.snapdeck.api.Pipeline;
import dev.snapdeck.api.PipelineQuery;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.RunQuery;
import dev.snapdeck.api.Snapshot;
import dev.snapdeck.api.SnapshotQuery;
import dev.snapdeck.service.Task;
import dev.snapdeck.service.Workspace;
import dev.snapdeck.ui.paging.ServerPager;
import dev.snapdeck.ui.shell.AppContext;
import dev.snapdeck.ui.shell.Problems;

/**
 * The Pipelines screen: a server-side page of pipelines, searched by name and sorted by the
 * server, each with its newest run and run count; the selected pipeline's runs and snapshots.
 */
public final class PipelinesViewModel {

    static final int PAGE_SIZE = 25;
    static final int DETAIL_SIZE = 20;

    /** The orders the server can sort pipelines in. */
    public enum Sort {
        NAME("asc:name"), NAME_DESCENDING("desc:name"), UPDATED("desc:updated"),
        UPDATED_OLDEST("asc:updated");

        private final String sortBy;

        Sort(String sortBy) {
            this.sortBy = sortBy;
        }

        public String sortBy() {
            return sortBy;
        }
    }

    /** What the table shows for a page. */
    record Loaded(Page<Pipeline> page, List<PipelineRow> rows) {
    }

    /** The selected pipeline's runs and snapshots. */
    record Detail(List<PipelineRun> runs, List<Snapshot> snapshots) {
    }

    private final AppContext context;
    private final ServerPager<Pipeline> pager;
    private final ObservableList<PipelineRow> pipelines = FXCollections.observableArrayList();
    private final ObservableList<PipelineRun> runs = FXCollections.observableArrayList();
    private final ObservableList<Snapshot> snapshots = FXCollections.observableArrayList();
    private final ObjectProperty<PipelineRow> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Sort> sort = new SimpleObjectProperty<>(Sort.UPDATED);
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private Task<Loaded> loading;
    private Task<Detail> loadingDetail;

    public PipelinesViewModel(AppContext context) {
        this(context, PAGE_SIZE);
    }

    PipelinesViewModel(AppContext context, int pageSize) {
        this.context = Objects.requireNonNull(context, "context");
        pager = ServerPager.<Pipeline>unanchored(pageSize, this::load)
                .describedAsRange("Pipelines", () -> "No pipelines");
        sort.addListener((obs, old, now) -> refresh());
        selected.addListener((obs, old, now) -> loadDetail(now));
        context.workspace().addListener((obs, old, now) -> refresh());
    }

    public ObservableList<PipelineRow> getPipelines() {
        return pipelines;
    }

    public ObservableList<PipelineRun> getRuns() {
        return runs;
    }

    public ObservableList<Snapshot> getSnapshots() {
        return snapshots;
    }

    public ObjectProperty<PipelineRow> selectedProperty() {
        return selected;
    }

    public ObjectProperty<Sort> sortProperty() {
        return sort;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** Where the table stands among the pipelines matching the search; Back and Next. */
    public ServerPager<Pipeline> pager() {
        return pager;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Shows the first page with the current search and order. */
    public void refresh() {
        pager.firstPage();
    }

    public void openRun(PipelineRun run) {
        if (run != null) {
            context.navigator().openRun(run.id());
        }
    }

    public void runSnapshot(Snapshot snapshot) {
        if (snapshot != null) {
            context.navigator().runSnapshot(snapshot.id());
        }
    }

    public void dispose() {
        cancel(loading);
        cancel(loadingDetail);
    }

    PipelineQuery query(int pageNumber) {
        PipelineQuery query = new PipelineQuery().sortBy(sort.get().sortBy());
        if (!search.get().isBlank()) {
            query.nameContains(search.get().trim());
        }
        return pager.pageQuery(query, pageNumber);
    }

    private void load(int pageNumber) {
        Workspace workspace = context.workspace().get();
        cancel(loading);
        if (workspace == null) {
            return;
        }
        PipelineQuery query = query(pageNumber);
        busy.set(true);
        loading = context.executor().submit(() -> fetch(workspace, query))
                .onSuccess(loaded -> {
                    busy.set(false);
                    error.set("");
                    show(pageNumber, loaded);
                })
                .onFailure(failure -> {
                    busy.set(false);
                    error.set(Problems.describe("Cannot list pipelines", failure));
                });
    }

    private static Loaded fetch(Workspace workspace, PipelineQuery query) {
        Page<Pipeline> result = workspace.pipelines(query);
        List<PipelineRow> rows = new ArrayList<>();
        for (Pipeline pipeline : result.items()) {
            // TODO: one request per pipeline for its newest run and run count; the ZenML API has
            // no run count on the pipeline itself. A page holds PAGE_SIZE pipelines at most.
            Page<PipelineRun> latest = workspace.runs(new RunQuery().pipeline(pipeline.id())
                    .sortBy("desc:created").size(1));
            rows.add(new PipelineRow(pipeline,
                    latest.items().isEmpty() ? null : latest.items().get(0), latest.total()));
        }
        return new Loaded(result, rows);
    }

    private void show(int pageNumber, Loaded loaded) {
        String selectedName = selected.get() == null ? null : selected.get().name();
        pager.show(pageNumber, loaded.page());
        pipelines.setAll(loaded.rows());
        selected.set(loaded.rows().stream().filter(row -> row.name().equals(selectedName))
                .findFirst().orElse(null));
    }

    private void loadDetail(PipelineRow row) {
        cancel(loadingDetail);
        Workspace workspace = context.workspace().get();
        if (row == null || workspace == null) {
            runs.clear();
            snapshots.clear();
            return;
        }
        Pipeline pipeline = row.pipeline();
        loadingDetail = context.executor().submit(() -> new Detail(
                workspace.runs(new RunQuery().pipeline(pipeline.id()).sortBy("desc:created")
                        .size(DETAIL_SIZE)).items(),
                workspace.snapshots(new SnapshotQuery().namedOnly()
                        .pipeline(pipeline.id().toString()).sortBy("desc:created")
                        .size(DETAIL_SIZE)).items()))
                .onSuccess(detail -> {
                    runs.setAll(detail.runs());
                    snapshots.setAll(detail.snapshots());
                })
                .onFailure(failure -> error.set(Problems.describe(
                        "Cannot load the runs and snapshots of " + pipeline.name(), failure)));
    }

    private static void cancel(Task<?> task) {
        if (task != null) {
            task.cancel();
        }
    }
}
