package dev.snapdeck.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Path;
import javafx.stage.Stage;

import dev.snapdeck.ui.testing.QueuedExecutor;

import atlantafx.base.theme.PrimerLight;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class YamlEditorTest {

    private static final String YAML = "parameters:\n  epochs: 10\n  name: iris\n";

    private final QueuedExecutor background = new QueuedExecutor();
    private YamlEditor editor;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        editor = new YamlEditor(background);
        stage.setScene(new Scene(editor, 700, 400));
        stage.show();
    }

    private void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
    }

    private boolean styled(int offset, String styleClass) {
        return editor.codeArea().getStyleOfChar(offset).contains(styleClass);
    }

    @Test
    void highlightsOffTheFxThreadOnceTypingStops(FxRobot robot) throws Exception {
        robot.interact(() -> editor.setText(YAML));

        waitFor(() -> background.pending() > 0);
        background.runAll();
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(styled(0, YamlStyler.KEY));
        assertTrue(styled(YAML.indexOf("10"), YamlStyler.NUMBER));
    }

    @Test
    void dropsHighlightingForTextThatChangedMeanwhile(FxRobot robot) throws Exception {
        robot.interact(() -> editor.setText(YAML));
        waitFor(() -> background.pending() > 0);

        robot.interact(() -> editor.codeArea().insertText(0, "# "));
        background.runAll();
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(styled(0, YamlStyler.COMMENT));
        assertFalse(styled(2, YamlStyler.KEY));
    }

    @Test
    void ignoresHighlightingThatArrivesAfterDispose(FxRobot robot) throws Exception {
        robot.interact(() -> editor.setText(YAML));
        waitFor(() -> background.pending() > 0);

        robot.interact(() -> editor.dispose());
        background.runAll();
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(styled(0, YamlStyler.KEY));
    }

    @Test
    void showsMarkersAsWavyUnderlineGutterMarkAndProblem(FxRobot robot) throws Exception {
        EditorMarker marker = new EditorMarker(EditorMarker.Severity.ERROR, 2, 11, 2, 13,
                "epochs must be a string");
        robot.interact(() -> editor.setText(YAML));

        robot.interact(() -> editor.setMarkers(List.of(marker)));

        Path squiggle = robot.lookup(".squiggle.error").queryAs(Path.class);
        int offset = YAML.indexOf("10");
        Bounds text = WaitForAsyncUtils.asyncFx(() -> editor.codeArea()
                .getCharacterBoundsOnScreen(offset, offset + 2).orElseThrow()).get();
        Bounds wave = squiggle.localToScreen(squiggle.getBoundsInLocal());
        assertEquals(text.getMinX(), wave.getMinX(), 1.5, "starts under the 1 of 10");
        assertEquals(text.getMaxX(), wave.getMaxX(), 1.5, "ends under the 0 of 10");
        assertEquals(text.getMaxY(), wave.getMaxY(), 2.5, "sits on the bottom of the line");
        assertTrue(wave.getHeight() < text.getHeight() / 2, "a line under the text, not a box");
        assertTrue(squiggle.getElements().size() >= 4, "waves up and down: " + squiggle.getElements());
        assertEquals(1, robot.lookup(".gutter-mark.error").queryAll().size());
        ListView<?> problems = robot.lookup("#" + YamlEditor.PROBLEMS_ID).queryListView();
        assertEquals(List.of(marker), problems.getItems());
    }

    @Test
    void clickingAProblemMovesTheCaretThere(FxRobot robot) {
        EditorMarker marker = new EditorMarker(EditorMarker.Severity.WARNING, 3, 9, 3, 13,
                "unknown value");
        robot.interact(() -> editor.setText(YAML));
        robot.interact(() -> editor.setMarkers(List.of(marker)));

        robot.clickOn("3:9  unknown value");

        assertEquals(YAML.indexOf("iris"), editor.codeArea().getCaretPosition());
        assertEquals(3, editor.caretPosition().line());
        assertEquals(9, editor.caretPosition().column());
    }

    @Test
    void hoveringAMarkerShowsItsMessage(FxRobot robot) throws Exception {
        EditorMarker marker = new EditorMarker(EditorMarker.Severity.ERROR, 2, 11, 2, 13,
                "epochs must be a string");
        robot.interact(() -> editor.setText(YAML));
        robot.interact(() -> editor.setMarkers(List.of(marker)));
        int offset = YAML.indexOf("10");
        Bounds bounds = WaitForAsyncUtils.asyncFx(() -> editor.codeArea()
                .getCharacterBoundsOnScreen(offset, offset + 1).orElseThrow()).get();

        robot.moveTo(new Point2D(bounds.getCenterX(), bounds.getCenterY()));

        waitFor(() -> robot.lookup("#" + YamlEditor.HOVER_ID).tryQuery()
                .map(Node::isVisible).orElse(false));
        Label hover = robot.lookup("#" + YamlEditor.HOVER_ID).queryAs(Label.class);
        assertEquals("epochs must be a string", hover.getText());
    }

    @Test
    void ctrlSpaceOffersCompletionsAndInsertsTheChosenOne(FxRobot robot) throws Exception {
        robot.interact(() -> {
            editor.setText("parameters:\n  ep");
            editor.setCompletionProvider(position -> position.line() == 2
                    ? List.of(new CompletionItem("epochs", "epochs: ", "integer"))
                    : List.of());
            editor.codeArea().moveTo(editor.getText().length());
        });
        robot.clickOn("#" + YamlEditor.CODE_AREA_ID);
        robot.interact(() -> editor.codeArea().moveTo(editor.getText().length()));

        robot.press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#" + YamlEditor.COMPLETION_LIST_ID).tryQuery()
                .map(Node::isVisible).orElse(false));
        robot.type(KeyCode.ENTER);

        assertEquals("parameters:\n  epochs: ", editor.getText());
    }

    @Test
    void typingMakesItDirtyAndMarkSavedCleansIt(FxRobot robot) {
        robot.interact(() -> editor.setText(YAML));
        boolean cleanAfterLoad = !editor.isDirty();

        robot.interact(() -> editor.codeArea().insertText(0, "x"));
        boolean dirtyAfterEdit = editor.isDirty();
        robot.interact(() -> editor.markSaved());

        assertTrue(cleanAfterLoad);
        assertTrue(dirtyAfterEdit);
        assertFalse(editor.isDirty());
    }

    @Test
    void markersForNewerTextKeepTheHighlightingUntilItIsRedone(FxRobot robot) throws Exception {
        robot.interact(() -> editor.setText(YAML));
        waitFor(() -> background.pending() > 0);
        background.runAll();
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> editor.codeArea().appendText("extra: 1\n"));

        robot.interact(() -> editor.setMarkers(List.of(new EditorMarker(
                EditorMarker.Severity.ERROR, 4, 8, 4, 9, "bad"))));

        assertTrue(styled(0, YamlStyler.KEY));
    }

    @Test
    void squigglesFollowTheTextWhenItScrollsAndGoWhenTheProblemDoes(FxRobot robot) throws Exception {
        String longYaml = "first: 1\n" + "filler: 0\n".repeat(200) + "last: 2\n";
        robot.interact(() -> editor.setText(longYaml));
        robot.interact(() -> editor.setMarkers(List.of(new EditorMarker(
                EditorMarker.Severity.WARNING, 202, 7, 202, 8, "last one"))));
        boolean hiddenOffScreen = robot.lookup(".squiggle").queryAll().isEmpty();

        robot.interact(() -> editor.goTo(editor.getMarkers().get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        Path squiggle = robot.lookup(".squiggle.warning").queryAs(Path.class);
        int offset = longYaml.lastIndexOf('2');
        Bounds text = WaitForAsyncUtils.asyncFx(() -> editor.codeArea()
                .getCharacterBoundsOnScreen(offset, offset + 1).orElseThrow()).get();
        Bounds wave = squiggle.localToScreen(squiggle.getBoundsInLocal());
        robot.interact(() -> editor.setMarkers(List.of()));

        assertTrue(hiddenOffScreen, "nothing is drawn for a line that is not on screen");
        assertEquals(text.getMinX(), wave.getMinX(), 1.5);
        assertEquals(text.getMaxY(), wave.getMaxY(), 2.5);
        assertTrue(robot.lookup(".squiggle").queryAll().isEmpty());
    }

    @Test
    void aSquiggleMovesWithTextTypedBeforeItUntilTheNextCheck(FxRobot robot) throws Exception {
        robot.interact(() -> editor.setText(YAML));
        robot.interact(() -> editor.setMarkers(List.of(new EditorMarker(
                EditorMarker.Severity.ERROR, 2, 11, 2, 13, "epochs must be a string"))));

        robot.interact(() -> editor.codeArea().insertText(YAML.indexOf("epochs"), "max_"));
        WaitForAsyncUtils.waitForFxEvents();

        int offset = YAML.indexOf("10") + "max_".length();
        Bounds text = WaitForAsyncUtils.asyncFx(() -> editor.codeArea()
                .getCharacterBoundsOnScreen(offset, offset + 2).orElseThrow()).get();
        Path squiggle = robot.lookup(".squiggle.error").queryAs(Path.class);
        Bounds wave = squiggle.localToScreen(squiggle.getBoundsInLocal());
        assertEquals(text.getMinX(), wave.getMinX(), 1.5, "still starts under the 1 of 10");
        assertEquals(text.getMaxX(), wave.getMaxX(), 1.5, "still ends under the 0 of 10");
    }
}
