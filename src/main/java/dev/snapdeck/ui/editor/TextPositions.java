package dev.snapdeck.ui.editor;

import java.util.ArrayList;
import java.util.List;

import dev.snapdeck.runconfig.Diagnostic;
import dev.snapdeck.runconfig.QuickFix;
import dev.snapdeck.runconfig.Severity;
import dev.snapdeck.runconfig.Span;

/**
 * Positions in one text, converted between the run-configuration engine's code-point columns and
 * the editor's UTF-16 columns and offsets. Lines end at {@code \r\n}, {@code \r} or {@code \n},
 * as the engine counts them. Immutable; build one per text.
 */
final class TextPositions {

    private final String text;
    private final List<Integer> lineStarts = new ArrayList<>();

    TextPositions(String text) {
        this.text = text;
        lineStarts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            }
            if (c == '\r' || c == '\n') {
                lineStarts.add(i + 1);
            }
        }
    }

    int lineCount() {
        return lineStarts.size();
    }

    /** The UTF-16 offset of a 1-based line and code-point column, clamped to the text. */
    int offset(int line, int codePointColumn) {
        int index = Math.max(0, Math.min(line, lineCount()) - 1);
        int start = lineStarts.get(index);
        int end = lineEnd(index);
        if (line > lineCount()) {
            return end;
        }
        int offset = start;
        for (int column = 1; column < codePointColumn && offset < end; column++) {
            offset += Character.charCount(text.codePointAt(offset));
        }
        return Math.min(offset, end);
    }

    /** The 1-based UTF-16 column of a 1-based line and code-point column. */
    int utf16Column(int line, int codePointColumn) {
        int index = Math.max(0, Math.min(line, lineCount()) - 1);
        return offset(line, codePointColumn) - lineStarts.get(index) + 1;
    }

    /** The 1-based code-point column of a 1-based line and UTF-16 column. */
    int codePointColumn(int line, int utf16Column) {
        int index = Math.max(0, Math.min(line, lineCount()) - 1);
        int start = lineStarts.get(index);
        int end = Math.min(lineEnd(index), start + Math.max(0, utf16Column - 1));
        return text.codePointCount(start, end) + 1;
    }

    /** The engine's diagnostic as an editor marker, columns in UTF-16. */
    EditorMarker marker(Diagnostic diagnostic) {
        EditorMarker.Severity severity = diagnostic.severity() == Severity.ERROR
                ? EditorMarker.Severity.ERROR : EditorMarker.Severity.WARNING;
        return marker(severity, diagnostic.span(), diagnostic.message());
    }

    EditorMarker marker(EditorMarker.Severity severity, Span span, String message) {
        int startLine = Math.max(1, span.startLine());
        int endLine = Math.max(startLine, span.endLine());
        int startColumn = utf16Column(startLine, Math.max(1, span.startColumn()));
        int endColumn = utf16Column(endLine, Math.max(1, span.endColumn()));
        if (endLine == startLine && endColumn < startColumn) {
            endColumn = startColumn;
        }
        return new EditorMarker(severity, startLine, startColumn, endLine, endColumn, message);
    }

    /** The text with the quick fix's range replaced by its replacement. */
    String apply(QuickFix fix) {
        int start = offset(fix.startLine(), fix.startColumn());
        int end = Math.max(start, offset(fix.endLine(), fix.endColumn()));
        return text.substring(0, start) + fix.replacement() + text.substring(end);
    }

    /** The text with the span replaced by {@code replacement}. */
    String replace(Span span, String replacement) {
        int start = offset(span.startLine(), span.startColumn());
        int end = Math.max(start, offset(span.endLine(), span.endColumn()));
        return text.substring(0, start) + replacement + text.substring(end);
    }

    /** The text with {@code lines} inserted after 1-based {@code line} (each ends with \n). */
    String insertAfterLine(int line, String lines) {
        if (line >= lineCount()) {
            boolean endsWithBreak = text.isEmpty() || text.endsWith("\n") || text.endsWith("\r");
            return text + (endsWithBreak ? "" : "\n") + lines;
        }
        int at = lineStarts.get(line);
        return text.substring(0, at) + lines + text.substring(at);
    }

    /** The 1-based line's text, without its line break. */
    String line(int line) {
        return text.substring(lineStarts.get(line - 1), lineEnd(line - 1));
    }

    /** The text without 1-based lines {@code first} to {@code last}, their breaks included. */
    String removeLines(int first, int last) {
        int start = lineStarts.get(first - 1);
        int end = last < lineCount() ? lineStarts.get(last) : text.length();
        return text.substring(0, start) + text.substring(end);
    }

    private int lineEnd(int index) {
        if (index + 1 < lineStarts.size()) {
            int next = lineStarts.get(index + 1);
            int end = next - 1;
            if (end > 0 && text.charAt(end) == '\n' && text.charAt(end - 1) == '\r') {
                end--;
            }
            return end;
        }
        return text.length();
    }
}
