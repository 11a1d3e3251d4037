package dev.snapdeck.ui.editor;

import static dev.snapdeck.ui.editor.EditorOnStage.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import dev.snapdeck.api.Snapshot;
import dev.snapdeck.ui.testing.FakeShell;
import dev.snapdeck.ui.testing.FakeWorkspace;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Form's spinners show what the YAML says, also after an out-of-range value there is fixed,
 * and write only what the user typed or stepped: focusing one and leaving it writes nothing, and
 * a typed value out of range is written as typed, for the checker to point at.
 */
@ExtendWith(ApplicationExtension.class)
class RunSnapshotSpinnerTest {

    private static final String EPOCHS = "param-train_model-epochs";
    private static final String MIN_ACCURACY = "param-evaluate-min_accuracy";

    private final EditorOnStage editor = new EditorOnStage();
    private final FakeWorkspace workspace = editor.workspace;
    private final FakeShell shell = editor.shell;
    private final Snapshot snapshot = workspace.add(FakeWorkspace.snapshot("prod-training",
            FakeWorkspace.SERVER_VERSION));
    private RunSnapshotView view;

    @Start
    void start(Stage stage) {
        view = editor.show(stage, snapshot, 800);
    }

    @AfterEach
    void stop(FxRobot robot) {
        editor.close(robot);
    }

    private Spinner<?> spinner(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Spinner.class);
    }

    private Label problem(FxRobot robot, String id) {
        return robot.lookup("#problem-" + id).queryAs(Label.class);
    }

    /** Focuses the spinner's text as a click would, also when it is scrolled out of sight. */
    private void focus(FxRobot robot, Spinner<?> spinner) {
        robot.interact(spinner.getEditor()::requestFocus);
    }

    /** Goes out of range in the YAML and back, then focuses the spinner and presses Tab. */
    private void outOfRangeAndBackThenTab(FxRobot robot, String id, String fine, String bad)
            throws Exception {
        editor.openForm(robot);
        Spinner<?> spinner = spinner(robot, id);
        editor.replaceInYaml(robot, fine, bad);
        waitFor(() -> !problem(robot, id).getText().isEmpty());
        editor.replaceInYaml(robot, bad, fine);
        waitFor(() -> problem(robot, id).getText().isEmpty());

        focus(robot, spinner);
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anIntegerFixedInTheYamlShowsAndTabWritesNothing(FxRobot robot) throws Exception {
        outOfRangeAndBackThenTab(robot, EPOCHS, "epochs: 10", "epochs: 1500");

        assertTrue(view.editor().getText().contains("epochs: 10\n"), view.editor().getText());
        assertEquals("10", spinner(robot, EPOCHS).getEditor().getText());
    }

    @Test
    void aNumberFixedInTheYamlShowsAndTabWritesNothing(FxRobot robot) throws Exception {
        outOfRangeAndBackThenTab(robot, MIN_ACCURACY, "min_accuracy: 0.85", "min_accuracy: 1.5");

        assertTrue(view.editor().getText().contains("min_accuracy: 0.85\n"),
                view.editor().getText());
        assertEquals("0.85", spinner(robot, MIN_ACCURACY).getEditor().getText());
    }

    @Test
    void anOutOfRangeValueInTheYamlSurvivesFocusAndTab(FxRobot robot) throws Exception {
        editor.openForm(robot);
        editor.replaceInYaml(robot, "epochs: 10", "epochs: 1500");
        waitFor(() -> !problem(robot, EPOCHS).getText().isEmpty());

        focus(robot, spinner(robot, EPOCHS));
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(view.editor().getText().contains("epochs: 1500\n"), view.editor().getText());
        assertEquals("1500", spinner(robot, EPOCHS).getEditor().getText());
    }

    @Test
    void aTypedOutOfRangeValueIsWrittenAsTypedAndPointedAt(FxRobot robot) throws Exception {
        editor.openForm(robot);
        Spinner<?> epochs = spinner(robot, EPOCHS);

        focus(robot, epochs);
        robot.interact(epochs.getEditor()::selectAll);
        robot.write("2000").type(KeyCode.TAB);
        waitFor(() -> view.editor().getText().contains("epochs: 2000\n"));
        waitFor(() -> !problem(robot, EPOCHS).getText().isEmpty());

        assertEquals("2000", epochs.getEditor().getText());
        assertTrue(problem(robot, EPOCHS).getText().contains("1000"),
                problem(robot, EPOCHS).getText());
    }

    @Test
    void typedTextThatIsNoNumberIsWrittenAsTyped(FxRobot robot) throws Exception {
        editor.openForm(robot);
        Spinner<?> epochs = spinner(robot, EPOCHS);

        focus(robot, epochs);
        robot.interact(epochs.getEditor()::selectAll);
        robot.write("many").type(KeyCode.TAB);
        waitFor(() -> view.editor().getText().contains("epochs: many\n"));
        waitFor(() -> !problem(robot, EPOCHS).getText().isEmpty());

        assertEquals("many", epochs.getEditor().getText());
    }

    @Test
    void steppingStaysWithinTheBounds(FxRobot robot) throws Exception {
        editor.openForm(robot);
        editor.replaceInYaml(robot, "epochs: 10", "epochs: 1000");
        Spinner<?> epochs = spinner(robot, EPOCHS);
        waitFor(() -> epochs.getEditor().getText().equals("1000"));

        robot.interact(() -> epochs.increment(1));
        robot.interact(() -> epochs.decrement(2));
        waitFor(() -> view.editor().getText().contains("epochs: 998\n"));

        assertEquals("998", epochs.getEditor().getText());
    }
}
