package dev.snapdeck.ui.runs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import atlantafx.base.theme.PrimerLight;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.ui.testing.FakeShell;

/**
 * The Runs screen in the room a 1024x700 and a 1280x800 main window leave it beside the sidebar
 * and above the status bar: the search field's hint is read whole.
 */
class RunsViewSizesTest {

    private final RunsWorkspace workspace = new RunsWorkspace();
    private final FakeShell shell = new FakeShell();
    private final BackgroundExecutor executor = BackgroundExecutor.create(Platform::runLater);
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void close() {
        executor.close();
    }

    private void show(double width, double height) throws Exception {
        workspace.addRun(workspace.addPipeline("training_pipeline"),
                "training_pipeline-2026_12_04-16_31_23_123456", ExecutionStatus.COMPLETED);
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(shown -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            shown.setScene(new Scene(new RunsView(new RunsViewModel(shell.context(workspace,
                    executor))), width, height));
            // The test stage is shared: an earlier test may have left it another size or place.
            shown.sizeToScene();
            shown.setX(0);
            shown.setY(0);
            shown.show();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stage.isShowing());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @ParameterizedTest(name = "content {0}x{1}")
    @CsvSource({"830, 672", "1086, 772"})
    void theSearchHintIsReadWhole(double width, double height) throws Exception {
        show(width, height);

        TextField search = robot.lookup("#searchField").queryAs(TextField.class);
        Text hint = robot.from(search).lookup((Text text) -> search.getPromptText()
                .equals(text.getText())).queryAs(Text.class);
        double room = search.getWidth() - search.getInsets().getLeft()
                - search.getInsets().getRight();

        assertTrue(hint.getLayoutBounds().getWidth() <= room, "the hint \"" + hint.getText()
                + "\" needs " + hint.getLayoutBounds().getWidth() + " px, the field has " + room);
    }
}
