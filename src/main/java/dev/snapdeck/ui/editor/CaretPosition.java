package dev.snapdeck.ui.editor;

/**
 * Where completion was asked for: the offset into {@code text}, and the same spot as a 1-based
 * line and column.
 */
public record CaretPosition(String text, int offset, int line, int column) {
}
