package dev.snapdeck.ui.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.api.LogEntry;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.RunDag;
import dev.snapdeck.api.StepRun;
import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.service.Poller;
import dev.snapdeck.service.StepLogCursor;
import dev.snapdeck.service.Workspace;
import dev.snapdeck.ui.controls.DagEdge;
import dev.snapdeck.ui.controls.DagNode;
import dev.snapdeck.ui.shell.AppContext;
import dev.snapdeck.ui.shell.Problems;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run: its DAG, steps with durations, the log of the selected step, the configuration it
 * used, Stop and New Snapshot. Follows the run live until it has finished, and the selected
 * step's log until that step has finished, appending only lines not seen yet.
 */
public final class RunDetailViewModel {

    static final Duration LIVE_INTERVAL = Duration.ofSeconds(1);
    /** ZenML's dashboard's three (reference §7.5), and {@code queued}: a run waiting to start. */
    private static final Set<ExecutionStatus> STOPPABLE = Set.of(ExecutionStatus.INITIALIZING,
            ExecutionStatus.PROVISIONING, ExecutionStatus.QUEUED, ExecutionStatus.RUNNING);
    /** A run in one of these has not started yet. */
    private static final Set<ExecutionStatus> WAITING = Set.of(ExecutionStatus.INITIALIZING,
            ExecutionStatus.PROVISIONING, ExecutionStatus.QUEUED);
    private static final Logger LOG = LoggerFactory.getLogger(RunDetailViewModel.class);
    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    /** A step as the step list shows it. */
    public record StepRow(String name, ExecutionStatus status, Duration duration, StepRun step) {
    }

    /** The DAG as drawn: steps coloured by status, edges for dependencies. */
    public record Graph(List<DagNode> nodes, List<DagEdge> edges) {
    }

    /** Everything fetched for one update: the run, its steps and its DAG (null if unavailable). */
    record Snapshot(PipelineRun run, List<StepRun> steps, RunDag dag) {
    }

    private final AppContext context;
    private final UUID runId;
    private final ReadOnlyObjectWrapper<PipelineRun> run = new ReadOnlyObjectWrapper<>();
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Graph> graph =
            new ReadOnlyObjectWrapper<>(new Graph(List.of(), List.of()));
    private final ObjectProperty<StepRow> selectedStep = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper configuration = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canStop;
    private Consumer<List<String>> logSink = lines -> { };
    private Runnable logReset = () -> { };
    private Poller<Snapshot> runPoller;
    private Poller<StepLogCursor.Read> logPoller;
    private UUID logStep;
    private StepLogCursor logCursor;
    private boolean paused;
    private boolean followAgain;
    private volatile ExecutionStatus lastStepStatus;

    public RunDetailViewModel(AppContext context, UUID runId) {
        this.context = Objects.requireNonNull(context, "context");
        this.runId = Objects.requireNonNull(runId, "runId");
        canStop = Bindings.createBooleanBinding(() -> isStoppable(run.get()), run);
        selectedStep.addListener((obs, old, now) -> {
            if (old == null || now == null || !old.name().equals(now.name())) {
                followLog(now);
            }
        });
    }

    /** Where new log lines of the selected step go, and what clears the log on a new step. */
    public void setLogSink(Consumer<List<String>> sink, Runnable reset) {
        this.logSink = Objects.requireNonNull(sink, "sink");
        this.logReset = Objects.requireNonNull(reset, "reset");
    }

    public UUID runId() {
        return runId;
    }

    public ReadOnlyObjectProperty<PipelineRun> runProperty() {
        return run.getReadOnlyProperty();
    }

    public ObservableList<StepRow> getSteps() {
        return steps;
    }

    public ReadOnlyObjectProperty<Graph> graphProperty() {
        return graph.getReadOnlyProperty();
    }

    /** For the log view's own work (search, save): the shell's one executor. */
    public BackgroundExecutor logExecutor() {
        return context.executor();
    }

    public ObjectProperty<StepRow> selectedStepProperty() {
        return selectedStep;
    }

    /** The configuration the run used, as YAML. */
    public ReadOnlyStringProperty configurationProperty() {
        return configuration.getReadOnlyProperty();
    }

    /** Pipeline, snapshot, user, start and duration of the run, in one line (see summary()). */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /**
     * Stop is offered while the run is initializing, provisioning, queued or running and the
     * orchestrator has given it a run id (reference §7.5, plus queued: a run waiting to start
     * can be stopped before it does).
     */
    public BooleanBinding canStopProperty() {
        return canStop;
    }

    /** Selects a step by name, e.g. when its node is clicked in the DAG. */
    public void selectStep(String name) {
        steps.stream().filter(row -> row.name().equals(name)).findFirst()
                .ifPresent(selectedStep::set);
    }

    /** Fetches the run and follows it until it has finished. */
    public void load() {
        Workspace workspace = context.workspace().get();
        stopPolling();
        if (workspace == null) {
            return;
        }
        loading.set(true);
        runPoller = Poller.builder(context.executor(), () -> fetch(workspace))
                .every(LIVE_INTERVAL)
                .atMostEvery(Duration.ofSeconds(10))
                .until(found -> found.run().status() != null && found.run().status().isFinished())
                .onUpdate(this::show)
                .onError(failure -> {
                    loading.set(false);
                    error.set(Problems.describe("Cannot load the run", failure));
                })
                .build()
                .start();
    }

