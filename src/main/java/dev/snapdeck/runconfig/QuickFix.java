package dev.snapdeck.runconfig;

/**
 * A text edit that fixes a {@link Diagnostic}: replace the given range (1-based, end exclusive)
 * with {@code replacement}. Editors apply it as is; nothing else changes.
 */
public record QuickFix(String title, int startLine, int startColumn, int endLine, int endColumn,
        String replacement) {

    static QuickFix replacing(String title, Span span, String replacement) {
        return new QuickFix(title, span.startLine(), span.startColumn(), span.endLine(),
                span.endColumn(), replacement);
    }
}
