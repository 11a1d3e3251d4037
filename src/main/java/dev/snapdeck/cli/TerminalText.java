package dev.snapdeck.cli;

/**
 * Makes text from the server safe to print for people. Names and log lines come from any API
 * user or any step, and a terminal obeys the control characters in them: ESC starts sequences
 * that clear the screen or retitle the window, CR overwrites what was printed, a newline splits a
 * table row. JSON output is left exact; these are only for the human-readable forms.
 */
final class TerminalText {

    /** Longest table cell; longer ones end in "…" so one long name does not pad every row. */
    static final int MAX_CELL = 60;

    private TerminalText() {
    }

    /** One table cell: every control character as a visible escape, cut to {@link #MAX_CELL}. */
    static String cell(String text) {
        return cut(visible(text), MAX_CELL);
    }

    /** Every control character (C0, DEL, C1) as a visible escape such as {@code \n} or {@code \x1b}. */
    static String visible(String text) {
        return escape(text, false);
    }

    /** A log line: control characters escaped as in {@link #visible}, but tab and newline kept. */
    static String logLine(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLayout) {
        if (text.chars().noneMatch(TerminalText::isControl)) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c) || keepLayout && (c == '\t' || c == '\n')) {
                safe.append(c);
            } else if (c == '\n') {
                safe.append("\\n");
            } else if (c == '\r') {
                safe.append("\\r");
            } else if (c == '\t') {
                safe.append("\\t");
            } else {
                safe.append(String.format("\\x%02x", (int) c));
            }
        }
        return safe.toString();
    }

    private static boolean isControl(int c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f;
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
