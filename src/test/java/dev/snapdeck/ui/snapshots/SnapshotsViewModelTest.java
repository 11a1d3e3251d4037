package dev.snapdeck.ui.snapshots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.api.Snapshot;
import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.ui.shell.DialogService;
import dev.snapdeck.ui.testing.Eventually;
import dev.snapdeck.ui.testing.FakeShell;
import dev.snapdeck.ui.testing.FakeWorkspace;
import dev.snapdeck.ui.testing.QueuedExecutor;

import org.junit.jupiter.api.Test;

class SnapshotsViewModelTest {

    private final FakeWorkspace workspace = new FakeWorkspace();
    private final FakeShell shell = new FakeShell();
    private final Snapshot prod = workspace.add(FakeWorkspace.snapshot("prod-training",
            FakeWorkspace.SERVER_VERSION));
    private final Snapshot old = workspace.add(FakeWorkspace.snapshot("old-training",
            "0.80.0"));

    private SnapshotsViewModel loaded() {
        SnapshotsViewModel viewModel = new SnapshotsViewModel(shell.context(workspace));
        viewModel.refresh();
        return viewModel;
    }

    private SnapshotRow row(SnapshotsViewModel viewModel, Snapshot snapshot) {
        return viewModel.getSnapshots().stream()
                .filter(r -> r.snapshot().id().equals(snapshot.id())).findFirst().orElseThrow();
    }

    @Test
    void listsTheNamedSnapshotsWithTheirPipelineAndCreator() {
        SnapshotsViewModel viewModel = loaded();

        assertEquals(2, viewModel.getSnapshots().size());
        SnapshotRow row = row(viewModel, prod);
        assertEquals("training_pipeline", row.pipeline());
        assertEquals("admin", row.createdBy());
        assertEquals("yes", row.runnable());
    }

    @Test
    void theFirstPageSelectsItsFirstSnapshotSoRunIsReady() {
        SnapshotsViewModel viewModel = loaded();

        assertEquals(List.of(viewModel.getSnapshots().get(0)), viewModel.getSelection());
        assertTrue(viewModel.canRunProperty().get());
    }

    @Test
    void laterPagesSelectNothingTheUserDidNotChoose() {
        SnapshotsViewModel viewModel = loaded();
        viewModel.getSelection().clear();

        viewModel.refresh();

        assertTrue(viewModel.getSelection().isEmpty());
    }

    @Test
    void aFirstPageWithoutSnapshotsLeavesTheChoiceToTheNextOneWithSome() {
        workspace.deleteSnapshot(prod.id());
        workspace.deleteSnapshot(old.id());
        SnapshotsViewModel viewModel = loaded();
        assertTrue(viewModel.getSelection().isEmpty());
        Snapshot nightly = workspace.add(FakeWorkspace.snapshot("nightly",
                FakeWorkspace.SERVER_VERSION));

        viewModel.refresh();

        assertEquals(nightly.id(), viewModel.selectedProperty().get().snapshot().id());
    }

    @Test
    void theLatestRunColumnFollowsARunInProgressUntilItEnds() {
        Snapshot nightly = workspace.add(withLatestRun(FakeWorkspace.snapshot("nightly",
                FakeWorkspace.SERVER_VERSION), ExecutionStatus.RUNNING));
        SnapshotsViewModel viewModel = loaded();
        assertEquals("running", row(viewModel, nightly).latestRun());

        workspace.add(withLatestRun(nightly, ExecutionStatus.COMPLETED));

        Eventually.await("the row to show the run as completed", Duration.ofSeconds(10),
                () -> "completed".equals(row(viewModel, nightly).latestRun()));
    }

    @Test
    void hiddenItStopsFetchingAndShownAgainItFetchesAtOnce() {
        SnapshotsViewModel viewModel = loaded();
        boolean pollingWhenShown = viewModel.livePage().isPolling();

        viewModel.pauseLiveUpdates();
        boolean pollingWhileHidden = viewModel.livePage().isPolling();
        Snapshot nightly = workspace.add(FakeWorkspace.snapshot("nightly",
                FakeWorkspace.SERVER_VERSION));
        viewModel.resumeLiveUpdates();

        assertTrue(pollingWhenShown);
        assertFalse(pollingWhileHidden);
        assertTrue(viewModel.livePage().isPolling());
        Eventually.await("the snapshot made meanwhile to show", Duration.ofSeconds(10),
                () -> viewModel.getSnapshots().stream()
                        .anyMatch(row -> row.snapshot().id().equals(nightly.id())));
        viewModel.pauseLiveUpdates();
    }

    private static Snapshot withLatestRun(Snapshot s, ExecutionStatus status) {
        return new Snapshot(s.id(), s.name(), s.created(), s.updated(), s.runnable(), s.deployable(), s.dynamic(),
                s.pipelineId(), s.pipeline(), s.stack(), s.build(), s.user(), s.tags(), s.id(), status,
                s.description(), s.runNameTemplate(), s.serverVersion(), s.clientVersion(), s.sourceSnapshotId(),
                s.stepNames(), s.pipelineConfiguration(), s.configTemplate(), s.configSchema());
    }

