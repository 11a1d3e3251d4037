package dev.snapdeck.ui.shell;

import java.util.Objects;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The message across the top of the window, e.g. "Server unreachable — reconnecting…". Change it
 * only on the JavaFX thread, through {@link #show} and {@link #hide}.
 */
public final class BannerModel {

    /** How the banner looks. */
    public enum Severity {
        INFO, WARNING, ERROR
    }

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Severity> severity =
            new ReadOnlyObjectWrapper<>(Severity.INFO);
    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper(false);

    public void show(Severity newSeverity, String newMessage) {
        severity.set(Objects.requireNonNull(newSeverity, "severity"));
        message.set(Objects.requireNonNull(newMessage, "message"));
        visible.set(true);
    }

    public void hide() {
        visible.set(false);
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Severity> severityProperty() {
        return severity.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty visibleProperty() {
        return visible.getReadOnlyProperty();
    }

}
