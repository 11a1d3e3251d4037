package dev.snapdeck.ui.connect;

import java.io.UncheckedIOException;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.snapdeck.api.UnauthorizedException;
import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.service.ConnectionProfile;
import dev.snapdeck.service.ConnectionProfile.SignIn;
import dev.snapdeck.service.Connector;
import dev.snapdeck.service.ProfileStore;
import dev.snapdeck.service.UnreadableFileException;
import dev.snapdeck.service.Workspace;
import dev.snapdeck.ui.shell.Problems;
import dev.snapdeck.ui.shell.Session;

/**
 * The Connect dialog: the saved connection profiles, a form to add or edit one, and switching.
 * A profile is saved (with its secret) only once the server accepted it; a wrong secret is
 * reported after that one attempt. When the connections or secrets file cannot be read, the
 * dialog says which file and what is wrong with it, and leaves the file alone.
 */
public final class ConnectViewModel {

    private final BackgroundExecutor executor;
    private final ProfileStore profiles;
    private final Connector connector;
    private final Session session;
    private final ObservableList<ConnectionProfile> list = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionProfile> selected = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty url = new SimpleStringProperty("");
    private final ObjectProperty<SignIn> signIn = new SimpleObjectProperty<>(SignIn.PASSWORD);
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty secret = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper active = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canConnect;

    public ConnectViewModel(BackgroundExecutor executor, ProfileStore profiles,
            Connector connector, Session session) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.session = Objects.requireNonNull(session, "session");
        canConnect = Bindings.createBooleanBinding(() -> !busy.get()
                && !name.get().isBlank() && !url.get().isBlank()
                && (signIn.get() != SignIn.PASSWORD || !username.get().isBlank()),
                busy, name, url, signIn, username);
        selected.addListener((obs, old, now) -> edit(now));
        reload();
    }

    public ObservableList<ConnectionProfile> getProfiles() {
        return list;
    }

    public ObjectProperty<ConnectionProfile> selectedProperty() {
        return selected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public ObjectProperty<SignIn> signInProperty() {
        return signIn;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    /** The password, API key or token; empty keeps the one stored for an existing profile. */
    public StringProperty secretProperty() {
        return secret;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The active profile's name, or empty for the local server. */
    public ReadOnlyStringProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Becomes true once a connection was made; the dialog then closes. */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public BooleanBinding canConnectProperty() {
        return canConnect;
    }

    /** Where secrets are kept, in words for the user. */
    public String secretsLocation() {
        return profiles.secrets().describe();
    }

    /** Clears the form for a new profile. */
    public void newProfile() {
        selected.set(null);
        edit(null);
    }

    /** Forgets the selected profile and its secret. */
    public void removeSelected() {
        ConnectionProfile profile = selected.get();
        if (profile == null) {
            return;
        }
        try {
            profiles.remove(profile.name());
        } catch (UncheckedIOException e) {
            error.set(e.getMessage());
            return;
        }
        reload();
        newProfile();
    }

    /**
     * Tries the form's profile once; when the server accepts it, saves it with its secret,
     * makes it active and switches the dashboard to it.
     */
    public void connect() {
        if (!canConnect.get()) {
            return;
        }
        ConnectionProfile profile;
        try {
            profile = new ConnectionProfile(name.get().trim(), url.get().trim(), signIn.get(),
                    signIn.get() == SignIn.PASSWORD ? username.get().trim() : null);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        String typed = secret.get();
        boolean keepStored;
        try {
            keepStored = typed.isEmpty() && profiles.secret(profile.name()).isPresent();
        } catch (UncheckedIOException e) {
            error.set(e.getMessage());
            return;
        }
        if (typed.isEmpty() && !keepStored) {
            error.set("Enter the " + secretName(profile.signIn()) + ".");
            return;
        }
        busy.set(true);
        error.set("");
        executor.submit(() -> keepStored ? connector.connect(profile)
                : connector.connect(profile, typed))
                .onSuccess(workspace -> accepted(profile, keepStored ? null : typed, workspace))
                .onFailure(failure -> {
                    busy.set(false);
                    error.set(failure instanceof UnauthorizedException
                            ? "The server at " + profile.url() + " did not accept this "
                                    + secretName(profile.signIn()) + ". Nothing was saved."
                            : Problems.describe("Cannot connect to " + profile.url(), failure));
                });
    }

    /**
     * Switches to the local server this dashboard starts by itself, and stays there: no saved
     * profile is active afterwards, so the next start and the command line use it too.
     */
    public void useLocalServer() {
        String unreadable = null;
        try {
            connector.profiles().deactivate();
        } catch (UnreadableFileException e) {
            // A connections file that cannot be read makes no profile active (the dashboard
            // starts on the local server too), so the choice holds; the file is left to mend.
            unreadable = e.getMessage() + ". " + Session.LOCAL_UNTIL_MENDED;
        } catch (UncheckedIOException e) {
            error.set(e.getMessage());
            return;
        }
        session.connect("the local server", connector::connectLocal, unreadable);
        connected.set(true);
    }

    static String secretName(SignIn signIn) {
        switch (signIn) {
            case PASSWORD:
                return "user name and password";
            case API_KEY:
                return "API key";
            default:
                return "access token";
        }
    }

    private void accepted(ConnectionProfile profile, String newSecret, Workspace workspace) {
        busy.set(false);
        try {
            profiles.save(profile, newSecret);
            profiles.activate(profile.name());
        } catch (UncheckedIOException e) {
            workspace.close();
            error.set(e.getMessage() + ". The connection was not saved.");
            return;
        }
        reload();
        session.connect(profile.url(), () -> workspace);
        connected.set(true);
    }

    /** Shows the saved profiles; when their file cannot be read, says so and shows none. */
    private void reload() {
        try {
            list.setAll(profiles.profiles());
            active.set(profiles.active().map(ConnectionProfile::name).orElse(""));
        } catch (UncheckedIOException e) {
            list.clear();
            active.set("");
            error.set(e.getMessage());
        }
    }

    private void edit(ConnectionProfile profile) {
        error.set("");
        secret.set("");
        name.set(profile == null ? "" : profile.name());
        url.set(profile == null ? "" : profile.url());
        signIn.set(profile == null ? SignIn.PASSWORD : profile.signIn());
        username.set(profile == null || profile.username() == null ? "" : profile.username());
    }
}
