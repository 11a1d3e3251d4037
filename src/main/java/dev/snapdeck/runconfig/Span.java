package dev.snapdeck.runconfig;

/**
 * A stretch of the YAML text. Lines and columns are 1-based and count Unicode code points (a tab
 * is one column); the end is exclusive.
 */
public record Span(int startLine, int startColumn, int endLine, int endColumn) {

    /** The empty span at the very start of the text, used when nothing better is known. */
    public static final Span START = new Span(1, 1, 1, 1);

    /** A span covering {@code length} code points on one line. */
    public static Span onLine(int line, int column, int length) {
        return new Span(line, column, line, column + length);
    }
}