    /** Asks the server to stop the run, after the user confirms. */
    public void stop(boolean graceful) {
        Workspace workspace = context.workspace().get();
        PipelineRun current = run.get();
        if (workspace == null || current == null || !canStop.get()) {
            return;
        }
        String how = WAITING.contains(current.status())
                ? "It has not started yet, and none of its steps will."
                : graceful ? "Running steps finish first; no new step starts."
                : "Running steps are stopped at once.";
        if (!context.dialogs().confirm("Stop run", "Stop " + current.name() + "? " + how,
                "Stop")) {
            return;
        }
        // The run goes on while the question is open and may have ended by the answer; stopping
        // an ended run would only earn an error, so it is looked at once more first.
        context.executor().submit(() -> {
            PipelineRun latest = workspace.run(runId);
            if (latest.status().isFinished()) {
                return latest;
            }
            workspace.stopRun(runId, graceful);
            return null;
        }).onSuccess(ended -> {
            context.dialogs().notify(ended == null ? "Stopping " + current.name()
                    : ended.name() + " had already " + ended.status().raw()
                            + "; there was nothing to stop.");
            load();
        }).onFailure(failure -> context.dialogs().showError("Cannot stop the run",
                Problems.describe("The server did not stop " + current.name(), failure),
                failure));
    }

    /** The seed's "+ New Snapshot" from this run. */
    public void newSnapshot() {
        context.navigator().newSnapshotFromRun(runId);
    }

    public void dispose() {
        stopPolling();
        stopLog();
        logStep = null;
    }

    /**
     * The detail is hidden (another screen is shown): nothing is fetched until {@link #resume()}.
     * An answer already on its way is dropped; its log lines are read again on resume, since the
     * log cursor moves on only once lines have been shown.
     */
    public void pause() {
        if (paused) {
            return;
        }
        paused = true;
        boolean following = runPoller != null && !runPoller.isStopped();
        stopPolling();
        stopLog();
        followAgain = following;
    }

    /** Shown again: the run and the selected step's log are fetched at once and followed. */
    public void resume() {
        if (!paused) {
            return;
        }
        paused = false;
        if (followAgain) {
            load();
        }
        if (logStep != null) {
            startLogPoller();
        }
    }

    /** True while anything (the run or a step's log) is fetched again and again. */
    public boolean isFollowing() {
        return (runPoller != null && !runPoller.isStopped())
                || (logPoller != null && !logPoller.isStopped());
    }

    static boolean isStoppable(PipelineRun run) {
        return run != null && run.status() != null && STOPPABLE.contains(run.status())
                && run.orchestratorRunId() != null;
    }

    static Duration duration(Instant start, Instant end, Instant now) {
        if (start == null) {
            return null;
        }
        return Duration.between(start, end != null ? end : now);
    }

    /**
     * One line of what the Runs table says of a run and its header does not: pipeline, snapshot,
     * user, start and duration ("running for" while it is in progress). A run that has not
     * started yet says when it was created and how long it has waited ("queued for"); one that
     * ended without starting says so. Empty parts are left out.
     */
    static String summary(PipelineRun run, Instant now) {
        List<String> parts = new ArrayList<>();
        if (!Formats.name(run.pipeline()).isEmpty()) {
            parts.add("pipeline " + Formats.name(run.pipeline()));
        }
        if (!Formats.snapshotName(run).isEmpty()) {
            parts.add("snapshot " + Formats.snapshotName(run));
        }
        if (!Formats.name(run.user()).isEmpty()) {
            parts.add("by " + Formats.name(run.user()));
        }
        parts.addAll(timeParts(run, now));
        return String.join(" · ", parts);
    }

    private static List<String> timeParts(PipelineRun run, Instant now) {
        List<String> parts = new ArrayList<>();
        // Fetched whole (its configuration is there), an ended run without a start time never
        // started: stopped while it waited for a step slot, say.
        if (run.hasEnded() && run.startTime() == null && run.config() != null) {
            if (run.created() != null) {
                parts.add("created " + Formats.when(run.created()));
            }
            parts.add("never started");
            return parts;
        }
        boolean waiting = !run.hasEnded() && run.startTime() == null
                && WAITING.contains(run.status());
        Instant start = run.startTime() != null ? run.startTime() : run.created();
        if (start != null) {
            parts.add((waiting ? "created " : "started ") + Formats.when(start));
        }
        String took = Formats.duration(runDuration(run, now));
        if (!took.isEmpty()) {
            String verb = run.hasEnded() ? "took "
                    : waiting ? run.status() + " for " : "running for ";
            parts.add(verb + took);
        }
        return parts;
    }

