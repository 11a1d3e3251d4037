package dev.snapdeck.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the status bar shows about the connection. Plain properties, set on the JavaFX thread by
 * whoever knows the connection; the texts the bar shows are derived here.
 */
public final class StatusBarModel {

    private final StringProperty serverUrl = new SimpleStringProperty("");
    private final StringProperty serverVersion = new SimpleStringProperty("");
    private final BooleanProperty local = new SimpleBooleanProperty(true);
    private final StringProperty user = new SimpleStringProperty("");
    private final BooleanProperty canRunSnapshots = new SimpleBooleanProperty(false);
    private final StringBinding serverText = Bindings.createStringBinding(
            () -> serverUrl.get().isEmpty() ? "Not connected" : serverUrl.get(), serverUrl);
    private final StringBinding versionText = Bindings.createStringBinding(
            () -> serverVersion.get().isEmpty() ? "" : "v" + serverVersion.get(), serverVersion);
    private final StringBinding modeText = Bindings.createStringBinding(
            () -> local.get() ? "local" : "remote", local);
    private final StringBinding userText = Bindings.createStringBinding(
            () -> user.get().isEmpty() ? "not signed in" : user.get(), user);
    private final StringBinding canRunText = Bindings.createStringBinding(
            () -> canRunSnapshots.get() ? "Can run snapshots" : "Cannot run snapshots",
            canRunSnapshots);

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty serverVersionProperty() {
        return serverVersion;
    }

    public BooleanProperty localProperty() {
        return local;
    }

    public StringProperty userProperty() {
        return user;
    }

    public BooleanProperty canRunSnapshotsProperty() {
        return canRunSnapshots;
    }

    public StringBinding serverText() {
        return serverText;
    }

    public StringBinding versionText() {
        return versionText;
    }

    public StringBinding modeText() {
        return modeText;
    }

    public StringBinding userText() {
        return userText;
    }

    public StringBinding canRunText() {
        return canRunText;
    }
}
