package dev.snapdeck.api;

import java.util.Optional;

/**
 * Asked for new credentials when the server rejects the token and the client holds none it could
 * log in with again. Called on the thread that made the failing request (a background thread,
 * never the FX thread); an implementation that shows a dialog must hop to the FX thread and wait.
 * Called at most once per client call. While it runs, other calls of the same client that need a
 * new token wait for its answer, so several failing calls lead to one prompt, not many.
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
