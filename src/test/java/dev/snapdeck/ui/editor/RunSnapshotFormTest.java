package dev.snapdeck.ui.editor;

import static dev.snapdeck.ui.editor.EditorOnStage.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;

import dev.snapdeck.api.Snapshot;
import dev.snapdeck.ui.testing.FakeShell;
import dev.snapdeck.ui.testing.FakeWorkspace;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Form tab of Run Snapshot on a dynamic snapshot: a Run section with the run settings the
 * schema describes, the pipeline parameters, then the step parameters, each kept in step with the
 * YAML both ways.
 */
@ExtendWith(ApplicationExtension.class)
class RunSnapshotFormTest {

    private final EditorOnStage editor = new EditorOnStage();
    private final FakeWorkspace workspace = editor.workspace;
    private final FakeShell shell = editor.shell;
    private final Snapshot snapshot = workspace.add(FakeWorkspace.dynamicSnapshot("dynamic"));
    private RunSnapshotView view;

    @Start
    void start(Stage stage) {
        view = editor.show(stage, snapshot, 800);
    }

    @AfterEach
    void stop(FxRobot robot) {
        editor.close(robot);
    }

    @Test
    void sectionsComeInOrderRunPipelineThenSteps(FxRobot robot) throws Exception {
        editor.openForm(robot);

        GridPane form = robot.lookup("#" + RunSnapshotView.FORM_ID).queryAs(GridPane.class);
        List<String> headings = form.getChildren().stream()
                .filter(node -> node.getStyleClass().contains("section-heading")
                        || node.getStyleClass().contains("step-heading"))
                .map(node -> ((Label) node).getText()).toList();

        assertEquals(List.of("Run", "Pipeline parameters", "load_data", "train_model",
                "evaluate"), headings);
    }

    @Test
    void runSettingsFollowTheYamlAndWriteIntoIt(FxRobot robot) throws Exception {
        editor.openForm(robot);
        CheckBox cache = robot.lookup("#run-setting-enable_cache").queryAs(CheckBox.class);
        CheckBox stepLogs = robot.lookup("#run-setting-enable_step_logs").queryAs(CheckBox.class);
        TextField runName = robot.lookup("#run-setting-run_name").queryAs(TextField.class);
        boolean cacheFromTemplate = cache.isSelected();
        boolean stepLogsUnset = stepLogs.isIndeterminate();

        robot.clickOn(cache);
        waitFor(() -> view.editor().getText().contains("enable_cache: false"));
        robot.clickOn(stepLogs);
        waitFor(() -> view.editor().getText().contains("enable_step_logs: true"));
        editor.replaceInYaml(robot, "run_name: \"training_pipeline-{date}-{time}\"",
                "run_name: \"nightly-{date}\"");
        waitFor(() -> runName.getText().equals("nightly-{date}"));

        assertTrue(cacheFromTemplate);
        assertTrue(stepLogsUnset);
        assertFalse(stepLogs.isIndeterminate());
        assertFalse(view.editor().getText().contains("enable_cache: true"));
    }

    @Test
    void typingARunNameWritesItAndLeavingItEmptyWritesNothing(FxRobot robot) throws Exception {
        editor.openForm(robot);
        String before = view.editor().getText();

        robot.clickOn("#run-setting-enable_artifact_metadata");
        waitFor(() -> view.editor().getText().contains("enable_artifact_metadata: true"));
        robot.doubleClickOn("#run-setting-run_name").press(KeyCode.CONTROL, KeyCode.A)
                .release(KeyCode.A, KeyCode.CONTROL).write("from-the-form").type(KeyCode.ENTER);

        waitFor(() -> view.editor().getText().contains("run_name: from-the-form"));
        assertFalse(before.contains("enable_artifact_metadata"));
    }

    @Test
    void pipelineParametersFollowTheYamlAndWriteIntoIt(FxRobot robot) throws Exception {
        editor.openForm(robot);
        @SuppressWarnings("unchecked")
        Spinner<JsonNode> sampleSize = robot.lookup("#pipeline-param-sample_size")
                .queryAs(Spinner.class);
        TextField dataset = robot.lookup("#pipeline-param-dataset").queryAs(TextField.class);
        int fromTemplate = sampleSize.getValue().asInt();

        robot.interact(() -> sampleSize.getValueFactory().setValue(IntNode.valueOf(400)));
        waitFor(() -> view.editor().getText().contains("sample_size: 400"));
        editor.replaceInYaml(robot, "dataset: iris.csv", "dataset: wine.csv");
        waitFor(() -> dataset.getText().equals("wine.csv"));
        editor.replaceInYaml(robot, "sample_size: 400", "sample_size: 5");
        Label problem = robot.lookup("#problem-pipeline-param-sample_size").queryAs(Label.class);
        waitFor(() -> !problem.getText().isEmpty());

        assertEquals(150, fromTemplate);
        assertTrue(problem.getText().contains("10"), problem.getText());
    }

    @Test
    void unsetTakesARunSettingOutOfTheYamlAndTheYamlCanSetItAgain(FxRobot robot)
            throws Exception {
        editor.openForm(robot);
        Node unset = robot.lookup("#unset-run-setting-enable_cache").query();
        Node notSet = robot.lookup("#not-set-run-setting-enable_cache").query();
        boolean writtenAtFirst = unset.isVisible() && !notSet.isVisible();

        robot.clickOn(unset);
        waitFor(() -> !view.editor().getText().contains("enable_cache") && notSet.isVisible());
        boolean unsetHidden = !unset.isVisible();
        robot.interact(() -> view.editor().updateText(view.editor().getText()
                + "enable_cache: false\n"));
        CheckBox cache = robot.lookup("#run-setting-enable_cache").queryAs(CheckBox.class);
        waitFor(() -> unset.isVisible() && !notSet.isVisible());

        assertTrue(writtenAtFirst);
        assertTrue(unsetHidden);
        assertFalse(cache.isSelected());
        assertFalse(cache.isIndeterminate());
    }

    @Test
    void resetShowsOnlyBesideAChangedParameterAndTakesItBack(FxRobot robot) throws Exception {
        editor.openForm(robot);
        Node reset = robot.lookup("#reset-param-train_model-epochs").query();
        Node otherReset = robot.lookup("#reset-param-train_model-model_type").query();
        String template = view.editor().getText();
        boolean shownAtFirst = reset.isVisible();

        editor.replaceInYaml(robot, "epochs: 10", "epochs: 50");
        waitFor(reset::isVisible);
        boolean otherShown = otherReset.isVisible();
        scrollTo(robot, reset);
        robot.clickOn(reset);
        waitFor(() -> !reset.isVisible());

        assertFalse(shownAtFirst);
        assertFalse(otherShown);
        assertEquals(template, view.editor().getText());
    }

    /** Scrolls the form so that {@code node} is in view, as the user would before clicking. */
    private static void scrollTo(FxRobot robot, Node node) {
        robot.interact(() -> {
            Parent up = node.getParent();
            while (!(up instanceof ScrollPane)) {
                up = up.getParent();
            }
            ScrollPane pane = (ScrollPane) up;
            Node content = pane.getContent();
            Bounds at = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
            double room = content.getLayoutBounds().getHeight()
                    - pane.getViewportBounds().getHeight();
            pane.setVvalue(room <= 0 ? 0 : Math.min(1, at.getMinY() / room));
        });
    }
}
