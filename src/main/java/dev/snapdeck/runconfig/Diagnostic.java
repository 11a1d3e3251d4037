package dev.snapdeck.runconfig;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in a run configuration, where it is and what to do about it.
 *
 * <p>Lines and columns are 1-based and count code points; the end is exclusive. {@code path} is
 * the dotted path of the key or value concerned ({@code steps.train_model.parameters.epochs};
 * list items as their index, {@code tags.0}), empty for the whole document.
 */
public record Diagnostic(Severity severity, int startLine, int startColumn, int endLine,
        int endColumn, String path, String message, Optional<QuickFix> quickFix) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(quickFix, "quickFix");
    }

    static Diagnostic at(Severity severity, Span span, String path, String message) {
        return new Diagnostic(severity, span.startLine(), span.startColumn(), span.endLine(),
                span.endColumn(), path, message, Optional.empty());
    }

    static Diagnostic at(Severity severity, Span span, String path, String message, QuickFix fix) {
        return new Diagnostic(severity, span.startLine(), span.startColumn(), span.endLine(),
                span.endColumn(), path, message, Optional.ofNullable(fix));
    }

    /** The start as a span, for sorting and for tests. */
    public Span span() {
        return new Span(startLine, startColumn, endLine, endColumn);
    }
}
