package dev.snapdeck.ui.shell;

import java.awt.AWTException;
import java.awt.EventQueue;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import javafx.util.Duration;

import org.controlsfx.control.Notifications;
import org.controlsfx.tools.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's {@link DialogService}: ControlsFX notifications for short messages, alerts
 * with the stack trace folded away for errors, the system tray for desktop notifications where
 * the platform has one (else an in-app notification), and the last-resort handler for
 * exceptions nobody caught. Call it on the JavaFX thread.
 */
public final class FxDialogService implements DialogService {

    public static final String ERROR_DETAILS_ID = "errorDetails";
    /** Paints ControlsFX's notification popup in the theme's colours. */
    private static final String NOTIFICATION_STYLESHEET = FxDialogService.class
            .getResource("FxDialogService.css").toExternalForm();
    private static final Logger LOG = LoggerFactory.getLogger(FxDialogService.class);

    private final Window owner;
    private TrayIcon trayIcon;
    private boolean trayChecked;
    private boolean showingUncaught;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    /**
     * Makes this service the last net for exceptions no code caught: each is logged, and one on
     * the JavaFX thread is shown as an error dialog (never two at once).
     */
    public void installUncaughtExceptionHandler() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.error("Uncaught exception on {}", thread.getName(), error);
            Runnable show = () -> {
                if (showingUncaught) {
                    return;
                }
                showingUncaught = true;
                try {
                    showError("Something went wrong", "Snapdeck hit an unexpected problem. "
                            + "The details are in the log; what you were doing may need "
                            + "to be repeated.", error);
                } finally {
                    showingUncaught = false;
                }
            };
            if (Platform.isFxApplicationThread()) {
                show.run();
            } else {
                Platform.runLater(show);
            }
        });
    }

    @Override
    public void notify(String message) {
        LOG.debug("Notification: {}", message);
        Notifications notification = Notifications.create().text(message)
                .hideAfter(Duration.seconds(4));
        boolean owned = owner != null && owner.isShowing();
        if (owned) {
            notification.owner(owner);
        }
        // Without an owner, ControlsFX shows the notification over the window it picks this way.
        paintNotificationsOver(owned ? owner : Utils.getWindow(null));
        notification.showInformation();
    }

    /**
     * A notification popup takes its stylesheets from the scene of the window it shows over (the
     * first window that is not a popup), so that scene gets the rules that paint it.
     */
    private static void paintNotificationsOver(Window window) {
        Window shownOver = window;
        while (shownOver instanceof PopupWindow) {
            shownOver = ((PopupWindow) shownOver).getOwnerWindow();
        }
        Scene scene = shownOver == null ? null : shownOver.getScene();
        if (scene != null && !scene.getStylesheets().contains(NOTIFICATION_STYLESHEET)) {
            scene.getStylesheets().add(NOTIFICATION_STYLESHEET);
        }
    }

    @Override
    public void showError(String title, String message, Throwable details) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        if (details != null) {
            TextArea trace = new TextArea(stackTrace(details));
            trace.setId(ERROR_DETAILS_ID);
            trace.setEditable(false);
            trace.setWrapText(false);
            VBox.setVgrow(trace, Priority.ALWAYS);
            VBox expandable = new VBox(4, new Label("Details (also in the log):"), trace);
            alert.getDialogPane().setExpandableContent(expandable);
        }
        alert.showAndWait();
    }

    static String stackTrace(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            text.append(cause == error ? "" : "Caused by: ").append(cause).append('\n');
            for (StackTraceElement frame : cause.getStackTrace()) {
                text.append("    at ").append(frame).append('\n');
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return text.toString();
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, yes, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public Unsaved askAboutUnsaved(String title, String message) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        ButtonType keep = new ButtonType("Keep editing", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, save, discard, keep);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.filter(save::equals).isPresent()) {
            return Unsaved.SAVE;
        }
        return answer.filter(discard::equals).isPresent() ? Unsaved.DISCARD : Unsaved.KEEP_EDITING;
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<String> extensions) {
        FileChooser chooser = chooser(title, extensions);
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(file -> file.toPath());
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName) {
        FileChooser chooser = chooser(title, List.of());
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(file -> file.toPath());
    }

    private static FileChooser chooser(String title, List<String> extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (!extensions.isEmpty()) {
            List<String> patterns = extensions.stream().map(ext -> "*." + ext)
                    .collect(Collectors.toList());
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    String.join(", ", patterns), patterns));
        }
        return chooser;
    }

    @Override
    public void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        notify("Copied to the clipboard");
    }

    @Override
    public void notifyDesktop(String title, String message) {
        if (trayAvailable()) {
            TrayIcon icon = trayIcon;
            EventQueue.invokeLater(() -> icon.displayMessage(title, message,
                    TrayIcon.MessageType.INFO));
        } else {
            notify(title + " — " + message);
        }
    }

    /** Desktop notifications go through the system tray when the platform offers one. */
    private boolean trayAvailable() {
        if (trayChecked) {
            return trayIcon != null;
        }
        trayChecked = true;
        try {
            if (!java.awt.GraphicsEnvironment.isHeadless() && SystemTray.isSupported()) {
                BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
                TrayIcon icon = new TrayIcon(image, "Snapdeck");
                icon.setImageAutoSize(true);
                SystemTray.getSystemTray().add(icon);
                trayIcon = icon;
                LOG.info("Desktop notifications: through the system tray");
                return true;
            }
        } catch (AWTException | UnsupportedOperationException | SecurityException e) {
            LOG.warn("The system tray refused the notification icon", e);
        }
        LOG.info("Desktop notifications: no system tray here, shown inside the window instead");
        return false;
    }

    /** Removes the tray icon; call on exit. */
    public void close() {
        TrayIcon icon = trayIcon;
        if (icon != null) {
            EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
        }
    }
}