    @Test
    void warnsOnlyAboutSnapshotsMadeOnAnotherServerVersion() {
        SnapshotsViewModel viewModel = loaded();

        assertFalse(row(viewModel, prod).hasVersionWarning());
        assertTrue(row(viewModel, old).versionWarning().contains("0.80.0"));
    }

    @Test
    void deletesEverySelectedSnapshotAfterOneConfirmation() {
        SnapshotsViewModel viewModel = loaded();
        viewModel.getSelection().setAll(viewModel.getSnapshots());
        shell.answers.add(true);

        viewModel.deleteSelected();

        assertEquals(1, shell.questions.size());
        assertTrue(shell.questions.get(0).startsWith("Delete 2 snapshots"), shell.questions.get(0));
        assertTrue(workspace.all().isEmpty());
        assertTrue(viewModel.getSnapshots().isEmpty());
    }

    @Test
    void deletesNothingWhenTheUserSaysNo() {
        SnapshotsViewModel viewModel = loaded();
        viewModel.getSelection().setAll(viewModel.getSnapshots());
        shell.answers.add(false);

        viewModel.deleteSelected();

        assertEquals(2, workspace.all().size());
    }

    @Test
    void savesANewNameDescriptionAndTags() {
        SnapshotsViewModel viewModel = loaded();
        viewModel.getSelection().setAll(row(viewModel, prod));
        viewModel.editNameProperty().set("prod-v2");
        viewModel.editDescriptionProperty().set("Second try.");
        viewModel.editTagsProperty().set("weekly, gpu");

        viewModel.saveDetails();

        Snapshot saved = workspace.find(prod.id()).orElseThrow();
        assertEquals("prod-v2", saved.name());
        assertEquals("Second try.", saved.description());
        assertEquals(List.of("weekly", "gpu"), saved.tags());
        assertFalse(viewModel.canSaveProperty().get());
    }

    @Test
    void offersToTakeOverANameAnotherSnapshotHas() {
        SnapshotsViewModel viewModel = loaded();
        viewModel.getSelection().setAll(row(viewModel, prod));
        viewModel.editNameProperty().set("old-training");
        shell.answers.add(true);

        viewModel.saveDetails();

        assertEquals(1, shell.questions.size());
        assertEquals("old-training", workspace.find(prod.id()).orElseThrow().name());
        assertEquals(null, workspace.find(old.id()).orElseThrow().name());
    }

    @Test
    void aBlankNameIsRefused() {
        SnapshotsViewModel viewModel = loaded();
        viewModel.getSelection().setAll(row(viewModel, prod));
        viewModel.editNameProperty().set("  ");

        viewModel.saveDetails();

        assertEquals("prod-training", workspace.find(prod.id()).orElseThrow().name());
        assertTrue(shell.errors.get(0).contains("needs a name"), shell.errors.toString());
    }

    @Test
    void runOpensRunSnapshotOnTheSelectedRow() {
        SnapshotsViewModel viewModel = loaded();
        viewModel.getSelection().setAll(row(viewModel, old));

        viewModel.runSelected();

        assertEquals(List.of("runSnapshot " + old.id()), shell.navigation);
    }

    @Test
    void refreshKeepsTheSelection() {
        SnapshotsViewModel viewModel = loaded();
        viewModel.getSelection().setAll(row(viewModel, old));

        viewModel.refresh();

        assertEquals(old.id(), viewModel.selectedProperty().get().snapshot().id());
    }

    @Test
    void showingThePageAgainKeepsUnsavedEdits() {
        SnapshotsViewModel viewModel = loaded();
        viewModel.getSelection().setAll(row(viewModel, prod));
        viewModel.editNameProperty().set("prod-v2");
        viewModel.editTagsProperty().set("weekly");
        workspace.add(withLatestRun(prod, ExecutionStatus.COMPLETED));

        viewModel.refresh();

        assertEquals("completed", row(viewModel, prod).latestRun());
        assertEquals(prod.id(), viewModel.selectedProperty().get().snapshot().id());
        assertEquals("prod-v2", viewModel.editNameProperty().get());
        assertEquals("weekly", viewModel.editTagsProperty().get());
        assertTrue(viewModel.canSaveProperty().get());
    }

    @Test
    void typingBeforeTheDetailsArriveKeepsWhatWasTyped() {
        QueuedExecutor callbacks = new QueuedExecutor();
        try (BackgroundExecutor executor = BackgroundExecutor.create(callbacks)) {
            SnapshotsViewModel viewModel = new SnapshotsViewModel(shell.context(workspace,
                    executor));
            viewModel.refresh();
            handOver(callbacks, () -> !viewModel.getSnapshots().isEmpty());
            // The first page selected its first row; the details asked for here come afresh.
            viewModel.getSelection().clear();
            workspace.add(withDescription(prod, "Trains it nightly."));
            viewModel.getSelection().setAll(row(viewModel, prod));

            viewModel.editNameProperty().set("prod-v2");
            handOver(callbacks, () -> viewModel.detailProperty().get().description()
                    .equals("Trains it nightly."));

            assertEquals("prod-v2", viewModel.editNameProperty().get());
            assertEquals("Trains it nightly.", viewModel.editDescriptionProperty().get());
            assertTrue(viewModel.canSaveProperty().get());
        }
    }

