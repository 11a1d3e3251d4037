package dev.snapdeck.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.api.Pipeline;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.ui.testing.Eventually;
import dev.snapdeck.ui.testing.FakeShell;

@Timeout(20)
class RunsViewModelTest {

    private final RunsWorkspace workspace = new RunsWorkspace();
    private final FakeShell shell = new FakeShell();
    private final Pipeline training = workspace.addPipeline("training");
    private RunsViewModel viewModel;

    @AfterEach
    void dispose() {
        if (viewModel != null) {
            viewModel.dispose();
        }
    }

    private void addRuns(int count, ExecutionStatus status) {
        for (int i = 0; i < count; i++) {
            workspace.addRun(training, "run-" + workspace.runs.size(), status);
        }
    }

    private RunsViewModel open(int pageSize) {
        viewModel = new RunsViewModel(shell.context(workspace), pageSize);
        viewModel.refreshAll();
        return viewModel;
    }

    @Test
    void showsNewestFirstWithTheTrueTotal() {
        addRuns(12, ExecutionStatus.COMPLETED);

        open(5);

        assertEquals(List.of("run-11", "run-10", "run-9", "run-8", "run-7"), names());
        assertEquals(12, viewModel.pager().totalProperty().get());
        assertEquals(3, viewModel.pager().totalPagesProperty().get());
        assertEquals("Runs 1–5 of 12", viewModel.pager().pageTextProperty().get());
    }

    @Test
    void pagingNeitherSkipsNorRepeatsWhenRunsStartMeanwhile() {
        addRuns(12, ExecutionStatus.COMPLETED);
        open(5);
        List<String> seen = new ArrayList<>(names());

        addRuns(3, ExecutionStatus.COMPLETED);
        viewModel.pager().nextPage();
        seen.addAll(names());
        viewModel.pager().nextPage();
        seen.addAll(names());

        assertEquals(12, seen.size());
        assertEquals(12, new HashSet<>(seen).size());
        assertEquals("run-0", seen.get(11));
    }

    @Test
    void sendsFiltersAndSearchToTheServer() {
        addRuns(3, ExecutionStatus.COMPLETED);
        addRuns(2, ExecutionStatus.FAILED);
        open(50);

        viewModel.searchProperty().set("run-4");
        viewModel.statusFilterProperty().set(ExecutionStatus.FAILED);

        var query = workspace.runQueries.get(workspace.runQueries.size() - 1);
        assertEquals("oneof:[\"failed\"]", query.get("status"));
        assertEquals("contains:run-4", query.get("name"));
        assertEquals("desc:created", query.get("sort_by"));
        assertEquals(List.of("run-4"), names());
    }

    @Test
    void filtersByPipeline() {
        addRuns(2, ExecutionStatus.COMPLETED);
        Pipeline other = workspace.addPipeline("other");
        workspace.addRun(other, "other-run", ExecutionStatus.COMPLETED);
        open(50);

        viewModel.pipelineFilterProperty().set(other);

        assertEquals(List.of("other-run"), names());
        // The last query may be a live update of the page before the filter; one must carry it.
        assertTrue(workspace.runQueries.stream().anyMatch(query ->
                other.id().toString().equals(query.get("pipeline_id"))), workspace.runQueries.toString());
    }

    @Test
    void followsActiveRunsUntilTheyFinish() {
        PipelineRun running = workspace.addRun(training, "live", ExecutionStatus.RUNNING);
        open(50);
        assertTrue(viewModel.liveProperty().get());

        workspace.update(RunsWorkspace.run(running.id(), "live", running.created(),
                ExecutionStatus.COMPLETED, training, "orchestrator-1"));

        Eventually.await("the run to show as completed", Duration.ofSeconds(10),
                () -> !viewModel.getRuns().isEmpty()
                        && viewModel.getRuns().get(0).status().equals(ExecutionStatus.COMPLETED));
        Eventually.await("live updates to stop", Duration.ofSeconds(5),
                () -> !viewModel.liveProperty().get());
    }

    @Test
    void doesNotPollWhenEveryRunHasFinished() {
        addRuns(2, ExecutionStatus.COMPLETED);

        open(50);

        assertFalse(viewModel.liveProperty().get());
    }

    @Test
    void hiddenItStopsFetchingAndShownAgainItFetchesAtOnce() {
        workspace.addRun(training, "live", ExecutionStatus.RUNNING);
        open(50);
        boolean pollingWhenShown = viewModel.livePage().isPolling();

        viewModel.pauseLiveUpdates();
        boolean pollingWhileHidden = viewModel.livePage().isPolling();
        boolean liveWhileHidden = viewModel.liveProperty().get();
        workspace.addRun(training, "started-meanwhile", ExecutionStatus.RUNNING);
        viewModel.resumeLiveUpdates();

        assertTrue(pollingWhenShown);
        assertFalse(pollingWhileHidden);
        assertFalse(liveWhileHidden);
        assertTrue(viewModel.livePage().isPolling());
        assertTrue(viewModel.liveProperty().get());
        Eventually.await("the run started meanwhile to show", Duration.ofSeconds(10),
                () -> names().contains("started-meanwhile"));
    }

    @Test
    void opensTheRunThroughTheNavigator() {
        addRuns(1, ExecutionStatus.COMPLETED);
        open(50);
        UUID id = viewModel.getRuns().get(0).id();

        viewModel.open(viewModel.getRuns().get(0));

        assertEquals(List.of("run " + id), shell.navigation);
    }

    @Test
    void saysWhyTheListIsEmptyWhenTheServerIsDown() {
        workspace.down = true;

        open(50);

        assertTrue(viewModel.errorProperty().get().contains("cannot be reached"),
                viewModel.errorProperty().get());
    }

    private List<String> names() {
        return viewModel.getRuns().stream().map(PipelineRun::name).collect(Collectors.toList());
    }

    static Set<String> ids(List<PipelineRun> runs) {
        return runs.stream().map(r -> r.id().toString()).collect(Collectors.toSet());
    }
}
