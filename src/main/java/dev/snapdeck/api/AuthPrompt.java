package dev.snapdeck.api;

import java.util.Optional;

/**
 * Asked for new credentials when the server rejects the token and the client holds none it could
 * log in with again. Called on the thread that made the failing request (a background thread,
 * never the FX thread); an implementation that shows a dialog must hop to the FX thread and wait.
 * Called at most once per client call.
 */
@FunctionalInterface
public interface AuthPrompt {

    /**
     * @param reason the server's message, for the prompt's text
     * @return new credentials, or empty when the user refuses (the call then fails with
     *     {@link UnauthorizedException})
     */
    Optional<Credentials> credentialsNeeded(String reason);
}
