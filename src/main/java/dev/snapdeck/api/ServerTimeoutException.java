package dev.snapdeck.api;

import java.io.IOException;

/**
 * The server did not answer within the client's connect or read timeout. As with
 * {@link ServerUnreachableException}, a changing request may still have taken effect.
 */
public class ServerTimeoutException extends ZenmlException {

    public ServerTimeoutException(String what, IOException cause) {
        super(0, null, what + " timed out: " + cause.getMessage(), cause);
    }
}
