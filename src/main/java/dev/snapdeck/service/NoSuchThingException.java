package dev.snapdeck.service;

import java.util.List;

/** Nothing has the name or id the user gave. */
public final class NoSuchThingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoSuchThingException(String what, String given) {
        super("No " + what + " is named '" + given + "' or has an id starting with it.");
    }

    /** Also names the things that do exist, when there are few enough to list. */
    public NoSuchThingException(String what, String given, List<String> existing) {
        super("No " + what + " is named '" + given + "' or has an id starting with it; "
                + (existing.isEmpty() ? "the server has none." : "the server has "
                        + String.join(", ", existing) + "."));
    }
}