    /**
     * How long the run took or has taken so far. Run lists carry no start and end times (they
     * are metadata), so creation and last update stand in for them there.
     */
    static Duration runDuration(PipelineRun run, Instant now) {
        Instant start = run.startTime() != null ? run.startTime() : run.created();
        Instant end = run.endTime();
        if (end == null && run.status() != null && run.status().isFinished()) {
            end = run.updated();
        }
        return duration(start, end, now);
    }

    private Snapshot fetch(Workspace workspace) {
        PipelineRun found = workspace.run(runId);
        List<StepRun> stepRuns = workspace.steps(runId);
        RunDag dag = null;
        try {
            dag = workspace.dag(runId);
        } catch (RuntimeException e) {
            LOG.debug("No DAG for run {}; drawing the steps without edges", runId, e);
        }
        return new Snapshot(found, stepRuns, dag);
    }

    private void show(Snapshot found) {
        loading.set(false);
        error.set("");
        configuration.set(toYaml(found.run().config()));
        summary.set(summary(found.run(), Instant.now()));
        showSteps(found);
        showDag(found);
        run.set(found.run());
    }

    private void showSteps(Snapshot found) {
        Instant now = Instant.now();
        String selected = selectedStep.get() == null ? null : selectedStep.get().name();
        List<StepRow> rows = new ArrayList<>();
        for (StepRun step : found.steps()) {
            rows.add(new StepRow(step.name(), step.status(),
                    duration(step.startTime(), step.endTime(), now), step));
        }
        steps.setAll(rows);
        if (selected != null) {
            rows.stream().filter(row -> row.name().equals(selected)).findFirst()
                    .ifPresent(selectedStep::set);
        } else if (!rows.isEmpty()) {
            selectedStep.set(rows.get(0));
        }
    }

    private void showDag(Snapshot found) {
        Map<String, DagNode> nodes = new LinkedHashMap<>();
        List<DagEdge> edges = new ArrayList<>();
        Map<String, String> stepStatus = new LinkedHashMap<>();
        found.steps().forEach(step -> stepStatus.put(step.name(), raw(step.status())));
        if (found.dag() != null) {
            Map<String, String> names = new LinkedHashMap<>();
            for (RunDag.Node node : found.dag().nodes()) {
                if (!"step".equals(node.type())) {
                    continue;
                }
                names.put(node.nodeId(), node.name());
                String status = stepStatus.getOrDefault(node.name(), raw(node.status()));
                nodes.put(node.name(), new DagNode(node.name(), node.name(), status));
            }
            for (RunDag.Edge edge : found.dag().edges()) {
                String from = names.get(edge.source());
                String to = names.get(edge.target());
                if (from != null && to != null) {
                    edges.add(new DagEdge(from, to));
                }
            }
        }
        stepStatus.forEach((name, status) -> nodes.putIfAbsent(name,
                new DagNode(name, name, status)));
        Graph drawn = new Graph(List.copyOf(nodes.values()), List.copyOf(edges));
        if (!drawn.equals(graph.get())) {
            graph.set(drawn);
        }
    }

    private static String raw(ExecutionStatus status) {
        return status == null ? "pending" : status.raw();
    }

    private void followLog(StepRow row) {
        stopLog();
        lastStepStatus = null;
        logReset.run();
        logStep = row == null ? null : row.step().id();
        logCursor = new StepLogCursor();
        if (logStep != null && !paused) {
            startLogPoller();
        }
    }

    private void startLogPoller() {
        Workspace workspace = context.workspace().get();
        if (workspace == null) {
            return;
        }
        UUID stepId = logStep;
        StepLogCursor cursor = logCursor;
        logPoller = Poller.builder(context.executor(), () -> freshLog(workspace, stepId, cursor))
                .every(LIVE_INTERVAL)
                .atMostEvery(Duration.ofSeconds(10))
                .until(read -> stepFinished())
                .onUpdate(read -> {
                    appendNew(read.entries());
                    cursor.accept(read);
                })
                .onError(failure -> LOG.debug("Cannot fetch the log of step {}", stepId, failure))
                .build()
                .start();
    }

    /** The lines the step wrote since the last poll; the step is read first, see the poller. */
    private StepLogCursor.Read freshLog(Workspace workspace, UUID stepId, StepLogCursor cursor) {
        StepRun step = workspace.steps(runId).stream().filter(s -> s.id().equals(stepId))
                .findFirst().orElseThrow();
        lastStepStatus = step.status();
        return cursor.read(workspace, step);
    }

    private boolean stepFinished() {
        ExecutionStatus status = lastStepStatus;
        return status != null && status.isFinished();
    }

    private void appendNew(List<LogEntry> fresh) {
        if (!fresh.isEmpty()) {
            logSink.accept(fresh.stream().map(LogEntry::message).toList());
        }
    }

    private void stopPolling() {
        if (runPoller != null) {
            runPoller.stop();
            runPoller = null;
        }
    }

    private void stopLog() {
        if (logPoller != null) {
            logPoller.stop();
            logPoller = null;
        }
    }

    private static String toYaml(JsonNode config) {
        if (config == null || config.isMissingNode() || config.isNull()) {
            return "# The server sent no configuration for this run.";
        }
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            LOG.warn("Cannot write the run's configuration as YAML", e);
            return config.toPrettyString();
        }
    }
}
