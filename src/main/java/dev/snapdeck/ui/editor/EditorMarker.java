package dev.snapdeck.ui.editor;

import java.util.Objects;

/**
 * A problem to show in the editor. Lines and columns count from 1; the end is exclusive. Shaped
 * like the run-configuration engine's {@code Diagnostic} so that one maps onto the other field by
 * field.
 */
public record EditorMarker(Severity severity, int startLine, int startColumn, int endLine,
        int endColumn, String message) {

    /** How bad a marker is; the order is from worst to mildest. */
    public enum Severity {
        ERROR, WARNING, INFO
    }

    public EditorMarker {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        if (startLine < 1 || startColumn < 1 || endLine < 1 || endColumn < 1) {
            throw new IllegalArgumentException("marker positions count from 1, got "
                    + startLine + ":" + startColumn + "-" + endLine + ":" + endColumn);
        }
        if (endLine < startLine || (endLine == startLine && endColumn < startColumn)) {
            throw new IllegalArgumentException("marker ends before it starts: "
                    + startLine + ":" + startColumn + "-" + endLine + ":" + endColumn);
        }
    }
}
