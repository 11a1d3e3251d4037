package dev.snapdeck.service;

/** Nothing has the name or id the user gave. */
public final class NoSuchThingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoSuchThingException(String what, String given) {
        super("No " + what + " is named '" + given + "' or has an id starting with it.");
    }
}
