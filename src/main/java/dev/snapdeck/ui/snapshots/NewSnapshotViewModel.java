package dev.snapdeck.ui.snapshots;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

import com.fasterxml.jackson.databind.JsonNode;

import dev.snapdeck.api.ConflictException;
import dev.snapdeck.api.Pipeline;
import dev.snapdeck.api.PipelineQuery;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.RunQuery;
import dev.snapdeck.api.Snapshot;
import dev.snapdeck.api.SnapshotUpdate;
import dev.snapdeck.runconfig.Diagnostic;
import dev.snapdeck.runconfig.PositionedYamlReader;
import dev.snapdeck.runconfig.Severity;
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
 * <p>On Snapdeck's local server a snapshot can also be made from a pipeline folder of the
 * server, with an optional run-configuration file frozen into it.
 */
public final class NewSnapshotViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(NewSnapshotViewModel.class);

    /** Where the snapshot comes from. */
    public enum Source { RUN, FOLDER }
    private static final int RUNS_SHOWN = 50;
    private static final int PIPELINES_SHOWN = 200;

    private final AppContext context;
    private final UUID givenRunId;
    private final ObservableList<Pipeline> pipelines = FXCollections.observableArrayList();
    private final ObservableList<PipelineRun> runs = FXCollections.observableArrayList();
    private final ObjectProperty<Pipeline> pipeline = new SimpleObjectProperty<>();
    private final ObjectProperty<PipelineRun> run = new SimpleObjectProperty<>();
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.RUN);
    private final StringProperty folder = new SimpleStringProperty("");
    private final ObjectProperty<Path> configFile = new SimpleObjectProperty<>();
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
        canCreate = Bindings.createBooleanBinding(() -> !busy.get() && !name.get().isBlank()
                && (source.get() == Source.RUN ? run.get() != null : !folder.get().isBlank()),
                busy, name, source, run, folder);
        pipeline.addListener((obs, old, now) -> pipelineChosen(now));
    }

    // ---- state ---------------------------------------------------------------------------

    /** True when the run was given: the pipeline and run choosers are not shown. */
    public boolean fromGivenRun() {
        return givenRunId != null;
    }

    /** True on Snapdeck's local server, which can also snapshot a pipeline folder. */
    public boolean offersFolders() {
        Workspace workspace = context.workspace().get();
        return givenRunId == null && workspace != null && workspace.connection().local();
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    /** The pipeline folder's name on the server (its pipelines folder). */
    public StringProperty folderProperty() {
        return folder;
    }

    /** The run configuration to freeze into a folder snapshot; null for the folder's defaults. */
    public ObjectProperty<Path> configFileProperty() {
        return configFile;
    }

    /** Asks for the configuration file of a folder snapshot. */
    public void chooseConfigFile() {
        context.dialogs().chooseFileToOpen("Run configuration for the snapshot",
                List.of("yaml", "yml")).ifPresent(configFile::set);
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
                    .onSuccess(found -> {
                        pipelines.setAll(found);
                        if (folder.get().isBlank() && !found.isEmpty()) {
                            folder.set(found.get(0).name());
                        }
                    })
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
        if (source.get() == Source.FOLDER) {
            sendFolder(workspace, false);
        } else {
            send(workspace, false);
        }
    }

    private void sendFolder(Workspace workspace, boolean replace) {
        String chosenFolder = folder.get().strip();
        String chosenName = name.get().strip();
        String chosenDescription = description.get().strip();
        List<String> chosenTags = new ArrayList<>(SnapshotsViewModel.parseTags(tags.get()));
        Path file = configFile.get();
        busy.set(true);
        error.set("");
        context.executor().submit(() -> {
            JsonNode config = file == null ? null : readConfig(file);
            Snapshot made = workspace.snapshotFromFolder(chosenFolder, chosenName,
                    chosenDescription, config, null, replace);
            if (chosenTags.isEmpty()) {
                return made;
            }
            SnapshotUpdate tagging = new SnapshotUpdate();
            chosenTags.forEach(tagging::addTag);
            return workspace.updateSnapshot(made.id(), tagging);
        }).onSuccess(snapshot -> {
            busy.set(false);
            context.dialogs().notify("Snapshot " + chosenName + " created.");
            created.set(snapshot);
        }).onFailure(failure -> {
            busy.set(false);
            failed(failure, replace, chosenName, () -> sendFolder(workspace, true));
        });
    }

    /** Reads a run configuration file as the CLI does; its first error names file and place. */
    static JsonNode readConfig(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        PositionedYamlReader.Result read = PositionedYamlReader.read(text);
        for (Diagnostic problem : read.diagnostics()) {
            if (problem.severity() == Severity.ERROR) {
                throw new IllegalArgumentException(file.getFileName() + ":"
                        + problem.startLine() + ":" + problem.startColumn() + ": "
                        + problem.message());
            }
        }
        JsonNode json = read.json().orElse(null);
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException(file.getFileName()
                    + " is not a run configuration (a mapping of settings).");
        }
        return json;
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
                    failed(failure, replace, chosenName, () -> send(workspace, true));
                });
    }

    /**
     * Says why the snapshot was not made; a name already taken is first offered to this one
     * ({@code replaceIt} sends again, replacing), and declining is no failure: the user chooses
     * another name.
     */
    private void failed(Throwable failure, boolean replaced, String taken, Runnable replaceIt) {
        if (failure instanceof ConflictException && !replaced) {
            if (context.dialogs().confirm("Name taken", "Another snapshot of this pipeline is "
                    + "named " + taken + ". Give the name to this one instead?", "Replace")) {
                replaceIt.run();
            } else {
                error.set("The name " + taken + " is taken in this pipeline; choose another.");
            }
            return;
        }
        LOG.warn("Could not create snapshot {}", taken, failure);
        error.set("The snapshot was not created: " + SnapshotsViewModel.message(failure));
    }
}
