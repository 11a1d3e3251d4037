package dev.snapdeck.ui.snapshots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.snapdeck.api.Pipeline;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.Snapshot;
import dev.snapdeck.ui.testing.FakeShell;
import dev.snapdeck.ui.testing.FakeWorkspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        // The one notice; the shell only shows the Snapshots screen with the snapshot selected.
        assertEquals(List.of("Snapshot nightly created."), shell.notifications);
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

    @Test
    void aTakenNameForAFolderSnapshotIsKeptWhenTheUserDeclinesWithoutAnError() {
        workspace.add(FakeWorkspace.snapshot("nightly", FakeWorkspace.SERVER_VERSION));
        NewSnapshotViewModel viewModel = new NewSnapshotViewModel(shell.context(workspace),
                null);
        viewModel.start();
        viewModel.sourceProperty().set(NewSnapshotViewModel.Source.FOLDER);
        viewModel.nameProperty().set("nightly");
        shell.answers.add(false);

        viewModel.create();

        assertNull(viewModel.createdProperty().get());
        assertEquals("The name nightly is taken in this pipeline; choose another.",
                viewModel.errorProperty().get());
    }

    @Test
    void onTheLocalServerAFolderSnapshotFreezesTheConfigFileAndGetsTheTags(@TempDir Path dir)
            throws Exception {
        Path config = Files.writeString(dir.resolve("run.yaml"),
                "steps:\n  train_model:\n    parameters:\n      k: 9\n");
        NewSnapshotViewModel viewModel = new NewSnapshotViewModel(shell.context(workspace),
                null);
        viewModel.start();
        viewModel.sourceProperty().set(NewSnapshotViewModel.Source.FOLDER);
        shell.files.add(config);
        viewModel.chooseConfigFile();
        viewModel.nameProperty().set("from-folder");
        viewModel.tagsProperty().set("local");

        viewModel.create();

        assertTrue(viewModel.offersFolders());
        assertTrue(workspace.calls().contains("snapshotFromFolder training_pipeline from-folder"),
                workspace.calls().toString());
        assertEquals(9, workspace.folderConfigs().get(0)
                .at("/steps/train_model/parameters/k").asInt());
        assertEquals(List.of("local"), viewModel.createdProperty().get().tags());
    }

    @Test
    void aBrokenConfigFileIsReportedWithItsPlaceAndNothingIsCreated(@TempDir Path dir)
            throws Exception {
        Path config = Files.writeString(dir.resolve("bad.yaml"), "a: 1\na: 2\n");
        NewSnapshotViewModel viewModel = new NewSnapshotViewModel(shell.context(workspace),
                null);
        viewModel.start();
        viewModel.sourceProperty().set(NewSnapshotViewModel.Source.FOLDER);
        viewModel.configFileProperty().set(config);
        viewModel.nameProperty().set("from-folder");

        viewModel.create();

        assertTrue(viewModel.errorProperty().get().contains("bad.yaml:2:"),
                viewModel.errorProperty().get());
        assertTrue(workspace.folderConfigs().isEmpty());
        assertNull(viewModel.createdProperty().get());
    }

    @Test
    void foldersAreNotOfferedOnAServerThatIsNotLocal() {
        workspace.setConnection(FakeWorkspace.connection(false));

        NewSnapshotViewModel viewModel = new NewSnapshotViewModel(shell.context(workspace),
                null);

        assertFalse(viewModel.offersFolders());
    }
}
