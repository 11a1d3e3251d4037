package dev.snapdeck.ui.editor;

import java.util.Objects;

/**
 * One completion choice. {@code insertText} replaces the word being typed before the caret
 * (letters, digits, '_' and '-'); {@code detail} is shown beside the label and may be empty.
 */
public record CompletionItem(String label, String insertText, String detail) {

    public CompletionItem {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(insertText, "insertText");
        detail = detail == null ? "" : detail;
    }
}
