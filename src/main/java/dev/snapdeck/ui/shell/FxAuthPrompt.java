package dev.snapdeck.ui.shell;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;

import dev.snapdeck.api.AuthPrompt;
import dev.snapdeck.api.Credentials;
import dev.snapdeck.service.ConnectionProfile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the user to sign in again when the session expired and the stored secret cannot renew it
 * (a pasted token). Called by the client on a background thread: it hops to the JavaFX thread,
 * shows the dialog and waits, so the request that needed it carries on with the new credentials
 * and nothing the user was editing is touched.
 */
public final class FxAuthPrompt implements AuthPrompt {

    public static final String SECRET_ID = "signInAgainSecret";
    private static final Logger LOG = LoggerFactory.getLogger(FxAuthPrompt.class);

    private final Supplier<Optional<ConnectionProfile>> activeProfile;

    public FxAuthPrompt(Supplier<Optional<ConnectionProfile>> activeProfile) {
        this.activeProfile = activeProfile;
    }

    @Override
    public Optional<Credentials> credentialsNeeded(String reason) {
        if (Platform.isFxApplicationThread()) {
            // Waiting here would freeze the window; the request fails with its 401 instead.
            LOG.warn("Sign-in asked for on the JavaFX thread; not prompting");
            return Optional.empty();
        }
        ConnectionProfile profile = activeProfile.get().orElse(null);
        if (profile == null) {
            return Optional.empty();
        }
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(ask(profile, reason));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get().map(secret -> credentials(profile, secret));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            LOG.error("The sign-in dialog failed", e.getCause());
            return Optional.empty();
        }
    }

    static Credentials credentials(ConnectionProfile profile, String secret) {
        switch (profile.signIn()) {
            case PASSWORD:
                return Credentials.password(profile.username(), secret);
            case API_KEY:
                return Credentials.apiKey(secret);
            default:
                return Credentials.token(secret);
        }
    }

    private static Optional<String> ask(ConnectionProfile profile, String reason) {
        String what = profile.signIn() == ConnectionProfile.SignIn.PASSWORD
                ? "the password of " + profile.username()
                : profile.signIn() == ConnectionProfile.SignIn.API_KEY ? "an API key"
                : "a new access token";
        PasswordField secret = new PasswordField();
        secret.setId(SECRET_ID);
        secret.setPromptText(what);
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle("Sign in again");
        dialog.setHeaderText("Your session on " + profile.name() + " has ended");
        dialog.getDialogPane().setContent(new VBox(8, new Label(reason
                + "\nEnter " + what + " to carry on; what you were doing is kept."), secret));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == ButtonType.OK ? secret.getText() : null);
        Platform.runLater(secret::requestFocus);
        return dialog.showAndWait().filter(text -> !text.isBlank());
    }
}
