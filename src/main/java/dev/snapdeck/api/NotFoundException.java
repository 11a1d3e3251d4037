package dev.snapdeck.api;

/** 404 Not Found: no object with that id, or no such route. */
public class NotFoundException extends ZenmlException {

    public NotFoundException(int status, String exceptionClass, String serverMessage) {
        super(status, exceptionClass, serverMessage);
    }
}
