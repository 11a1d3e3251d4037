package dev.snapdeck.ui.editor;

import static dev.snapdeck.ui.editor.EditorOnStage.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
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

@ExtendWith(ApplicationExtension.class)
class RunSnapshotViewTest {

    private final EditorOnStage editor = new EditorOnStage();
    private final FakeWorkspace workspace = editor.workspace;
    private final FakeShell shell = editor.shell;
    private final Snapshot snapshot = workspace.add(FakeWorkspace.snapshot("prod-training",
            FakeWorkspace.SERVER_VERSION));
    private RunSnapshotView view;

    @Start
    void start(Stage stage) {
        view = editor.show(stage, snapshot, 700);
    }

    @AfterEach
    void stop(FxRobot robot) {
        editor.close(robot);
    }

    private Button runButton(FxRobot robot) {
        return robot.lookup("#" + RunSnapshotView.RUN_BUTTON_ID).queryButton();
    }

    private void waitUntilChecked(FxRobot robot) throws Exception {
        waitFor(() -> !runButton(robot).isDisabled());
    }

    @Test
    void opensOnTheTemplateWithRunEnabled(FxRobot robot) throws Exception {
        waitUntilChecked(robot);

        assertTrue(view.editor().getText().contains("epochs: 10"));
        assertEquals("Run prod-training · training_pipeline",
                robot.lookup("#" + RunSnapshotView.TITLE_ID).queryAs(Label.class).getText());
        assertEquals("No problems",
                robot.lookup("#" + RunSnapshotView.SUMMARY_ID).queryAs(Label.class).getText());
    }

    @Test
    void anInvalidEditDisablesRunAndListsTheProblemOnItsLine(FxRobot robot) throws Exception {
        waitUntilChecked(robot);
        String text = view.editor().getText();
        int at = text.indexOf("epochs: 10") + "epochs: ".length();

        robot.interact(() -> view.editor().codeArea().replaceText(at, at + 2, "many"));
        Label reason = robot.lookup("#" + RunSnapshotView.RUN_REASON_ID).queryAs(Label.class);
        waitFor(() -> runButton(robot).isDisabled() && !view.editor().getMarkers().isEmpty()
                && reason.getText().equals("Fix the errors first."));

        int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        @SuppressWarnings("unchecked")
        ListView<EditorMarker> problems = robot.lookup("#" + YamlEditor.PROBLEMS_ID)
                .queryAs(ListView.class);
        assertEquals(line, problems.getItems().get(0).startLine());
    }

    @Test
    void aFormChangeIsWrittenIntoTheYaml(FxRobot robot) throws Exception {
        waitUntilChecked(robot);
        robot.interact(() -> robot.lookup("#" + RunSnapshotView.TABS_ID).queryAs(TabPane.class)
                .getSelectionModel().select(1));
        @SuppressWarnings("unchecked")
        Spinner<JsonNode> epochs = robot.lookup("#param-train_model-epochs")
                .queryAs(Spinner.class);
        assertEquals(10, epochs.getValue().asInt());

        robot.interact(() -> epochs.getValueFactory().setValue(IntNode.valueOf(30)));
        waitFor(() -> view.editor().getText().contains("epochs: 30"));

        assertFalse(view.editor().getText().contains("epochs: 10"));
    }

    @Test
    void aYamlChangeShowsInTheForm(FxRobot robot) throws Exception {
        waitUntilChecked(robot);
        String text = view.editor().getText();
        int at = text.indexOf("epochs: 10") + "epochs: ".length();

        robot.interact(() -> view.editor().codeArea().replaceText(at, at + 2, "77"));
        @SuppressWarnings("unchecked")
        Spinner<JsonNode> epochs = robot.lookup("#param-train_model-epochs")
                .queryAs(Spinner.class);
        waitFor(() -> epochs.getValue().asInt() == 77);

        assertEquals(IntNode.valueOf(77), epochs.getValue());
    }

