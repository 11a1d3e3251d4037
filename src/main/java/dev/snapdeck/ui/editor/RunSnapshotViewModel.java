package dev.snapdeck.ui.editor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.snapdeck.api.BadRequestException;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.Snapshot;
import dev.snapdeck.api.SnapshotsNotRunnableException;
import dev.snapdeck.api.ValidationException;
import dev.snapdeck.api.ZenmlException;
import dev.snapdeck.runconfig.CheckResult;
import dev.snapdeck.runconfig.Completions;
import dev.snapdeck.runconfig.ConfigDiff;
import dev.snapdeck.runconfig.Diagnostic;
import dev.snapdeck.runconfig.ParameterSpec;
import dev.snapdeck.runconfig.PositionedYamlReader;
import dev.snapdeck.runconfig.QuickFix;
import dev.snapdeck.runconfig.RunConfigChecker;
import dev.snapdeck.runconfig.Severity;
import dev.snapdeck.runconfig.SnapshotSpec;
import dev.snapdeck.runconfig.Span;
import dev.snapdeck.runconfig.TemplateRenderer;
import dev.snapdeck.runconfig.YamlNode;
import dev.snapdeck.service.ConnectionInfo;
import dev.snapdeck.service.Task;
import dev.snapdeck.service.Workspace;
import dev.snapdeck.ui.shell.AppContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Run Snapshot screen: the run configuration as YAML, checked as it changes (off the FX
 * thread, after a pause, stale answers dropped), a form over the step parameters kept in step
 * with the text, the changes against the template, and Run.
 *
 * <p>The text is held here, not in the view, so it survives a lost session or a failed run.
 */
public final class RunSnapshotViewModel {

    /**
     * How long typing must pause before the text is checked. A check of a 2,000-line file costs
     * about 5 ms (RunSnapshotBenchmark), so the pause, not the check, decides how soon problems
     * show: short enough that they appear within a tenth of a second of the last key, long enough
     * that a word being typed is not checked after every letter.
     */
    public static final Duration CHECK_DELAY = Duration.ofMillis(80);

