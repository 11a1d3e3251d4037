package dev.snapdeck.api;

/**
 * 5xx: the server failed (bug or misconfiguration); the request may or may not have had an
 * effect.
 */
public class ServerErrorException extends ZenmlException {

    public ServerErrorException(int status, String exceptionClass, String serverMessage) {
        super(status, exceptionClass, serverMessage);
    }
}