    @Test
    void controlEnterRunsAndTheChangesTabShowsWhatIsSent(FxRobot robot) throws Exception {
        waitUntilChecked(robot);
        String text = view.editor().getText();
        int at = text.indexOf("epochs: 10") + "epochs: ".length();
        robot.interact(() -> view.editor().codeArea().replaceText(at, at + 2, "12"));
        waitFor(() -> robot.lookup("#" + RunSnapshotView.REQUEST_JSON_ID)
                .queryAs(TextArea.class).getText().contains("\"epochs\" : 12"));

        robot.clickOn(view.editor().codeArea()).press(KeyCode.CONTROL, KeyCode.ENTER)
                .release(KeyCode.ENTER, KeyCode.CONTROL);
        waitFor(() -> workspace.triggered().size() == 1);

        assertEquals(12, workspace.triggered().get(0).at("/steps/train_model/parameters/epochs")
                .asInt());
        waitFor(() -> shell.navigation.size() == 1);
    }

    @Test
    void theQuickFixButtonAppliesTheSelectedProblemsFix(FxRobot robot) throws Exception {
        waitUntilChecked(robot);
        String old = "run_name: \"training_pipeline-{date}-{time}\"";
        robot.interact(() -> view.editor().updateText(view.editor().getText()
                .replace(old, "run_name: yes")));
        @SuppressWarnings("unchecked")
        ListView<EditorMarker> problems = robot.lookup("#" + YamlEditor.PROBLEMS_ID)
                .queryAs(ListView.class);
        waitFor(() -> problems.getItems().stream()
                .anyMatch(m -> m.severity() == EditorMarker.Severity.ERROR));
        Button quickFix = robot.lookup("#" + RunSnapshotView.QUICK_FIX_ID).queryButton();

        robot.interact(() -> problems.getSelectionModel().select(problems.getItems().stream()
                .filter(m -> m.severity() == EditorMarker.Severity.ERROR).findFirst()
                .orElseThrow()));
        waitFor(() -> !quickFix.isDisabled());
        robot.clickOn(quickFix);

        waitFor(() -> view.editor().getText().contains("run_name: \"yes\"")
                && !runButton(robot).isDisabled());
    }

    @Test
    void theProblemsContextMenuOffersTheFixWithItsNameWrittenAsItIs(FxRobot robot)
            throws Exception {
        waitUntilChecked(robot);
        robot.interact(() -> view.editor().updateText(view.editor().getText()
                .replace("  train_model:", "  train_modle:")));
        @SuppressWarnings("unchecked")
        ListView<EditorMarker> problems = robot.lookup("#" + YamlEditor.PROBLEMS_ID)
                .queryAs(ListView.class);
        waitFor(() -> problems.getItems().stream().anyMatch(m -> m.message().contains(
                "train_modle")));
        robot.interact(() -> problems.getSelectionModel().select(problems.getItems().stream()
                .filter(m -> m.message().contains("train_modle")).findFirst().orElseThrow()));
        Button quickFix = robot.lookup("#" + RunSnapshotView.QUICK_FIX_ID).queryButton();
        waitFor(() -> !quickFix.isDisabled());
        String shownOnButton = ((Text) quickFix.lookup(".text")).getText();

        requestContextMenu(robot, problems.lookup(".list-cell:selected"));
        String fix = "Change to `train_model`";
        waitFor(() -> robot.lookup(".context-menu .text").queryAll().stream()
                .anyMatch(node -> fix.equals(((Text) node).getText())));
        robot.clickOn(fix, MouseButton.PRIMARY);

        assertEquals(fix, shownOnButton);
        waitFor(() -> view.editor().getText().contains("  train_model:")
                && !runButton(robot).isDisabled());
    }

    /**
     * What a right-click (or the menu key) asks of the platform. Monocle, which these tests run
     * on, turns a right-click into mouse events only, so the request is made as the platform would.
     */
    private static void requestContextMenu(FxRobot robot, Node node) {
        robot.interact(() -> {
            Bounds on = node.localToScreen(node.getLayoutBounds());
            node.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    node.getLayoutBounds().getCenterX(), node.getLayoutBounds().getCenterY(),
                    on.getCenterX(), on.getCenterY(), false, null));
        });
    }
}
