package dev.snapdeck.ui.snapshots;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.snapdeck.api.ConflictException;
import dev.snapdeck.api.Pipeline;
import dev.snapdeck.api.PipelineQuery;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.RunQuery;
import dev.snapdeck.api.Snapshot;
import dev.snapdeck.service.Task;
import dev.snapdeck.service.Workspace;
import dev.snapdeck.ui.shell.AppContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The New Snapshot dialog: the seed's flow of naming a run's snapshot, either from a run given
 * up front or by choosing a pipeline and then one of its runs. A name already used in the
 * pipeline is offered to be taken over.
 *
 * <p>TODO: the local server can also make a snapshot from a pipeline folder (with an optional
 * configuration file) through its {@code x-snapdeck} extension, but the service layer's
 * {@code Workspace} on main has no call for it yet ({@code snapshotFromFolder} is being added on
 * the CLI's branch). Until it lands, this dialog offers only "from a run" rather than reaching the
 * server through a second client.
 */
public final class NewSnapshotViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(NewSnapshotViewModel.class);
    private static final int RUNS_SHOWN = 50;
    private static final int PIPELINES_SHOWN = 200;

    private final AppContext context;
    private final UUID givenRunId;
    private final ObservableList<Pipeline> pipelines = FXCollections.observableArrayList();
    private final ObservableList<PipelineRun> runs = FXCollections.observableArrayList();
    private final ObjectProperty<Pipeline> pipeline = new SimpleObjectProperty<>();
    private final ObjectProperty<PipelineRun> run = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty tags = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Snapshot> created = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canCreate;
    private final StringBinding nameProblem;
    private Task<?> loadingRuns;

    /** The dialog for a given run ({@code runId}), or with nothing chosen ({@code null}). */
    public NewSnapshotViewModel(AppContext context, UUID runId) {
        this.context = Objects.requireNonNull(context, "context");
        this.givenRunId = runId;
        nameProblem = Bindings.createStringBinding(() -> name.get().isBlank()
                ? "A name is required." : "", name);
        canCreate = run.isNotNull().and(name.isNotEmpty()).and(busy.not())
                .and(Bindings.createBooleanBinding(() -> !name.get().isBlank(), name));
        pipeline.addListener((obs, old, now) -> pipelineChosen(now));
    }

    // ---- state ---------------------------------------------------------------------------

    /** True when the run was given: the pipeline and run choosers are not shown. */
    public boolean fromGivenRun() {
        return givenRunId != null;
    }

    public ObservableList<Pipeline> getPipelines() {
        return pipelines;
    }

    public ObservableList<PipelineRun> getRuns() {
        return runs;
    }

    public ObjectProperty<Pipeline> pipelineProperty() {
        return pipeline;
    }

    public ObjectProperty<PipelineRun> runProperty() {
        return run;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** Tags as comma-separated words. */
    public StringProperty tagsProperty() {
        return tags;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What went wrong with the last attempt, for the dialog to show; empty when nothing. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "A name is required." while the name is blank. */
    public ObservableStringValue nameProblemProperty() {
        return nameProblem;
    }

    public ObservableBooleanValue canCreateProperty() {
        return canCreate;
    }

    /** The snapshot made; set once, when the dialog may close. */
    public ReadOnlyObjectProperty<Snapshot> createdProperty() {
        return created.getReadOnlyProperty();
    }

    // ---- intents -------------------------------------------------------------------------

    /** Loads the given run, or the pipelines to choose from. */
    public void start() {
        Workspace workspace = context.workspace().get();
        if (workspace == null) {
            error.set("Not connected to a server.");
            return;
        }
        busy.set(true);
        if (givenRunId != null) {
            context.executor().submit(() -> workspace.run(givenRunId))
                    .onSuccess(this::prefill)
                    .onFailure(failure -> error.set("Could not load the run: "
                            + SnapshotsViewModel.message(failure)))
                    .onDone(() -> busy.set(false));
        } else {
            context.executor().submit(() -> workspace.pipelines(new PipelineQuery()
                    .sortBy("desc:updated").size(PIPELINES_SHOWN)).items())
                    .onSuccess(pipelines::setAll)
                    .onFailure(failure -> error.set("Could not load pipelines: "
                            + SnapshotsViewModel.message(failure)))
                    .onDone(() -> busy.set(false));
        }
    }

    private void prefill(PipelineRun given) {
        runs.setAll(given);
        run.set(given);
        if (name.get().isBlank() && given.pipeline() != null) {
            name.set(given.pipeline().name());
        }
        if (description.get().isBlank()) {
            description.set("From run " + given.name() + ".");
        }
    }

    private void pipelineChosen(Pipeline chosen) {
        run.set(null);
        runs.clear();
        Workspace workspace = context.workspace().get();
        if (chosen == null || workspace == null || givenRunId != null) {
            return;
        }
        if (loadingRuns != null) {
            loadingRuns.cancel();
        }
        if (name.get().isBlank()) {
            name.set(chosen.name());
        }
        loadingRuns = context.executor().submit(() -> workspace.runs(new RunQuery()
                .pipeline(chosen.id()).sortBy("desc:created").size(RUNS_SHOWN)).items())
                .onSuccess(found -> {
                    runs.setAll(found);
                    if (!found.isEmpty()) {
                        run.set(found.get(0));
                    }
                })
                .onFailure(failure -> error.set("Could not load runs: "
                        + SnapshotsViewModel.message(failure)));
    }

    /** Names the chosen run's snapshot; asks before taking a name another snapshot has. */
    public void create() {
        Workspace workspace = context.workspace().get();
        if (!canCreate.get() || workspace == null) {
            return;
        }
        send(workspace, false);
    }

    private void send(Workspace workspace, boolean replace) {
        UUID runId = run.get().id();
        String chosenName = name.get().strip();
        String chosenDescription = description.get().strip();
        List<String> chosenTags = new ArrayList<>(SnapshotsViewModel.parseTags(tags.get()));
        busy.set(true);
        error.set("");
        context.executor().submit(() -> workspace.snapshotFromRun(runId, chosenName,
                chosenDescription, chosenTags, replace))
                .onSuccess(snapshot -> {
                    busy.set(false);
                    LOG.info("Snapshot {} made from run {}", snapshot.id(), runId);
                    context.dialogs().notify("Snapshot " + chosenName + " created.");
                    created.set(snapshot);
                })
                .onFailure(failure -> {
                    busy.set(false);
                    failed(workspace, failure, replace, chosenName);
                });
    }

    private void failed(Workspace workspace, Throwable failure, boolean replaced, String taken) {
        if (failure instanceof ConflictException && !replaced) {
            if (context.dialogs().confirm("Name taken", "Another snapshot of this pipeline is "
                    + "named " + taken + ". Give the name to this one instead?", "Replace")) {
                send(workspace, true);
            } else {
                error.set("The name " + taken + " is taken in this pipeline; choose another.");
            }
            return;
        }
        LOG.warn("Could not create snapshot {}", taken, failure);
        error.set("The snapshot was not created: " + SnapshotsViewModel.message(failure));
    }
}
