package dev.snapdeck.ui.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.api.Pipeline;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.ui.runs.RunsWorkspace;
import dev.snapdeck.ui.testing.FakeShell;

class PipelinesViewModelTest {

    private final RunsWorkspace workspace = new RunsWorkspace();
    private final FakeShell shell = new FakeShell();

    private PipelinesViewModel open(int pageSize) {
        PipelinesViewModel viewModel = new PipelinesViewModel(shell.context(workspace), pageSize);
        viewModel.refresh();
        return viewModel;
    }

    @Test
    void showsEachPipelinesNewestRunAndRunCount() {
        Pipeline training = workspace.addPipeline("training");
        workspace.addPipeline("empty");
        workspace.addRun(training, "first", ExecutionStatus.COMPLETED);
        workspace.addRun(training, "second", ExecutionStatus.FAILED);

        PipelinesViewModel viewModel = open(25);

        PipelineRow row = viewModel.getPipelines().stream()
                .filter(r -> r.name().equals("training")).findFirst().orElseThrow();
        assertEquals("second", row.latestRunName());
        assertEquals(ExecutionStatus.FAILED, row.latestStatus());
        assertEquals(2, row.runCount());
        PipelineRow empty = viewModel.getPipelines().stream()
                .filter(r -> r.name().equals("empty")).findFirst().orElseThrow();
        assertEquals(0, empty.runCount());
        assertNull(empty.latestRun());
    }

    @Test
    void searchesAndPagesOnTheServer() {
        for (int i = 0; i < 7; i++) {
            workspace.addPipeline("pipe-" + i);
        }
        workspace.addPipeline("other");
        PipelinesViewModel viewModel = open(3);

        viewModel.searchProperty().set("pipe");
        viewModel.refresh();
        viewModel.pager().nextPage();

        assertEquals(7, viewModel.pager().totalProperty().get());
        assertEquals(List.of("pipe-3", "pipe-4", "pipe-5"), names(viewModel));
        assertEquals("Pipelines 4–6 of 7", viewModel.pager().pageTextProperty().get());
    }

    @Test
    void asksTheServerForTheChosenOrder() {
        workspace.addPipeline("a");
        PipelinesViewModel viewModel = open(25);

        PipelinesViewModel.Sort chosen = PipelinesViewModel.Sort.NAME_DESCENDING;
        viewModel.sortProperty().set(chosen);

        assertEquals("desc:name", dev.snapdeck.api.QueryParams.of(viewModel.query(1)).get("sort_by"));
    }

    @Test
    void showsTheSelectedPipelinesRuns() {
        Pipeline training = workspace.addPipeline("training");
        workspace.addRun(training, "one", ExecutionStatus.COMPLETED);
        PipelinesViewModel viewModel = open(25);

        viewModel.selectedProperty().set(viewModel.getPipelines().get(0));

        assertEquals(List.of("one"), viewModel.getRuns().stream().map(PipelineRun::name)
                .collect(Collectors.toList()));
    }

    private static List<String> names(PipelinesViewModel viewModel) {
        return viewModel.getPipelines().stream().map(PipelineRow::name)
                .collect(Collectors.toList());
    }
}
