package dev.snapdeck.api;

import java.io.IOException;

/**
 * No answer: the connection could not be made, or it was closed before the whole response
 * arrived. For a request that changes something (a run trigger) the outcome is unknown: the server
 * may have acted on it. Such requests are never re-sent automatically.
 */
public class ServerUnreachableException extends ZenmlException {

    public ServerUnreachableException(String what, IOException cause) {
        super(0, null, what + ": " + cause, cause);
    }
}
