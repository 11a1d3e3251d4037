package dev.snapdeck.ui.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Turns YAML text into highlighting tokens. Pure and thread-safe: the editor calls it off the
 * JavaFX thread, and tests call it directly.
 *
 * <p>It is a line scanner, not a parser: it recognises what a reader sees (keys, scalars,
 * comments, anchors, document markers, block scalars) and never fails on broken YAML.
 */
public final class YamlStyler {

    public static final String KEY = "yaml-key";
    public static final String STRING = "yaml-string";
    public static final String NUMBER = "yaml-number";
    public static final String LITERAL = "yaml-literal";
    public static final String COMMENT = "yaml-comment";
    public static final String ANCHOR = "yaml-anchor";
    public static final String DOCUMENT = "yaml-document";

    private static final Pattern NUMBER_PATTERN = Pattern.compile(
            "[-+]?(\\d[\\d_]*(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?|0x[0-9a-fA-F]+|0o[0-7]+"
                    + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    private static final Set<String> LITERALS = Set.of("true", "false", "null", "~", "yes", "no",
            "on", "off");

    /** One highlighted stretch of text: offsets into the whole text, end exclusive. */
    public record Token(int start, int end, String styleClass) {
    }

    /** Returns the tokens of {@code text} in order, without overlaps. */
    public List<Token> tokenize(String text) {
        LineScanner scanner = new LineScanner(text);
        return scanner.scanAll();
    }

    /** Returns spans covering all of {@code text}; unstyled stretches get no style class. */
    public StyleSpans<Collection<String>> spans(String text) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        int last = 0;
        for (Token token : tokenize(text)) {
            builder.add(List.of(), token.start() - last);
            builder.add(List.of(token.styleClass()), token.end() - token.start());
            last = token.end();
        }
        builder.add(List.of(), text.length() - last);
        return builder.create();
    }

    static String classifyScalar(String scalar) {
        if (LITERALS.contains(scalar.toLowerCase(Locale.ROOT))) {
            return LITERAL;
        }
        return NUMBER_PATTERN.matcher(scalar).matches() ? NUMBER : STRING;
    }

    /** Scans line by line, remembering flow depth and block scalars across lines. */
    private static final class LineScanner {

        private final String text;
        private final List<Token> tokens = new ArrayList<>();
        private int flowDepth;
        private int blockScalarParentIndent = -1;

        LineScanner(String text) {
            this.text = text;
        }

        List<Token> scanAll() {
            int lineStart = 0;
            while (lineStart <= text.length()) {
                int newline = text.indexOf('\n', lineStart);
                int lineEnd = newline < 0 ? text.length() : newline;
                scanLine(lineStart, lineEnd);
                if (newline < 0) {
                    break;
                }
                lineStart = newline + 1;
            }
            return tokens;
        }

        private void scanLine(int start, int end) {
            int indent = indentOf(start, end);
            boolean blank = start + indent >= end;
            if (blockScalarParentIndent >= 0) {
                if (blank || indent > blockScalarParentIndent) {
                    if (!blank) {
                        add(start + indent, end, STRING);
                    }
                    return;
                }
                blockScalarParentIndent = -1;
            }
            if (isDocumentMarker(start, end)) {
                add(start, start + 3, DOCUMENT);
                scanContent(start + 3, end, indent);
                return;
            }
            scanContent(start + indent, end, indent);
        }

        private boolean isDocumentMarker(int start, int end) {
            boolean marker = text.startsWith("---", start) || text.startsWith("...", start);
            return marker && (end - start == 3 || Character.isWhitespace(text.charAt(start + 3)));
        }

        private int indentOf(int start, int end) {
            int i = start;
            while (i < end && text.charAt(i) == ' ') {
                i++;
            }
            return i - start;
        }

        private void scanContent(int from, int end, int indent) {
            int i = from;
            while (i < end) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\t' || c == ',' || c == '?') {
                    i++;
                } else if (c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                    add(i, end, COMMENT);
                    return;
                } else if (c == '[' || c == '{') {
                    flowDepth++;
                    i++;
                } else if (c == ']' || c == '}') {
                    flowDepth = Math.max(0, flowDepth - 1);
                    i++;
                } else if ((c == '-' || c == ':') && isIndicator(i, end)) {
                    i++;
                } else if ((c == '|' || c == '>') && restIsBlank(i + 1, end)) {
                    blockScalarParentIndent = indent;
                    return;
                } else if (c == '&' || c == '*') {
                    i = scanAnchor(i, end);
                } else if (c == '!') {
                    i = wordEnd(i, end);
                } else if (c == '"' || c == '\'') {
                    i = scanQuoted(i, end);
                } else {
                    i = scanPlain(i, end);
                }
            }
        }

        private boolean isIndicator(int i, int end) {
            return i + 1 >= end || Character.isWhitespace(text.charAt(i + 1))
                    || (flowDepth > 0 && text.charAt(i) == ':');
        }

        private boolean restIsBlank(int from, int end) {
            int i = from;
            while (i < end && "+-0123456789".indexOf(text.charAt(i)) >= 0) {
                i++;
            }
            while (i < end && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return i >= end || text.charAt(i) == '#';
        }

        private int scanAnchor(int i, int end) {
            int stop = wordEnd(i, end);
            add(i, stop, ANCHOR);
            return stop;
        }

        private int wordEnd(int i, int end) {
            int j = i + 1;
            while (j < end && !Character.isWhitespace(text.charAt(j))
                    && ",[]{}".indexOf(text.charAt(j)) < 0) {
                j++;
            }
            return j;
        }

        private int scanQuoted(int i, int end) {
            char quote = text.charAt(i);
            int j = i + 1;
            while (j < end) {
                char c = text.charAt(j);
                if (quote == '"' && c == '\\') {
                    j += 2;
                    continue;
                }
                if (c == quote) {
                    if (quote == '\'' && j + 1 < end && text.charAt(j + 1) == '\'') {
                        j += 2;
                        continue;
                    }
                    j++;
                    break;
                }
                j++;
            }
            int stop = Math.min(j, end);
            add(i, stop, followedByColon(stop, end) ? KEY : STRING);
            return stop;
        }

        private int scanPlain(int i, int end) {
            int j = i;
            while (j < end && !plainStopsAt(j, end)) {
                j++;
            }
            int stop = j;
            while (stop > i && Character.isWhitespace(text.charAt(stop - 1))) {
                stop--;
            }
            if (stop == i) {
                return Math.max(j, i + 1);
            }
            String scalar = text.substring(i, stop);
            add(i, stop, followedByColon(j, end) ? KEY : classifyScalar(scalar));
            return j;
        }

        private boolean plainStopsAt(int j, int end) {
            char c = text.charAt(j);
            if (c == ':' && (j + 1 >= end || Character.isWhitespace(text.charAt(j + 1))
                    || flowDepth > 0)) {
                return true;
            }
            if (c == '#' && j > 0 && Character.isWhitespace(text.charAt(j - 1))) {
                return true;
            }
            return flowDepth > 0 && ",[]{}".indexOf(c) >= 0;
        }

        private boolean followedByColon(int from, int end) {
            int i = from;
            while (i < end && text.charAt(i) == ' ') {
                i++;
            }
            return i < end && text.charAt(i) == ':' && isIndicator(i, end);
        }

        private void add(int start, int end, String styleClass) {
            if (end > start) {
                tokens.add(new Token(start, end, styleClass));
            }
        }
    }
}
