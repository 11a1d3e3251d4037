package dev.snapdeck.runconfig;

import java.util.Locale;

/** How bad a {@link Diagnostic} is: an error blocks a run, a warning does not. */
public enum Severity {
    ERROR,
    WARNING;

    /** The lower-case word used in CLI output ({@code error}, {@code warning}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
