package dev.snapdeck.api;

/** 409 Conflict: a name is already taken (snapshot name in a pipeline, run name). */
public class ConflictException extends ZenmlException {

    public ConflictException(int status, String exceptionClass, String serverMessage) {
        super(status, exceptionClass, serverMessage);
    }
}
