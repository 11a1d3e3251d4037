package dev.snapdeck.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.snapdeck.api.Snapshot;
import dev.snapdeck.api.UnauthorizedException;
import dev.snapdeck.api.ValidationException;
import dev.snapdeck.runconfig.PositionedYamlReader;
import dev.snapdeck.runconfig.SnapshotSpec;
import dev.snapdeck.runconfig.TemplateRenderer;
import dev.snapdeck.runconfig.YamlNode;
import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.ui.testing.FakeShell;
import dev.snapdeck.ui.testing.FakeWorkspace;
import dev.snapdeck.ui.testing.QueuedExecutor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunSnapshotViewModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeWorkspace workspace = new FakeWorkspace();
    private final FakeShell shell = new FakeShell();
    private final Snapshot snapshot = workspace.add(FakeWorkspace.snapshot("prod-training",
            FakeWorkspace.SERVER_VERSION));

    private RunSnapshotViewModel opened() {
        RunSnapshotViewModel viewModel = new RunSnapshotViewModel(shell.context(workspace),
                snapshot.id(), Duration.ZERO);
        viewModel.load();
        return viewModel;
    }

    private static String template() {
        return TemplateRenderer.render(SnapshotSpec.of(snapshot().configTemplate(),
                snapshot().configSchema()));
    }

    private static Snapshot snapshot() {
        return FakeWorkspace.snapshot("any", FakeWorkspace.SERVER_VERSION);
    }

    private static int lineOf(String text, String fragment) {
        String before = text.substring(0, text.indexOf(fragment));
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }

    private ParameterField field(RunSnapshotViewModel viewModel, String name) {
        return viewModel.getParameters().stream().filter(f -> f.name().equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void startsFromTheRenderedTemplateAndCanRunIt() {
        RunSnapshotViewModel viewModel = opened();

        assertEquals(template(), viewModel.textProperty().get());
        assertTrue(viewModel.getMarkers().isEmpty(), viewModel.getMarkers().toString());
        assertTrue(viewModel.canRun());
        assertEquals("", viewModel.runBlockedReasonProperty().get());
    }

    @Test
    void editsNeitherRunNorSavedAreWhatClosingWouldLose() {
        RunSnapshotViewModel viewModel = opened();
        boolean atFirst = viewModel.hasUnkeptEdits();

        viewModel.textProperty().set(template().replace("epochs: 10", "epochs: 25"));
        boolean edited = viewModel.hasUnkeptEdits();
        viewModel.run();
        boolean afterRun = viewModel.hasUnkeptEdits();
        viewModel.textProperty().set(template().replace("epochs: 10", "epochs: 30"));
        boolean editedAgain = viewModel.hasUnkeptEdits();
        viewModel.resetToTemplate();

        assertFalse(atFirst, "the template as it came loses nothing");
        assertTrue(edited);
        assertFalse(afterRun, "the run has the edits");
        assertTrue(editedAgain);
        assertFalse(viewModel.hasUnkeptEdits(), "back to the template loses nothing");
    }

    @Test
    void anInvalidValueDisablesRunAndIsMarkedOnItsLine() {
        RunSnapshotViewModel viewModel = opened();
        String broken = template().replace("epochs: 10", "epochs: many");

        viewModel.textProperty().set(broken);

        assertFalse(viewModel.canRun());
        assertEquals("Fix the errors first.", viewModel.runBlockedReasonProperty().get());
        EditorMarker marker = viewModel.getMarkers().get(0);
        assertEquals(EditorMarker.Severity.ERROR, marker.severity());
        assertEquals(lineOf(broken, "epochs: many"), marker.startLine());
        assertEquals(15, marker.startColumn());
    }

    @Test
    void runSendsOnlyWhatChangedAndOpensTheNewRun() throws Exception {
        RunSnapshotViewModel viewModel = opened();
        viewModel.textProperty().set(template().replace("epochs: 10", "epochs: 25"));

        viewModel.run();

        assertEquals(JSON.readTree("{\"steps\":{\"train_model\":{\"parameters\":"
                + "{\"epochs\":25}}}}"), workspace.triggered().get(0));
        assertTrue(shell.navigation.get(0).startsWith("run "), shell.navigation.toString());
    }

    @Test
    void runIsUnavailableOnAServerThatCannotRunSnapshots() {
        workspace.setConnection(FakeWorkspace.connection(false));

        RunSnapshotViewModel viewModel = opened();
        viewModel.run();

        assertFalse(viewModel.canRun());
        assertEquals(workspace.connection().whyRunsAreUnavailable(),
                viewModel.runBlockedReasonProperty().get());
        assertTrue(workspace.triggered().isEmpty());
    }

    @Test
    void aServerValidationErrorIsMarkedAtItsPathAndTheTextStays() {
        RunSnapshotViewModel viewModel = opened();
        String edited = template().replace("epochs: 10", "epochs: 20");
        viewModel.textProperty().set(edited);
        workspace.failNextTrigger(new ValidationException(422, "ValueError", "invalid",
                List.of(new ValidationException.Problem(
                        "body.run_configuration.steps.train_model.parameters.epochs",
                        "Input should be at most 15"))));

        viewModel.run();

        assertEquals(edited, viewModel.textProperty().get());
        EditorMarker marker = viewModel.getMarkers().get(0);
        assertEquals(lineOf(edited, "epochs: 20"), marker.startLine());
        assertTrue(marker.message().contains("Input should be at most 15"), marker.message());
    }

    @Test
    void aFailedRunKeepsTheEditsAndSaysSo() {
        RunSnapshotViewModel viewModel = opened();
        String edited = template().replace("epochs: 10", "epochs: 20");
        viewModel.textProperty().set(edited);
        workspace.failNextTrigger(new UnauthorizedException(401, "AuthorizationException",
                "token expired"));

        viewModel.run();

        assertEquals(edited, viewModel.textProperty().get());
        assertTrue(shell.errors.get(0).contains("Your edits are kept"), shell.errors.toString());
        assertTrue(viewModel.canRun());
    }

    @Test
    void aFormEditRewritesOnlyThatValueInTheYaml() {
        RunSnapshotViewModel viewModel = opened();

        viewModel.setParameter(field(viewModel, "epochs"), IntNode.valueOf(50));

        assertEquals(template().replace("epochs: 10", "epochs: 50"),
                viewModel.textProperty().get());
        assertEquals(IntNode.valueOf(50), field(viewModel, "epochs").getValue());
    }

    @Test
    void aFormEditOfAParameterTheYamlLeavesOutAddsIt() {
        RunSnapshotViewModel viewModel = opened();
        viewModel.textProperty().set("steps:\n  train_model:\n    parameters:\n"
                + "      epochs: 10\n");

        viewModel.setParameter(field(viewModel, "model_type"), TextNode.valueOf("knn"));

        assertEquals("steps:\n  train_model:\n    parameters:\n      epochs: 10\n"
                + "      model_type: knn\n", viewModel.textProperty().get());
        assertFalse(viewModel.hasErrorsProperty().get());
    }

    @Test
    void aYamlEditRefreshesTheForm() {
        RunSnapshotViewModel viewModel = opened();

        viewModel.textProperty().set(template().replace("model_type: logreg",
                "model_type: knn"));

        assertEquals(TextNode.valueOf("knn"), field(viewModel, "model_type").getValue());
    }

    @Test
    void theFormOffersControlsByParameterType() {
        RunSnapshotViewModel viewModel = opened();

        assertEquals(ParameterField.Kind.CHOICE, field(viewModel, "model_type").kind());
        assertEquals(ParameterField.Kind.INTEGER, field(viewModel, "epochs").kind());
        assertEquals(ParameterField.Kind.NUMBER, field(viewModel, "learning_rate").kind());
        assertEquals(ParameterField.Kind.BOOLEAN, field(viewModel, "shuffle").kind());
        assertEquals(ParameterField.Kind.TEXT, field(viewModel, "dataset_uri").kind());
        assertEquals(ParameterField.Kind.YAML_ONLY, field(viewModel, "class_weights").kind());
        assertTrue(field(viewModel, "epochs").help().contains("Default: 10"));
    }

    @Test
    void aQuickFixQuotesTheValueAndClearsTheError() {
        RunSnapshotViewModel viewModel = opened();
        viewModel.textProperty().set(template().replace("seed: 42", "seed: yes")
                .replace("run_name: \"training_pipeline-{date}-{time}\"", "run_name: yes"));
        EditorMarker error = viewModel.getMarkers().stream()
                .filter(m -> m.severity() == EditorMarker.Severity.ERROR
                        && m.startLine() == 3).findFirst().orElseThrow();

        viewModel.applyFix(error);

        assertTrue(viewModel.textProperty().get().contains("run_name: \"yes\"\n"),
                viewModel.textProperty().get());
        assertEquals(1, viewModel.getMarkers().stream()
                .filter(m -> m.severity() == EditorMarker.Severity.ERROR).count());
    }

    @Test
    void anOlderCheckNeverReplacesTheResultOfNewerText() throws Exception {
        QueuedExecutor callbacks = new QueuedExecutor();
        try (BackgroundExecutor executor = BackgroundExecutor.create(callbacks)) {
            RunSnapshotViewModel viewModel = new RunSnapshotViewModel(
                    shell.context(workspace, executor), snapshot.id(), Duration.ZERO);
            viewModel.load();
            runCallbacksUntil(callbacks, () -> viewModel.upToDateProperty().get());

            viewModel.textProperty().set(template().replace("epochs: 10", "epochs: many"));
            viewModel.textProperty().set(template().replace("epochs: 10", "epochs: 12"));
            runCallbacksUntil(callbacks, () -> viewModel.upToDateProperty().get());

            assertTrue(viewModel.getMarkers().isEmpty(), viewModel.getMarkers().toString());
            assertFalse(viewModel.hasErrorsProperty().get());
        }
    }

    /** Runs queued callbacks as they arrive until {@code done} holds (10 s at most). */
    private static void runCallbacksUntil(QueuedExecutor callbacks,
            java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            callbacks.runAll();
            Thread.onSpinWait();
        }
        assertTrue(done.getAsBoolean(), "the check did not finish in time");
    }

    @Test
    void completionOffersTheEnumValuesOfAParameter() {
        RunSnapshotViewModel viewModel = opened();
        String text = "steps:\n  train_model:\n    parameters:\n      model_type: ";

        List<CompletionItem> items = viewModel.completionsAt(new CaretPosition(text,
                text.length(), 4, 19));

        assertEquals(List.of("logreg", "random_forest", "knn"),
                items.stream().map(CompletionItem::label).toList());
    }

    @Test
    void copyAsCurlUsesTheServerAndAPlaceholderToken() {
        RunSnapshotViewModel viewModel = opened();
        viewModel.textProperty().set(template().replace("epochs: 10", "epochs: 25"));

        viewModel.copyAs(RunSnapshotViewModel.CopyFormat.CURL);

        String curl = shell.clipboard.get(0);
        assertTrue(curl.contains("'http://127.0.0.1:8237/api/v1/pipeline_snapshots/"
                + snapshot.id() + "/runs'"), curl);
        assertTrue(curl.contains("-H 'Authorization: Bearer <TOKEN>'"), curl);
        assertTrue(curl.replaceAll("\\s", "").contains("\"epochs\":25"), curl);
    }

    @Test
    void copyAsCliNamesTheSnapshotAndItsConfigFile() {
        RunSnapshotViewModel viewModel = opened();

        String cli = viewModel.copyText(RunSnapshotViewModel.CopyFormat.CLI);

        assertTrue(cli.endsWith("snapdeck pipeline snapshot run prod-training "
                + "--config run.yaml\n"), cli);
        assertTrue(cli.contains("epochs: 10"), cli);
    }

    @Test
    void loadAndSaveYamlGoThroughTheChosenFiles(@TempDir Path folder) throws Exception {
        RunSnapshotViewModel viewModel = opened();
        Path in = Files.writeString(folder.resolve("in.yaml"), "enable_cache: false\n");
        Path out = folder.resolve("out.yaml");
        shell.files.add(in);
        shell.files.add(out);

        viewModel.loadYaml();
        viewModel.saveYaml();

        assertEquals("enable_cache: false\n", viewModel.textProperty().get());
        assertEquals("enable_cache: false\n", Files.readString(out, StandardCharsets.UTF_8));
    }

    @Test
    void resetBringsTheTemplateBack() {
        RunSnapshotViewModel viewModel = opened();
        viewModel.textProperty().set("enable_cache: false\n");

        viewModel.resetToTemplate();

        assertEquals(template(), viewModel.textProperty().get());
    }

    @Test
    void resettingAParameterWritesTheSnapshotsValueBack() {
        RunSnapshotViewModel viewModel = opened();
        ParameterField epochs = field(viewModel, "epochs");
        viewModel.setParameter(epochs, IntNode.valueOf(50));
        boolean changedBefore = epochs.isChanged();

        boolean reset = viewModel.resetParameter(epochs);

        assertTrue(changedBefore);
        assertTrue(reset);
        assertEquals(template(), viewModel.textProperty().get());
        assertEquals(IntNode.valueOf(10), epochs.getValue());
        assertFalse(epochs.isChanged());
        assertFalse(field(viewModel, "model_type").isChanged(), "only the edited one changed");
    }

    @Test
    void resettingAParameterTheTemplateLeavesOutTakesItOutOfTheYaml() {
        Snapshot withoutSeed = workspace.add(withoutTemplateValue(snapshot, "load_data", "seed"));
        RunSnapshotViewModel viewModel = new RunSnapshotViewModel(shell.context(workspace),
                withoutSeed.id(), Duration.ZERO);
        viewModel.load();
        String original = viewModel.textProperty().get();
        ParameterField seed = field(viewModel, "seed");
        viewModel.setParameter(seed, IntNode.valueOf(7));

        viewModel.resetParameter(seed);

        assertFalse(original.contains("seed"), original);
        assertEquals(original, viewModel.textProperty().get());
        assertFalse(seed.isChanged());
    }

    /** The snapshot with neither a value nor a default for the step's parameter. */
    private static Snapshot withoutTemplateValue(Snapshot s, String step, String parameter) {
        ObjectNode template = s.configTemplate().deepCopy();
        ((ObjectNode) template.at("/steps/" + step + "/parameters")).remove(parameter);
        ObjectNode schema = s.configSchema().deepCopy();
        ((ObjectNode) schema.at("/$defs/" + step + "/properties/parameters/properties/"
                + parameter)).remove("default");
        return new Snapshot(s.id(), s.name(), s.created(), s.updated(), s.runnable(),
                s.deployable(), s.dynamic(), s.pipelineId(), s.pipeline(), s.stack(), s.build(),
                s.user(), s.tags(), s.latestRunId(), s.latestRunStatus(), s.description(),
                s.runNameTemplate(), s.serverVersion(), s.clientVersion(), s.sourceSnapshotId(),
                s.stepNames(), s.pipelineConfiguration(), template, schema);
    }

    @Test
    void aSnapshotFromAnotherServerVersionIsFlagged() {
        Snapshot old = workspace.add(FakeWorkspace.snapshot("old", "0.80.0"));
        RunSnapshotViewModel viewModel = new RunSnapshotViewModel(shell.context(workspace),
                old.id(), Duration.ZERO);

        viewModel.load();

        assertTrue(viewModel.versionWarning().contains("0.80.0"), viewModel.versionWarning());
    }

    @Test
    void handsOutTheSameListsEveryTimeSoListenersOnThemAreNotCollected() {
        RunSnapshotViewModel viewModel = opened();

        boolean same = viewModel.getMarkers() == viewModel.getMarkers()
                && viewModel.getChanges() == viewModel.getChanges()
                && viewModel.getParameters() == viewModel.getParameters();

        assertTrue(same);
    }

    @Test
    void theFormShowsTheCheckersProblemBesideTheParameter() {
        RunSnapshotViewModel viewModel = opened();

        viewModel.textProperty().set(template().replace("epochs: 10", "epochs: 5000"));

        assertEquals(IntNode.valueOf(5000), field(viewModel, "epochs").getValue());
        assertTrue(field(viewModel, "epochs").problemProperty().get().contains("1000"),
                field(viewModel, "epochs").problemProperty().get());
        assertEquals("", field(viewModel, "seed").problemProperty().get());
    }

    @Test
    void unsettingARunSettingRemovesItsLineAndMarksItNotWritten() {
        RunSnapshotViewModel viewModel = opened();
        ParameterField cache = field(viewModel, "enable_cache");
        boolean writtenBefore = cache.isWritten();

        boolean removed = viewModel.unsetParameter(cache);

        assertTrue(writtenBefore);
        assertTrue(removed);
        assertFalse(viewModel.textProperty().get().contains("enable_cache"));
        assertFalse(cache.isWritten());
        assertTrue(viewModel.canRun());
    }

    @Test
    void aKeyWrittenInFlowStyleIsLeftForTheYaml() {
        String text = "run_name: nightly\nsettings: {enable_cache: false, x: 1}\n";
        YamlNode root = PositionedYamlReader.read(text).root().orElseThrow();

        Optional<String> flow = RunSnapshotViewModel.withoutValue(text, root,
                List.of("settings", "enable_cache"));
        Optional<String> block = RunSnapshotViewModel.withoutValue(text, root, List.of("run_name"));
        Optional<String> absent = RunSnapshotViewModel.withoutValue(text, root,
                List.of("enable_cache"));

        assertTrue(flow.isEmpty());
        assertEquals("settings: {enable_cache: false, x: 1}\n", block.orElseThrow());
        assertEquals(text, absent.orElseThrow());
    }

    @Test
    void removingAKeyTakesItsBlockValueAndKeepsItsNeighbours() {
        String text = "steps:\n  a:\n    parameters:\n      x: 1\n      y: |\n        two\n"
                + "        lines\n      z: 3 # kept\nrun_name: r\n";
        YamlNode root = PositionedYamlReader.read(text).root().orElseThrow();

        String without = RunSnapshotViewModel.withoutValue(text, root,
                List.of("steps", "a", "parameters", "y")).orElseThrow();
        Optional<String> onlyChild = RunSnapshotViewModel.withoutValue(text, root,
                List.of("steps", "a"));

        assertEquals("steps:\n  a:\n    parameters:\n      x: 1\n      z: 3 # kept\n"
                + "run_name: r\n", without);
        assertTrue(onlyChild.isEmpty());
    }
}
