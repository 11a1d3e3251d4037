package dev.snapdeck.ui.snapshots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.snapdeck.api.Pipeline;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.Snapshot;
import dev.snapdeck.ui.testing.FakeShell;
import dev.snapdeck.ui.testing.FakeWorkspace;

import org.junit.jupiter.api.Test;

class NewSnapshotViewModelTest {

    private final FakeWorkspace workspace = new FakeWorkspace();
    private final FakeShell shell = new FakeShell();
    private final Pipeline pipeline = workspace.addPipeline("training_pipeline");
    private final Snapshot anonymous = workspace.add(FakeWorkspace.snapshot(null,
            FakeWorkspace.SERVER_VERSION));
    private final PipelineRun run = workspace.addRun(pipeline, anonymous, "training-run-1");

    @Test
    void fromAGivenRunItIsPrefilledAndNamesThatRunsSnapshot() {
        NewSnapshotViewModel viewModel = new NewSnapshotViewModel(shell.context(workspace),
                run.id());
        viewModel.start();
        viewModel.nameProperty().set("nightly");
        viewModel.tagsProperty().set("a, b");

        viewModel.create();

        Snapshot created = viewModel.createdProperty().get();
        assertEquals(anonymous.id(), created.id());
        assertEquals("nightly", created.name());
        assertEquals(List.of("a", "b"), created.tags());
        assertEquals("From run training-run-1.", created.description());
    }

    @Test
    void choosingAPipelineOffersItsRunsNewestFirst() {
        NewSnapshotViewModel viewModel = new NewSnapshotViewModel(shell.context(workspace),
                null);
        viewModel.start();

        viewModel.pipelineProperty().set(viewModel.getPipelines().get(0));

        assertEquals(List.of(run), viewModel.getRuns());
        assertEquals(run, viewModel.runProperty().get());
        assertEquals("training_pipeline", viewModel.nameProperty().get());
    }

    @Test
    void aNameIsRequired() {
        NewSnapshotViewModel viewModel = new NewSnapshotViewModel(shell.context(workspace),
                run.id());
        viewModel.start();

        viewModel.nameProperty().set("   ");

        assertFalse(viewModel.canCreateProperty().get());
        assertEquals("A name is required.", viewModel.nameProblemProperty().get());
    }

    @Test
    void aTakenNameIsReplacedWhenTheUserAgrees() {
        Snapshot holder = workspace.add(FakeWorkspace.snapshot("nightly",
                FakeWorkspace.SERVER_VERSION));
        NewSnapshotViewModel viewModel = new NewSnapshotViewModel(shell.context(workspace),
                run.id());
        viewModel.start();
        viewModel.nameProperty().set("nightly");
        shell.answers.add(true);

        viewModel.create();

        assertEquals("nightly", workspace.find(anonymous.id()).orElseThrow().name());
        assertNull(workspace.find(holder.id()).orElseThrow().name());
        assertTrue(workspace.calls().contains("snapshotFromRun nightly replace"));
    }

    @Test
    void aTakenNameIsKeptWhenTheUserDeclines() {
        workspace.add(FakeWorkspace.snapshot("nightly", FakeWorkspace.SERVER_VERSION));
        NewSnapshotViewModel viewModel = new NewSnapshotViewModel(shell.context(workspace),
                run.id());
        viewModel.start();
        viewModel.nameProperty().set("nightly");
        shell.answers.add(false);

        viewModel.create();

        assertNull(viewModel.createdProperty().get());
        assertTrue(viewModel.errorProperty().get().contains("is taken"),
                viewModel.errorProperty().get());
    }
}
