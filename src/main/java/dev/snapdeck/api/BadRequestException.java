package dev.snapdeck.api;

/** 400 Bad Request: e.g. a run configuration the server refuses, a page past the end. */
public class BadRequestException extends ZenmlException {

    public BadRequestException(int status, String exceptionClass, String serverMessage) {
        super(status, exceptionClass, serverMessage);
    }
}
