package dev.snapdeck.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;

import atlantafx.base.theme.PrimerLight;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dashboard's dialog service on a real window: the error dialog says what failed in its
 * header and text and keeps the stack trace folded away until asked; an exception nobody caught
 * gets the same dialog; a notification is painted in the theme's colours; and without a system
 * tray (tests run with {@code java.awt.headless}) a desktop notification shows inside the window.
 */
@ExtendWith(ApplicationExtension.class)
class FxDialogServiceTest {

    private Stage stage;
    private FxDialogService dialogs;
    private Thread.UncaughtExceptionHandler previousHandler;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        dialogs = new FxDialogService(stage);
        stage.setScene(new Scene(new StackPane(new Label("Snapdeck")), 800, 600));
        stage.show();
        previousHandler = Thread.getDefaultUncaughtExceptionHandler();
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        Thread.setDefaultUncaughtExceptionHandler(previousHandler);
        robot.interact(() -> {
            for (Window window : Window.getWindows().toArray(Window[]::new)) {
                if (window != stage && window instanceof Stage) {
                    ((Stage) window).close();
                }
            }
            dialogs.close();
        });
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

    private DialogPane awaitDialog(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }

    @Test
    void anErrorDialogSaysWhatFailedAndUnfoldsTheDetailsOnRequest(FxRobot robot)
            throws Exception {
        IllegalStateException failure = new IllegalStateException("the store is locked",
                new IOException("database is locked"));

        Platform.runLater(() -> dialogs.showError("Run not started",
                "The run was not started: the store is locked. Your edits are kept.", failure));
        DialogPane pane = awaitDialog(robot);
        boolean foldedAtFirst = !pane.isExpanded();
        robot.clickOn(robot.from(pane).lookup(".details-button").queryLabeled());
        TextArea details = robot.lookup("#" + FxDialogService.ERROR_DETAILS_ID)
                .queryAs(TextArea.class);
        waitFor(details::isVisible);

        assertEquals("Run not started", pane.getHeaderText());
        assertEquals("The run was not started: the store is locked. Your edits are kept.",
                pane.getContentText());
        assertSame(stage, ((Stage) pane.getScene().getWindow()).getOwner());
        assertTrue(foldedAtFirst);
        assertTrue(details.getText().startsWith("java.lang.IllegalStateException: "
                + "the store is locked\n    at "), details.getText());
        assertTrue(details.getText().contains(
                "Caused by: java.io.IOException: database is locked\n"), details.getText());
        assertFalse(details.isEditable());
    }

    @Test
    void unsavedChangesOfferSaveDiscardAndKeepEditing(FxRobot robot) throws Exception {
        List<DialogService.Unsaved> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (String button : List.of("Save", "Discard", "Keep editing")) {
            Platform.runLater(() -> answers.add(dialogs.askAboutUnsaved("Unsaved changes",
                    "Your changes to prod are not saved yet.")));
            DialogPane pane = awaitDialog(robot);
            robot.clickOn(robot.from(pane).lookup((javafx.scene.control.Button b) ->
                    button.equals(b.getText())).queryButton());
            waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        }

        assertEquals(List.of(DialogService.Unsaved.SAVE, DialogService.Unsaved.DISCARD,
                DialogService.Unsaved.KEEP_EDITING), answers);
    }

    @Test
    void anExceptionNobodyCaughtOnTheFxThreadGetsTheErrorDialog(FxRobot robot) throws Exception {
        dialogs.installUncaughtExceptionHandler();

        Platform.runLater(() -> {
            throw new IllegalArgumentException("no such step: trian_model");
        });
        DialogPane pane = awaitDialog(robot);
        robot.clickOn(robot.from(pane).lookup(".details-button").queryLabeled());
        TextArea details = robot.lookup("#" + FxDialogService.ERROR_DETAILS_ID)
                .queryAs(TextArea.class);
        waitFor(details::isVisible);

        assertEquals("Something went wrong", pane.getHeaderText());
        assertTrue(pane.getContentText().contains("unexpected problem"), pane.getContentText());
        assertTrue(details.getText().startsWith(
                "java.lang.IllegalArgumentException: no such step: trian_model"));
    }

    @Test
    void aNotificationIsPaintedInTheThemesColours(FxRobot robot) throws Exception {
        Label label = showNotification(robot, "Snapshot saved.");
        Region pane = (Region) label.getParent();
        while (!pane.getStyleClass().contains("pane")) {
            pane = (Region) pane.getParent();
        }
        Label themed = robot.lookup((Label l) -> "Snapdeck".equals(l.getText())).query();

        assertNotNull(pane.getBackground(), "the notification has no background");
        assertFalse(pane.getBackground().getFills().isEmpty());
        assertEquals(themed.getTextFill(), label.getTextFill());
    }

    @Test
    void aNotificationResolvesEveryColourItsStylesheetNames(FxRobot robot) throws Exception {
        List<String> warnings = new ArrayList<>();
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(String.valueOf(record.getMessage()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger css = java.util.logging.Logger.getLogger("javafx.css");
        css.addHandler(recorder);
        try {
            showNotification(robot, "Copied to the clipboard");
        } finally {
            css.removeHandler(recorder);
        }

        assertEquals(List.of(), warnings.stream().filter(w -> w.contains("notification"))
                .collect(Collectors.toList()));
    }

    /** Shows {@code text} as a notification and returns its label, laid out and styled. */
    private Label showNotification(FxRobot robot, String text) throws Exception {
        robot.interact(() -> dialogs.notify(text));
        waitFor(() -> robot.lookup((Label label) -> text.equals(label.getText())).tryQuery()
                .isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup((Label label) -> text.equals(label.getText())).query();
    }

    @Test
    void withoutASystemTrayADesktopNotificationShowsInTheWindow(FxRobot robot) throws Exception {
        String expected = "Run completed — nightly-42 has completed.";

        robot.interact(() -> dialogs.notifyDesktop("Run completed", "nightly-42 has completed."));
        waitFor(() -> robot.lookup((Label label) -> expected.equals(label.getText())).tryQuery()
                .isPresent());

        Node shown = robot.lookup((Label label) -> expected.equals(label.getText())).query();
        Window window = shown.getScene().getWindow();
        assertTrue(window instanceof PopupWindow, window.toString());
        assertSame(stage, ((PopupWindow) window).getOwnerWindow());
        assertTrue(shown.isVisible());
    }
}
