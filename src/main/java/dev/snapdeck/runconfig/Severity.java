package dev.snapdeck.runconfig;

/** How bad a {@link Diagnostic} is: an error blocks a run, a warning does not. */
public enum Severity {
    ERROR,
    WARNING;

    /** The lower-case word used in CLI output ({@code error}, {@code warning}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
