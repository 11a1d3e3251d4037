package dev.snapdeck.ui.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class DashboardAppTest {

    @Start
    void start(Stage stage) {
        new DashboardApp().start(stage);
    }

    @Test
    void windowSaysWhichServerItWouldUse(FxRobot robot) {
        Label label = robot.lookup("#serverLabel").queryAs(Label.class);

        assertTrue(label.getText().contains("local server"), label.getText());
    }
}
