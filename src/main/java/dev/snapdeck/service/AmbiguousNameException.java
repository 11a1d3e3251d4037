package dev.snapdeck.service;

import java.util.List;

/** A name or id prefix matched more than one thing; the message lists them. */
public final class AmbiguousNameException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> matches;

    public AmbiguousNameException(String what, String given, List<String> matches) {
        super("'" + given + "' matches " + matches.size() + " " + what + "s: "
                + String.join(", ", matches) + ". Give more of the id, or all of it.");
        this.matches = List.copyOf(matches);
    }

    public List<String> matches() {
        return matches;
    }
}