    private static final Logger LOG = LoggerFactory.getLogger(RunSnapshotViewModel.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The top-level settings the form offers, when the schema describes them: the ones people
     * change from run to run. The rest (hooks, model, settings, …) are edited in the YAML.
     */
    static final List<String> RUN_SETTINGS = List.of("run_name", "enable_cache",
            "enable_artifact_metadata", "enable_artifact_visualization", "enable_step_logs");

    /** The ways "Copy as…" can write the run. */
    public enum CopyFormat { CURL, CLI, JAVA }

    /** Everything one check found, computed off the FX thread. */
    private record Checked(String text, CheckResult result, Optional<YamlNode> root,
            List<EditorMarker> markers, Map<EditorMarker, Diagnostic> byMarker,
            ObjectNode override, List<ConfigDiff.Change> changes, String requestJson) {
    }

    private final AppContext context;
    private final UUID snapshotId;
    private final Duration checkDelay;
    private final RunConfigChecker checker = new RunConfigChecker();

    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper template = new ReadOnlyStringWrapper("");
    private final StringProperty text = new SimpleStringProperty("");
    /** The text last run, saved or loaded: closing with it loses nothing. */
    private String kept = "";
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper upToDate = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasErrors = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper requestJson = new ReadOnlyStringWrapper("");
    private final ObservableList<EditorMarker> markers = FXCollections.observableArrayList();
    private final ObservableList<EditorMarker> serverMarkers = FXCollections.observableArrayList();
    private final ObservableList<ConfigDiff.Change> changes = FXCollections.observableArrayList();
    private final ObservableList<ParameterField> parameters = FXCollections.observableArrayList();
    // One read-only view per list, kept: a listener on a view made per call would be collected.
    private final ObservableList<EditorMarker> markersView =
            FXCollections.unmodifiableObservableList(markers);
    private final ObservableList<ConfigDiff.Change> changesView =
            FXCollections.unmodifiableObservableList(changes);
    private final ObservableList<ParameterField> parametersView =
            FXCollections.unmodifiableObservableList(parameters);
    private final BooleanBinding canRun;
    private final StringBinding runBlockedReason;

    private SnapshotSpec spec;
    private Checked checked;
    private Task<Checked> pendingCheck;
    private Task<?> loadTask;

    /** The screen for one snapshot, checking {@link #CHECK_DELAY} after the text last changed. */
    public RunSnapshotViewModel(AppContext context, UUID snapshotId) {
        this(context, snapshotId, CHECK_DELAY);
    }

    /** With another pause before checking; {@link Duration#ZERO} checks at once (tests). */
    public RunSnapshotViewModel(AppContext context, UUID snapshotId, Duration checkDelay) {
        this.context = Objects.requireNonNull(context, "context");
        this.snapshotId = Objects.requireNonNull(snapshotId, "snapshotId");
        this.checkDelay = checkDelay;
        text.addListener((obs, old, now) -> textChanged(now));
        serverMarkers.addListener((ListChangeListener<EditorMarker>) c ->
                publishMarkers());
        canRun = Bindings.createBooleanBinding(() -> snapshot.get() != null && upToDate.get()
                && !hasErrors.get() && !running.get() && serverCanRun(),
                snapshot, upToDate, hasErrors, running, context.workspace());
        runBlockedReason = Bindings.createStringBinding(this::whyRunIsBlocked,
                snapshot, upToDate, hasErrors, running, loadError, context.workspace());
    }

    // ---- state for the view ------------------------------------------------------------

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** The text the editor starts from: the snapshot's template, rendered. */
    public ReadOnlyStringProperty templateProperty() {
        return template.getReadOnlyProperty();
    }

    /** The run configuration being edited; the view writes what the user types into it. */
    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True when the problems shown belong to the text as it is now. */
    public ReadOnlyBooleanProperty upToDateProperty() {
        return upToDate.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasErrorsProperty() {
        return hasErrors.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Why the snapshot could not be opened; empty when it was. */
    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    /** "2 errors, 1 warning" or "No problems". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The request body Run sends, as JSON text. */
    public ReadOnlyStringProperty requestJsonProperty() {
        return requestJson.getReadOnlyProperty();
    }

    /** Problems from the checker and from the server, columns in UTF-16 as the editor counts. */
    public ObservableList<EditorMarker> getMarkers() {
        return markersView;
    }

    /** What differs from the template (with its defaults filled in). */
    public ObservableList<ConfigDiff.Change> getChanges() {
        return changesView;
    }

    /** The step parameters, in the snapshot's step order. */
    public ObservableList<ParameterField> getParameters() {
        return parametersView;
    }

    public ObservableBooleanValue canRunProperty() {
        return canRun;
    }

    public boolean canRun() {
        return canRun.get();
    }

    /** Why Run is disabled, in words; empty when it is enabled. */
    public ObservableStringValue runBlockedReasonProperty() {
        return runBlockedReason;
    }

    /** A version warning for the header; empty when the snapshot matches the server. */
    public String versionWarning() {
        Snapshot shown = snapshot.get();
        Workspace workspace = context.workspace().get();
        if (shown == null || workspace == null
                || !shown.madeOnOtherVersion(workspace.connection().version())) {
            return "";
        }
        return "Made on server version " + shown.serverVersion() + "; this server is "
                + workspace.connection().version() + ". Recreate the snapshot if a run fails.";
    }

    /** Runs editor highlighting on the one background executor. */
    public Executor highlightExecutor() {
        return runnable -> {
            try {
                context.executor().submit(() -> {
                    runnable.run();
                    return null;
                });
            } catch (RejectedExecutionException e) {
                // The app is closing and the executor is down: highlighting no longer matters.
                LOG.debug("Highlighting skipped; the background executor has stopped", e);
            }
        };
    }

    // ---- intents -----------------------------------------------------------------------

    /** Fetches the snapshot with its template and schema and starts from the template. */
    public void load() {
        Workspace workspace = context.workspace().get();
        if (workspace == null) {
            loadError.set("Not connected to a server.");
            return;
        }
        loading.set(true);
        loadError.set("");
        loadTask = context.executor().submit(() -> workspace.snapshot(snapshotId))
                .onSuccess(this::loaded)
                .onFailure(error -> {
                    LOG.warn("Could not open snapshot {}", snapshotId, error);
                    loadError.set("Could not open the snapshot: " + message(error));
                })
                .onDone(() -> loading.set(false));
    }

    private void loaded(Snapshot found) {
        try {
            spec = SnapshotSpec.of(found.configTemplate(), found.configSchema());
        } catch (IllegalArgumentException e) {
            LOG.warn("Snapshot {} has an unusable config schema", snapshotId, e);
            loadError.set("This snapshot's configuration schema cannot be used: "
                    + e.getMessage());
            return;
        }
        parameters.setAll(formFields(spec));
        template.set(TemplateRenderer.render(spec));
        snapshot.set(found);
        if (text.get().isEmpty()) {
            text.set(template.get());
            kept = template.get();
        } else {
            textChanged(text.get());
        }
    }

    /** The run settings the schema has, the pipeline parameters, then each step's parameters. */
    private static List<ParameterField> formFields(SnapshotSpec spec) {
        List<ParameterField> fields = new ArrayList<>();
        for (String key : RUN_SETTINGS) {
            spec.setting(key).map(ParameterField::runSetting).ifPresent(fields::add);
        }
        spec.pipelineParameters().values().forEach(p ->
                fields.add(ParameterField.pipelineParameter(p)));
        for (String step : spec.stepNames()) {
            spec.parameters(step).values().forEach(p ->
                    fields.add(ParameterField.stepParameter(step, p)));
        }
        return fields;
    }

    /** Checks the text now instead of after the pause. */
    public void checkNow() {
        scheduleCheck(text.get(), Duration.ZERO);
    }

    /** The quick fix the problem offers, if any. */
    public Optional<QuickFix> fixFor(EditorMarker marker) {
        Checked current = checked;
        if (current == null || marker == null) {
            return Optional.empty();
        }
        Diagnostic diagnostic = current.byMarker().get(marker);
        return diagnostic == null ? Optional.empty() : diagnostic.quickFix();
    }

    /** Applies the problem's quick fix to the text; does nothing if it has none. */
    public void applyFix(EditorMarker marker) {
        Optional<QuickFix> fix = fixFor(marker);
        if (fix.isEmpty() || !upToDate.get()) {
            return;
        }
        text.set(new TextPositions(text.get()).apply(fix.get()));
    }

    /** What Ctrl+Space offers at the caret (its column in UTF-16, as the editor counts). */
    public List<CompletionItem> completionsAt(CaretPosition caret) {
        if (spec == null) {
            return List.of();
        }
        TextPositions positions = new TextPositions(caret.text());
        int column = positions.codePointColumn(caret.line(), caret.column());
        List<CompletionItem> items = new ArrayList<>();
        Completions.at(caret.text(), caret.line(), column, spec)
                .forEach(c -> items.add(new CompletionItem(c.label(), c.insertText(),
                        c.description().isEmpty() ? c.type() : c.type() + " — "
                                + c.description())));
        items.removeIf(item -> item.insertText().isEmpty() && items.size() > 1);
        return items;
    }

    /**
     * Writes a form value into the YAML at the parameter's path, keeping the rest of the text as
     * it is. Returns false (and tells the user) when the text cannot take it there.
     */
    public boolean setParameter(ParameterField field, JsonNode value) {
        PositionedYamlReader.Result read = PositionedYamlReader.read(text.get());
        if (read.root().isEmpty()) {
            context.dialogs().notify("Fix the YAML first: the form can only change text that "
                    + "reads as YAML.");
            return false;
        }
        Optional<String> edited = withValue(text.get(), read.root().get(), field.path(), value);
        if (edited.isEmpty()) {
            context.dialogs().notify("Change " + String.join(".", field.path())
                    + " in the YAML: it is written in a form the form cannot edit.");
            return false;
        }
        field.setValue(value);
        text.set(edited.get());
        return true;
    }

    /**
     * Takes the field's key out of the YAML, so the snapshot's value (or the server's choice)
     * applies again. Returns false (and tells the user) when the text cannot lose it cleanly.
     */
    public boolean unsetParameter(ParameterField field) {
        PositionedYamlReader.Result read = PositionedYamlReader.read(text.get());
        Optional<String> edited = read.root().flatMap(root ->
                withoutValue(text.get(), root, field.path()));
        if (edited.isEmpty()) {
            context.dialogs().notify("Remove " + String.join(".", field.path())
                    + " in the YAML: the form can only remove a key written on lines of its own.");
            return false;
        }
        text.set(edited.get());
        return true;
    }

    /**
     * Takes the field back to the snapshot's value: the template's, written into the YAML, or,
     * where the template has none, the key taken out again. Returns false (and tells the user)
     * when the text cannot take the change.
     */
    public boolean resetParameter(ParameterField field) {
        if (!field.isChanged()) {
            return true;
        }
        JsonNode before = field.templateValue();
        return before.isMissingNode() ? unsetParameter(field) : setParameter(field, before);
    }

    /** Starts the run with the smallest override that gives the edited configuration. */
    public void run() {
        Workspace workspace = context.workspace().get();
        Checked current = checked;
        if (!canRun.get() || workspace == null || current == null) {
            return;
        }
        ObjectNode override = current.override();
        running.set(true);
        context.executor().submit(() -> workspace.triggerRun(snapshotId, override))
                .onSuccess(run -> {
                    kept = current.text();
                    started(run);
                })
                .onFailure(error -> runFailed(error, current.text()))
                .onDone(() -> running.set(false));
    }

    private void started(PipelineRun run) {
        LOG.info("Run {} started from snapshot {}", run.id(), snapshotId);
        context.dialogs().notify("Run " + run.name() + " started.");
        context.navigator().openRun(run.id());
    }

    /** Puts the server's complaint where it belongs: in the text, or in a dialog. */
    private void runFailed(Throwable error, String sentText) {
        String now = text.get();
        if (error instanceof ValidationException) {
            List<EditorMarker> found = new ArrayList<>();
            for (ValidationException.Problem problem : ((ValidationException) error).problems()) {
                found.add(serverMarker(now, YamlPaths.fromServerLocation(problem.location()),
                        problem.message()));
            }
            serverMarkers.setAll(found);
        } else if (error instanceof BadRequestException) {
            String message = ((ZenmlException) error).serverMessage();
            serverMarkers.setAll(serverMarker(now, keyNamedIn(now, message), message));
        } else if (error instanceof SnapshotsNotRunnableException) {
            context.dialogs().showError("Cannot run", "This server cannot run snapshots: "
                    + message(error), error);
        } else {
            LOG.warn("Run of snapshot {} failed to start", snapshotId, error);
            context.dialogs().showError("Run not started", "The run was not started: "
                    + message(error) + " Your edits are kept.", error);
        }
    }

    /**
     * Whether the text holds edits that were neither run nor saved nor loaded from a file:
     * closing the editor now would lose them.
     */
    public boolean hasUnkeptEdits() {
        return !template.get().isEmpty() && !text.get().equals(kept)
                && !text.get().equals(template.get());
    }

    /** Replaces the text with the template, as the snapshot has it. */
    public void resetToTemplate() {
        if (!template.get().isEmpty()) {
            text.set(template.get());
        }
    }

    /** Asks for a YAML file and replaces the text with it. */
    public void loadYaml() {
        Optional<Path> file = context.dialogs().chooseFileToOpen("Load run configuration",
                List.of("yaml", "yml"));
        file.ifPresent(path -> context.executor().submit(() -> readUtf8(path))
                .onSuccess(read -> {
                    text.set(read);
                    kept = read;
                })
                .onFailure(error -> context.dialogs().showError("Cannot load " + path.getFileName(),
                        "The file could not be read as UTF-8 text: " + message(error), error)));
    }

    /** Asks where to save and writes the text there. */
    public void saveYaml() {
        String current = text.get();
        Optional<Path> file = context.dialogs().chooseFileToSave("Save run configuration",
                fileBaseName() + ".yaml");
        file.ifPresent(path -> context.executor().submit(() -> {
            Files.writeString(path, current, StandardCharsets.UTF_8);
            return path;
        }).onSuccess(saved -> {
            kept = current;
            context.dialogs().notify("Saved " + saved.getFileName());
        })
                .onFailure(error -> context.dialogs().showError("Cannot save",
                        "The file could not be written: " + message(error), error)));
    }

    /** Puts the run as a curl command, a CLI command or Java code on the clipboard. */
    public void copyAs(CopyFormat format) {
        context.dialogs().copyToClipboard(copyText(format));
        context.dialogs().notify("Copied as " + format.name().toLowerCase() + ".");
    }

    /** The run in the given form; uses the last checked text. */
    public String copyText(CopyFormat format) {
        switch (format) {
            case CURL:
                return CopyAs.curl(serverUrl(), snapshotId, overrideJson());
            case CLI:
                return CopyAs.cli(fileBaseName(), text.get());
            default:
                return CopyAs.java(serverUrl(), snapshotId, overrideJson());
        }
    }

    /** Stops pending work; the screen is closing. */
    public void dispose() {
        if (pendingCheck != null) {
            pendingCheck.cancel();
        }
        if (loadTask != null) {
            loadTask.cancel();
        }
    }

    // ---- checking ----------------------------------------------------------------------

    private void textChanged(String now) {
        upToDate.set(false);
        serverMarkers.clear();
        if (spec != null) {
            scheduleCheck(now, checkDelay);
        }
    }

    private void scheduleCheck(String snapshotText, Duration delay) {
        if (spec == null) {
            return;
        }
        if (pendingCheck != null) {
            pendingCheck.cancel();
        }
        SnapshotSpec using = spec;
        Callable<Checked> work = () -> check(snapshotText, using);
        Task<Checked> task = delay.isZero() ? context.executor().submit(work)
                : context.executor().submitLater(delay, work);
        pendingCheck = task;
        task.onSuccess(this::applyChecked)
                .onFailure(error -> LOG.error("Checking the run configuration failed", error));
    }

    private Checked check(String snapshotText, SnapshotSpec using) {
        CheckResult result = checker.check(snapshotText, using);
        TextPositions positions = new TextPositions(snapshotText);
        List<EditorMarker> found = new ArrayList<>();
        Map<EditorMarker, Diagnostic> byMarker = new HashMap<>();
        for (Diagnostic diagnostic : result.diagnostics()) {
            EditorMarker marker = positions.marker(diagnostic);
            found.add(marker);
            byMarker.put(marker, diagnostic);
        }
        ObjectNode base = TemplateRenderer.withDefaults(using);
        ObjectNode override = ConfigDiff.minimalOverride(base, result.effective());
        List<ConfigDiff.Change> diff = result.runConfiguration().isPresent()
                ? ConfigDiff.between(base, result.effective()) : List.of();
        Optional<YamlNode> root = PositionedYamlReader.read(snapshotText).root();
        return new Checked(snapshotText, result, root, found, byMarker, override, diff,
                requestBody(override));
    }

    private void applyChecked(Checked fresh) {
        if (!fresh.text().equals(text.get())) {
            return;
        }
        checked = fresh;
        publishMarkers();
        changes.setAll(fresh.changes());
        requestJson.set(fresh.requestJson());
        hasErrors.set(fresh.result().hasErrors());
        summary.set(describe(fresh.result().diagnostics()));
        if (fresh.result().runConfiguration().isPresent()) {
            refreshForm(fresh.result().effective());
            markChangedFields(fresh.changes());
        }
        fresh.root().ifPresent(this::markWrittenFields);
        showProblemsInForm(fresh.result().diagnostics());
        upToDate.set(true);
    }

    private void publishMarkers() {
        List<EditorMarker> all = new ArrayList<>(checked == null ? List.of() : checked.markers());
        all.addAll(serverMarkers);
        markers.setAll(all);
    }

    private void refreshForm(ObjectNode effective) {
        for (ParameterField field : parameters) {
            JsonNode value = valueAt(effective, field.path());
            field.setValue(value != null ? value
                    : field.spec().defaultValue().orElse(null));
        }
    }

    private void markWrittenFields(YamlNode root) {
        for (ParameterField field : parameters) {
            field.setWritten(YamlPaths.find(root, field.path()).complete(field.path()));
        }
    }

    /**
     * Marks the fields whose value differs from the template. A change is listed at the field's
     * own path, or at a parent's when a whole block was added or taken away.
     */
    private void markChangedFields(List<ConfigDiff.Change> diff) {
        for (ParameterField field : parameters) {
            List<String> path = field.path();
            Optional<JsonNode> before = Optional.empty();
            for (int depth = 1; depth <= path.size() && before.isEmpty(); depth++) {
                String at = String.join(".", path.subList(0, depth));
                List<String> rest = path.subList(depth, path.size());
                before = diff.stream().filter(change -> change.path().equals(at)).findFirst()
                        .map(change -> valueAt(change.before(), rest))
                        .map(value -> value == null ? MissingNode.getInstance() : value);
            }
            before.ifPresentOrElse(field::markChanged, field::markUnchanged);
        }
    }

    private static JsonNode valueAt(JsonNode root, List<String> path) {
        JsonNode at = root;
        for (String key : path) {
            at = at == null ? null : at.get(key);
        }
        return at;
    }

    private void showProblemsInForm(List<Diagnostic> diagnostics) {
        for (ParameterField field : parameters) {
            String path = String.join(".", field.path());
            field.setProblem(diagnostics.stream().filter(d -> d.path().equals(path))
                    .sorted((a, b) -> a.severity().compareTo(b.severity()))
                    .map(Diagnostic::message).findFirst().orElse(""));
        }
    }

    private static String describe(List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
        long warnings = diagnostics.size() - errors;
        if (errors == 0 && warnings == 0) {
            return "No problems";
        }
        return count(errors, "error") + ", " + count(warnings, "warning");
    }

    private static String count(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    // ---- helpers -----------------------------------------------------------------------

    private boolean serverCanRun() {
        Workspace workspace = context.workspace().get();
        return workspace != null && workspace.connection().canRunSnapshots();
    }

    private String whyRunIsBlocked() {
        Workspace workspace = context.workspace().get();
        if (workspace == null) {
            return "Not connected to a server.";
        }
        ConnectionInfo connection = workspace.connection();
        if (!connection.canRunSnapshots()) {
            return connection.whyRunsAreUnavailable();
        }
        if (!loadError.get().isEmpty() || snapshot.get() == null) {
            return "The snapshot is not loaded.";
        }
        if (running.get()) {
            return "Starting the run…";
        }
        if (!upToDate.get()) {
            return "Checking…";
        }
        return hasErrors.get() ? "Fix the errors first." : "";
    }

    private EditorMarker serverMarker(String now, List<String> path, String message) {
        TextPositions positions = new TextPositions(now);
        String shown = "Server: " + message;
        PositionedYamlReader.Result read = PositionedYamlReader.read(now);
        if (read.root().isEmpty() || path.isEmpty()) {
            return positions.marker(EditorMarker.Severity.ERROR, Span.START, shown);
        }
        YamlPaths.Found found = YamlPaths.find(read.root().get(), path);
        Span span = found.matched() == 0 ? Span.START
                : found.complete(path) && found.node() instanceof YamlNode.Scalar
                        ? found.node().span() : found.keySpan();
        return positions.marker(EditorMarker.Severity.ERROR, span, shown);
    }

    /** A top-level key of the text that a server message names (e.g. "schedule"). */
    private static List<String> keyNamedIn(String now, String message) {
        PositionedYamlReader.Result read = PositionedYamlReader.read(now);
        if (message == null || read.root().isEmpty()
                || !(read.root().get() instanceof YamlNode.Mapping)) {
            return List.of();
        }
        for (YamlNode.Entry entry : ((YamlNode.Mapping) read.root().get()).entries()) {
            if (message.matches("(?s).*\\b" + Pattern.quote(entry.name())
                    + "\\b.*")) {
                return List.of(entry.name());
            }
        }
        return List.of();
    }

    /** The text with the value at {@code path} set, or empty when that cannot be done cleanly. */
    static Optional<String> withValue(String current, YamlNode root, List<String> path,
            JsonNode value) {
        YamlPaths.Found found = YamlPaths.find(root, path);
        TextPositions positions = new TextPositions(current);
        String scalar = YamlPaths.scalar(value);
        if (found.complete(path)) {
            boolean replaceable = found.node() instanceof YamlNode.Scalar
                    || found.node() instanceof YamlNode.Alias;
            return replaceable ? Optional.of(positions.replace(found.node().span(), scalar))
                    : Optional.empty();
        }
        if (!(found.node() instanceof YamlNode.Mapping)) {
            return Optional.empty();
        }
        YamlNode.Mapping mapping = (YamlNode.Mapping) found.node();
        int indent;
        int afterLine;
        if (mapping.entries().isEmpty()) {
            if (found.matched() > 0) {
                return Optional.empty();
            }
            indent = 0;
            afterLine = positions.lineCount();
        } else {
            Span firstKey = mapping.entries().get(0).key().span();
            int start = positions.offset(mapping.span().startLine(), mapping.span().startColumn());
            if (start < current.length() && current.charAt(start) == '{') {
                return Optional.empty();
            }
            indent = firstKey.startColumn() - 1;
            afterLine = mapping.span().endLine();
        }
        StringBuilder lines = new StringBuilder();
        for (int i = found.matched(); i < path.size(); i++) {
            lines.append(" ".repeat(indent)).append(YamlPaths.scalar(
                    JsonNodeFactory.instance.textNode(path.get(i)))).append(':');
            lines.append(i == path.size() - 1 ? " " + scalar + "\n" : "\n");
            indent += 2;
        }
        return Optional.of(positions.insertAfterLine(afterLine, lines.toString()));
    }

    /**
     * The text without the key at {@code path} and its value; the text as it is when the key is
     * not there; empty when the entry shares its lines with other text (flow style, a list item)
     * or is the last entry of a nested mapping, which would be left empty.
     */
    static Optional<String> withoutValue(String current, YamlNode root, List<String> path) {
        YamlPaths.Found found = YamlPaths.find(root, path);
        if (!found.complete(path) || path.isEmpty()) {
            return Optional.of(current);
        }
        YamlNode parent = YamlPaths.find(root, path.subList(0, path.size() - 1)).node();
        if (path.size() > 1 && parent instanceof YamlNode.Mapping
                && ((YamlNode.Mapping) parent).entries().size() == 1) {
            return Optional.empty();
        }
        TextPositions positions = new TextPositions(current);
        Span key = found.keySpan();
        Span value = found.node().span();
        // A block value's span ends at the start of the line after it.
        int lastLine = value.endColumn() == 1 && value.endLine() > key.startLine()
                ? value.endLine() - 1 : value.endLine();
        int keyStart = positions.utf16Column(key.startLine(), key.startColumn()) - 1;
        String before = positions.line(key.startLine()).substring(0, keyStart);
        String after = value.endLine() == lastLine ? positions.line(lastLine)
                .substring(positions.utf16Column(lastLine, value.endColumn()) - 1).strip() : "";
        if (!before.isBlank() || !(after.isEmpty() || after.startsWith("#"))) {
            return Optional.empty();
        }
        return Optional.of(positions.removeLines(key.startLine(), lastLine));
    }

    private String requestBody(ObjectNode override) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("run_configuration", override);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
    }

    private String overrideJson() {
        Checked current = checked;
        ObjectNode override = current == null ? JsonNodeFactory.instance.objectNode()
                : current.override();
        return requestBody(override);
    }

    private String serverUrl() {
        Workspace workspace = context.workspace().get();
        return workspace == null ? "<SERVER-URL>" : workspace.connection().url();
    }

    private String fileBaseName() {
        Snapshot shown = snapshot.get();
        return shown == null || shown.name() == null ? snapshotId.toString() : shown.name();
    }

    private static String readUtf8(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String message(Throwable error) {
        if (error instanceof ZenmlException && ((ZenmlException) error).serverMessage() != null) {
            return ((ZenmlException) error).serverMessage();
        }
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }
}