    /** Runs the queued callbacks until {@code done}, as the FX thread would. */
    private static void handOver(QueuedExecutor callbacks, BooleanSupplier done) {
        Eventually.await("the background answer", Duration.ofSeconds(10), () -> {
            callbacks.runAll();
            return done.getAsBoolean();
        });
    }

    private static Snapshot withDescription(Snapshot s, String description) {
        return new Snapshot(s.id(), s.name(), s.created(), s.updated(), s.runnable(),
                s.deployable(), s.dynamic(), s.pipelineId(), s.pipeline(), s.stack(), s.build(),
                s.user(), s.tags(), s.latestRunId(), s.latestRunStatus(), description,
                s.runNameTemplate(), s.serverVersion(), s.clientVersion(), s.sourceSnapshotId(),
                s.stepNames(), s.pipelineConfiguration(), s.configTemplate(), s.configSchema());
    }

    @Test
    void pickingAnotherRowWithoutEditsAsksNothing() {
        SnapshotsViewModel viewModel = loaded();
        viewModel.getSelection().setAll(row(viewModel, prod));

        assertTrue(viewModel.select(List.of(row(viewModel, old))));

        assertEquals(List.of(), shell.questions);
        assertEquals("old-training", viewModel.editNameProperty().get());
    }

    @Test
    void cancellingKeepsTheEditedRowAndItsEdits() {
        SnapshotsViewModel viewModel = loaded();
        viewModel.getSelection().setAll(row(viewModel, prod));
        viewModel.editNameProperty().set("prod-v2");
        shell.unsavedAnswers.add(DialogService.Unsaved.KEEP_EDITING);

        assertFalse(viewModel.select(List.of(row(viewModel, old))));

        assertEquals(1, shell.questions.size());
        assertTrue(shell.questions.get(0).contains("prod-training"), shell.questions.toString());
        assertEquals(List.of(row(viewModel, prod)), viewModel.getSelection());
        assertEquals(prod.id(), viewModel.selectedProperty().get().snapshot().id());
        assertEquals("prod-v2", viewModel.editNameProperty().get());
        assertEquals("prod-training", workspace.find(prod.id()).orElseThrow().name());
    }

    @Test
    void discardingMovesOnAndLeavesTheServerAlone() {
        SnapshotsViewModel viewModel = loaded();
        viewModel.getSelection().setAll(row(viewModel, prod));
        viewModel.editNameProperty().set("prod-v2");
        shell.unsavedAnswers.add(DialogService.Unsaved.DISCARD);

        assertTrue(viewModel.select(List.of(row(viewModel, old))));

        assertEquals(old.id(), viewModel.selectedProperty().get().snapshot().id());
        assertEquals("old-training", viewModel.editNameProperty().get());
        assertEquals("prod-training", workspace.find(prod.id()).orElseThrow().name());
    }

    @Test
    void savingFirstSendsTheEditsThenMovesOn() {
        SnapshotsViewModel viewModel = loaded();
        viewModel.getSelection().setAll(row(viewModel, prod));
        viewModel.editNameProperty().set("prod-v2");
        shell.unsavedAnswers.add(DialogService.Unsaved.SAVE);

        viewModel.select(List.of(row(viewModel, old)));

        assertEquals(1, shell.questions.size());
        assertEquals("prod-v2", workspace.find(prod.id()).orElseThrow().name());
        assertEquals(old.id(), viewModel.selectedProperty().get().snapshot().id());
        assertEquals("old-training", viewModel.editNameProperty().get());
    }

    @Test
    void aSaveThatFailsKeepsTheEditedRowAndItsEdits() {
        SnapshotsViewModel viewModel = loaded();
        viewModel.getSelection().setAll(row(viewModel, prod));
        viewModel.editNameProperty().set("  ");
        shell.unsavedAnswers.add(DialogService.Unsaved.SAVE);

        assertFalse(viewModel.select(List.of(row(viewModel, old))));

        assertEquals(1, shell.errors.size());
        assertEquals(prod.id(), viewModel.selectedProperty().get().snapshot().id());
        assertEquals("  ", viewModel.editNameProperty().get());
    }

    @Test
    void aNewSnapshotIsSelectedWhenThePageShowsIt() {
        SnapshotsViewModel viewModel = loaded();
        Snapshot nightly = workspace.add(FakeWorkspace.snapshot("nightly",
                FakeWorkspace.SERVER_VERSION));

        viewModel.showCreated(nightly.id());

        assertEquals(nightly.id(), viewModel.selectedProperty().get().snapshot().id());
        assertEquals("nightly", viewModel.editNameProperty().get());
    }
}
