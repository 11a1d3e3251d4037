package dev.snapdeck.runconfig;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Checks on the raw text that YAML parsers report badly: tabs, encoding. */
final class TextChecks {

    private TextChecks() {
    }

    /**
     * Reports each line whose indentation holds a tab, and each tab right after a key's colon
     * (SnakeYAML refuses both), at the tab, with a fix. It looks at lines only, so it also flags
     * tabs inside a block scalar or a multi-line quoted string, where YAML allows them: callers
     * use it to explain a parse that failed, not on its own.
     */
    static void tabs(String text, List<Diagnostic> out) {
        if (text.indexOf('\t') < 0) {
            return;
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int indent = 0;
            while (indent < line.length() && (line.charAt(indent) == ' '
                    || line.charAt(indent) == '\t')) {
                indent++;
            }
            int tab = line.indexOf('\t');
            if (tab >= 0 && tab < indent && indent < line.length()) {
                Span whole = Span.onLine(i + 1, 1, indent);
                String spaces = line.substring(0, indent).replace("\t", "  ");
                out.add(Diagnostic.at(Severity.ERROR, Span.onLine(i + 1, tab + 1, 1), "",
                        "A tab is used for indentation on line " + (i + 1) + "; YAML indents with "
                        + "spaces only.", QuickFix.replacing("Replace tabs with spaces", whole,
                                spaces)));
            }
            int afterColon = line.indexOf(":\t", indent);
            if (afterColon >= 0 && !line.substring(indent).startsWith("#")
                    && !inQuotes(line, afterColon)) {
                Span tabSpan = Span.onLine(i + 1, afterColon + 2, 1);
                out.add(Diagnostic.at(Severity.ERROR, tabSpan, "", "A tab follows the colon on "
                        + "line " + (i + 1) + "; put a space there instead.",
                        QuickFix.replacing("Replace the tab with a space", tabSpan, " ")));
            }
        }
    }

    private static boolean inQuotes(String line, int index) {
        long doubles = line.substring(0, index).chars().filter(c -> c == '"').count();
        long singles = line.substring(0, index).chars().filter(c -> c == '\'').count();
        return doubles % 2 == 1 || singles % 2 == 1 || line.substring(0, index).contains("#");
    }

    /**
     * Decodes bytes as UTF-8, or returns the error diagnostic pointing at the first byte that is
     * not UTF-8 (line and column of the text decoded so far).
     */
    static Optional<Diagnostic> utf8Problem(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(bytes));
            return Optional.empty();
        } catch (CharacterCodingException e) {
            int bad = firstBadByte(bytes);
            String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int lineStart = before.lastIndexOf('\n') + 1;
            int column = 1 + before.codePointCount(lineStart, before.length());
            return Optional.of(Diagnostic.at(Severity.ERROR, Span.onLine(line, column, 1), "",
                    String.format("The file is not UTF-8: byte 0x%02X on line %d, column %d cannot "
                            + "be read. Save the file as UTF-8.", bytes[bad] & 0xFF, line,
                            column)));
        }
    }

    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : Math.max(0, bytes.length - 1);
    }
}
