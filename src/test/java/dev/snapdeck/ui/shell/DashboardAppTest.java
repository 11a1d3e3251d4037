package dev.snapdeck.ui.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class DashboardAppTest {

    private static final Preferences NODE = Preferences.userRoot()
            .node("dev/snapdeck/test/" + UUID.randomUUID());

    @Start
    void start(Stage stage) {
        new DashboardApp(new ShellPreferences(NODE)).start(stage);
    }

    @AfterAll
    static void removeNode() throws BackingStoreException {
        NODE.removeNode();
    }

    @Test
    void opensOnSnapshotsSayingWhichServerItWouldUse(FxRobot robot) {
        Label label = robot.lookup("#serverLabel").queryAs(Label.class);

        assertTrue(label.getText().contains("local server"), label.getText());
        assertTrue(robot.lookup("#navSnapshots").queryAs(ToggleButton.class).isSelected());
    }
}
