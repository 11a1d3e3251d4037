package dev.snapdeck.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.api.Pipeline;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.Ref;
import dev.snapdeck.api.RunDag;
import dev.snapdeck.api.StepRun;
import dev.snapdeck.ui.controls.DagEdge;
import dev.snapdeck.ui.controls.DagNode;
import dev.snapdeck.ui.testing.Eventually;
import dev.snapdeck.ui.testing.FakeShell;

@Timeout(20)
class RunDetailViewModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunsWorkspace workspace = new RunsWorkspace();
    private final FakeShell shell = new FakeShell();
    private final Pipeline training = workspace.addPipeline("training");
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private RunDetailViewModel viewModel;

    @AfterEach
    void dispose() {
        if (viewModel != null) {
            viewModel.dispose();
        }
    }

    private RunDetailViewModel open(PipelineRun run) {
        viewModel = new RunDetailViewModel(shell.context(workspace), run.id());
        viewModel.setLogSink(logLines::addAll, logLines::clear);
        viewModel.load();
        Eventually.await("the run to load", Duration.ofSeconds(5),
                () -> viewModel.runProperty().get() != null);
        return viewModel;
    }

    private static RunDag.Node node(String id, String name, String status) {
        return new RunDag.Node(id, "step", UUID.randomUUID(), name,
                JSON.createObjectNode().put("status", status));
    }

    @Test
    void drawsTheDagWithStepStatusesAndDependencies() {
        PipelineRun run = workspace.addRun(training, "r", ExecutionStatus.COMPLETED);
        workspace.steps.put(run.id(), List.of(
                RunsWorkspace.step(run.id(), "load", ExecutionStatus.COMPLETED),
                RunsWorkspace.step(run.id(), "train", ExecutionStatus.FAILED)));
        workspace.dag = new RunDag(run.id(), ExecutionStatus.COMPLETED,
                List.of(node("n1", "load", "completed"), node("n2", "train", "running"),
                        node("n3", "evaluate", "initializing")),
                List.of(new RunDag.Edge("n1", "n2"), new RunDag.Edge("n2", "n3")));

        open(run);

        RunDetailViewModel.Graph graph = viewModel.graphProperty().get();
        assertEquals(List.of(new DagNode("load", "load", "completed"),
                new DagNode("train", "train", "failed"),
                new DagNode("evaluate", "evaluate", "initializing")), graph.nodes());
        assertEquals(List.of(new DagEdge("load", "train"), new DagEdge("train", "evaluate")),
                graph.edges());
    }

    @Test
    void drawsTheStepsWhenTheServerHasNoDag() {
        PipelineRun run = workspace.addRun(training, "r", ExecutionStatus.COMPLETED);
        workspace.steps.put(run.id(), List.of(
                RunsWorkspace.step(run.id(), "load", ExecutionStatus.COMPLETED)));

        open(run);

        assertEquals(List.of("load"), viewModel.graphProperty().get().nodes().stream()
                .map(DagNode::id).collect(Collectors.toList()));
    }

    @Test
    void listsStepsWithDurations() {
        PipelineRun run = workspace.addRun(training, "r", ExecutionStatus.COMPLETED);
        workspace.steps.put(run.id(), List.of(
                RunsWorkspace.step(run.id(), "load", ExecutionStatus.COMPLETED)));

        open(run);

        assertEquals(Duration.ofSeconds(4), viewModel.getSteps().get(0).duration());
        assertEquals("4.0 s", Formats.duration(viewModel.getSteps().get(0).duration()));
    }

    @Test
    void appendsOnlyTheLogLinesNotSeenYet() {
        PipelineRun run = workspace.addRun(training, "r", ExecutionStatus.RUNNING);
        StepRun step = RunsWorkspace.step(run.id(), "load", ExecutionStatus.RUNNING);
        workspace.steps.put(run.id(), List.of(step));
        workspace.logs.put(step.id(), List.of(RunsWorkspace.log("one"), RunsWorkspace.log("two")));
        open(run);
        Eventually.await("the first lines", Duration.ofSeconds(5), () -> logLines.size() == 2);

        workspace.logs.put(step.id(), List.of(RunsWorkspace.log("one"), RunsWorkspace.log("two"),
                RunsWorkspace.log("three")));

        Eventually.await("the new line", Duration.ofSeconds(5), () -> logLines.size() >= 3);
        assertEquals(List.of("one", "two", "three"), new ArrayList<>(logLines));
    }

    @Test
    void pausedItFollowsNothingAndResumedItShowsWhatWasWrittenMeanwhileOnce() {
        PipelineRun run = workspace.addRun(training, "r", ExecutionStatus.RUNNING);
        StepRun step = RunsWorkspace.step(run.id(), "load", ExecutionStatus.RUNNING);
        workspace.steps.put(run.id(), List.of(step));
        workspace.logs.put(step.id(), List.of(RunsWorkspace.log("one")));
        open(run);
        Eventually.await("the first line", Duration.ofSeconds(5), () -> logLines.size() == 1);

        viewModel.pause();
        boolean followingWhilePaused = viewModel.isFollowing();
        workspace.logs.put(step.id(), List.of(RunsWorkspace.log("one"), RunsWorkspace.log("two")));
        viewModel.resume();

        assertFalse(followingWhilePaused);
        assertTrue(viewModel.isFollowing());
        Eventually.await("the line written while paused", Duration.ofSeconds(5),
                () -> logLines.size() >= 2);
        assertEquals(List.of("one", "two"), new ArrayList<>(logLines));
    }

    @Test
    void showsTheConfigurationAsYaml() {
        PipelineRun run = workspace.addRun(training, "r", ExecutionStatus.COMPLETED);

        open(run);

        assertEquals("enable_cache: false\n", viewModel.configurationProperty().get());
    }

    @Test
    void offersStopOnlyWhileWaitingOrRunningWithAnOrchestratorRunId() {
        Instant now = Instant.now();

        assertTrue(RunDetailViewModel.isStoppable(RunsWorkspace.run(UUID.randomUUID(), "a",
                now, ExecutionStatus.RUNNING, training, "o-1")));
        assertTrue(RunDetailViewModel.isStoppable(RunsWorkspace.run(UUID.randomUUID(), "a",
                now, ExecutionStatus.INITIALIZING, training, "o-1")));
        assertTrue(RunDetailViewModel.isStoppable(RunsWorkspace.run(UUID.randomUUID(), "a",
                now, ExecutionStatus.QUEUED, training, "o-1")));
        assertFalse(RunDetailViewModel.isStoppable(RunsWorkspace.run(UUID.randomUUID(), "a",
                now, ExecutionStatus.RUNNING, training, null)));
        assertFalse(RunDetailViewModel.isStoppable(RunsWorkspace.run(UUID.randomUUID(), "a",
                now, ExecutionStatus.COMPLETED, training, "o-1")));
        assertFalse(RunDetailViewModel.isStoppable(RunsWorkspace.run(UUID.randomUUID(), "a",
                now, ExecutionStatus.STOPPING, training, "o-1")));
    }

    @Test
    void stopsGracefullyAfterTheUserConfirms() {
        PipelineRun run = workspace.addRun(training, "r", ExecutionStatus.RUNNING);
        open(run);
        shell.answers.add(true);

        viewModel.stop(true);

        Eventually.await("the stop request", Duration.ofSeconds(5),
                () -> !workspace.stops.isEmpty());
        assertEquals(List.of(run.id() + " graceful"), workspace.stops);
    }

    @Test
    void aRunThatEndedWhileTheQuestionWasOpenIsNotStopped() {
        PipelineRun run = workspace.addRun(training, "r", ExecutionStatus.RUNNING);
        open(run);
        // The detail still shows it running; the server has it completed by the answer.
        workspace.update(RunsWorkspace.run(run.id(), "r", run.created(),
                ExecutionStatus.COMPLETED, training, null));
        shell.answers.add(true);

        viewModel.stop(true);

        Eventually.await("the notice", Duration.ofSeconds(5), () -> !shell.notifications.isEmpty());
        assertEquals(List.of("r had already completed; there was nothing to stop."),
                shell.notifications);
        assertTrue(workspace.stops.isEmpty());
        assertTrue(shell.errors.isEmpty());
    }

    @Test
    void theQuestionForAQueuedRunSaysItHasNotStarted() {
        PipelineRun run = workspace.addRun(training, "waiting", ExecutionStatus.QUEUED);
        open(run);
        shell.answers.add(false);

        viewModel.stop(false);

        assertEquals(List.of("Stop waiting? It has not started yet, and none of its steps will."),
                shell.questions);
    }

    @Test
    void doesNotStopWhenTheUserSaysNo() {
        PipelineRun run = workspace.addRun(training, "r", ExecutionStatus.RUNNING);
        open(run);
        shell.answers.add(false);

        viewModel.stop(false);

        assertEquals(1, shell.questions.size());
        assertTrue(workspace.stops.isEmpty());
    }

    @Test
    void newSnapshotOpensTheDialogForThisRun() {
        PipelineRun run = workspace.addRun(training, "r", ExecutionStatus.COMPLETED);
        open(run);

        viewModel.newSnapshot();

        assertEquals(List.of("newSnapshotFromRun " + run.id()), shell.navigation);
    }

    @Test
    void measuresAListedRunFromCreationToLastUpdateWhenItHasNoTimes() {
        Instant created = Instant.parse("2026-01-01T10:00:00Z");
        PipelineRun listed = new PipelineRun(UUID.randomUUID(), "r", created,
                created.plusSeconds(90), ExecutionStatus.COMPLETED, false, null, 1, null, null,
                null, null, null, null, List.of(), List.of(), null, null, null, null);

        Duration took = RunDetailViewModel.runDuration(listed, created.plusSeconds(500));

        assertEquals(Duration.ofSeconds(90), took);
    }

    @Test
    void summarisesWhatTheHeaderDoesNotSay() {
        Instant started = Instant.parse("2026-01-01T10:00:00Z");
        PipelineRun running = new PipelineRun(UUID.randomUUID(), "r", started, started,
                ExecutionStatus.RUNNING, true, null, 1, null, new Ref(UUID.randomUUID(), "training"),
                null, new Ref(UUID.randomUUID(), "iris-prod"), null,
                new Ref(UUID.randomUUID(), "alice"), List.of(), List.of(), started, null, null, null);
        PipelineRun ended = new PipelineRun(running.id(), "r", started, started.plusSeconds(200),
                ExecutionStatus.COMPLETED, false, null, 1, null, running.pipeline(), null,
                running.sourceSnapshot(), null, null, List.of(), List.of(), started,
                started.plusSeconds(185), null, null);

        String whileRunning = RunDetailViewModel.summary(running, started.plusSeconds(4));
        String afterwards = RunDetailViewModel.summary(ended, started.plusSeconds(999));

        assertEquals("pipeline training · snapshot iris-prod · by alice · started "
                + Formats.when(started) + " · running for 4.0 s", whileRunning);
        assertEquals("pipeline training · snapshot iris-prod · started " + Formats.when(started)
                + " · took 3 min 05 s", afterwards);
    }

    @Test
    void aQueuedRunIsSummarisedAsWaitingSinceItWasCreated() {
        Instant created = Instant.parse("2026-01-01T10:00:00Z");
        PipelineRun queued = new PipelineRun(UUID.randomUUID(), "r", created, created,
                ExecutionStatus.QUEUED, true, null, 1, null, new Ref(UUID.randomUUID(), "training"),
                null, null, null, null, List.of(), List.of(), null, null, null, null);

        String summary = RunDetailViewModel.summary(queued, created.plusSeconds(4));

        assertEquals("pipeline training · created " + Formats.when(created) + " · queued for 4.0 s",
                summary);
    }

    @Test
    void aRunStoppedBeforeItStartedSaysItNeverStarted() {
        Instant created = Instant.parse("2026-01-01T10:00:00Z");
        PipelineRun stopped = new PipelineRun(UUID.randomUUID(), "r", created,
                created.plusSeconds(16), ExecutionStatus.STOPPED, false, null, 1, null,
                new Ref(UUID.randomUUID(), "training"), null, null, null, null, List.of(),
                List.of(), null, created.plusSeconds(16), null,
                JsonNodeFactory.instance.objectNode());

        String summary = RunDetailViewModel.summary(stopped, created.plusSeconds(60));

        assertEquals("pipeline training · created " + Formats.when(created) + " · never started",
                summary);
    }
}
