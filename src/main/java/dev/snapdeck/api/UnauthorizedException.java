package dev.snapdeck.api;

/** 401 Unauthorized: a missing, expired or rejected token, or bad credentials at login. */
public class UnauthorizedException extends ZenmlException {

    public UnauthorizedException(int status, String exceptionClass, String serverMessage) {
        super(status, exceptionClass, serverMessage);
    }
}
