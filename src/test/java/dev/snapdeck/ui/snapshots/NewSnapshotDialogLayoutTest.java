package dev.snapdeck.ui.snapshots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import dev.snapdeck.ui.testing.FakeShell;
import dev.snapdeck.ui.testing.FakeWorkspace;

import atlantafx.base.theme.PrimerLight;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** New Snapshot's form labels read whole: the fields beside them give way, not the labels. */
@ExtendWith(ApplicationExtension.class)
class NewSnapshotDialogLayoutTest {

    private final FakeWorkspace workspace = new FakeWorkspace();
    private final FakeShell shell = new FakeShell();
    private NewSnapshotDialog dialog;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        workspace.setConnection(FakeWorkspace.connection(true));
        stage.setScene(new Scene(new StackPane(), 1024, 700));
        stage.sizeToScene(); // the test stage is shared; an earlier test may have sized it
        stage.show();
        dialog = new NewSnapshotDialog(new NewSnapshotViewModel(shell.context(workspace), null));
        dialog.initOwner(stage);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(dialog::close);
    }

    @Test
    void everyFieldLabelShowsItsWholeText(FxRobot robot) throws Exception {
        robot.interact(dialog::show);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialog.isShowing());
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = dialog.getDialogPane();

        List<Label> labels = robot.from(pane).lookup((Label label) -> label.isVisible()
                && List.of("From", "Pipeline", "Run", "Name", "Description", "Tags")
                        .contains(label.getText())).queryAllAs(Label.class).stream().toList();

        assertFalse(labels.isEmpty());
        for (Label label : labels) {
            assertEquals(label.getText(), robot.from(label).lookup(".text").queryAs(Text.class)
                    .getText(), label.getText() + " is cut short");
        }
    }
}
