package dev.snapdeck.api;

/** 403 Forbidden: the caller may not do this (RBAC, admin-only, stopping a finished run). */
public class ForbiddenException extends ZenmlException {

    public ForbiddenException(int status, String exceptionClass, String serverMessage) {
        super(status, exceptionClass, serverMessage);
    }
}
