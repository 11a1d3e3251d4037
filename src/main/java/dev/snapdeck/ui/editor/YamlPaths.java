package dev.snapdeck.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.snapdeck.runconfig.Span;
import dev.snapdeck.runconfig.YamlNode;

/**
 * Finds where a dotted path of a run configuration is written, and writes single values as YAML
 * scalars. Pure; used for form edits and for placing the server's complaints in the text.
 */
final class YamlPaths {

    private static final Pattern SAFE_PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_./-]*");
    private static final List<String> YAML11_WORDS = List.of("y", "n", "yes", "no", "on", "off",
            "true", "false", "null");

    /**
     * How far a path is written: the deepest node found ({@code node}), its key's span, and how
     * many leading segments of the path it covers.
     */
    record Found(YamlNode node, Span keySpan, int matched) {

        boolean complete(List<String> path) {
            return matched == path.size();
        }
    }

    private YamlPaths() {
    }

    /** Splits a dotted path; an empty path is the whole document. */
    static List<String> split(String dotted) {
        return dotted.isEmpty() ? List.of() : List.of(dotted.split("\\."));
    }

    static Found find(YamlNode root, List<String> path) {
        YamlNode node = root;
        Span keySpan = root.span();
        int matched = 0;
        for (String segment : path) {
            YamlNode next = null;
            if (node instanceof YamlNode.Mapping) {
                YamlNode.Entry entry = ((YamlNode.Mapping) node).get(segment);
                if (entry != null) {
                    keySpan = entry.key().span();
                    next = entry.value();
                }
            } else if (node instanceof YamlNode.Sequence && segment.matches("\\d{1,8}")) {
                List<YamlNode> items = ((YamlNode.Sequence) node).items();
                int index = Integer.parseInt(segment);
                next = index < items.size() ? items.get(index) : null;
                keySpan = next == null ? keySpan : next.span();
            }
            if (next == null) {
                break;
            }
            node = next;
            matched++;
        }
        return new Found(node, keySpan, matched);
    }

    /**
     * The server's location of a problem ({@code body.run_configuration.steps.x...}) as a path in
     * the run configuration; empty when the location is not inside it.
     */
    static List<String> fromServerLocation(String location) {
        List<String> parts = new ArrayList<>(List.of(location.split("\\.")));
        int at = parts.indexOf("run_configuration");
        if (at < 0) {
            return List.of();
        }
        return List.copyOf(parts.subList(at + 1, parts.size()));
    }

    /** A value as a YAML scalar that reads back as the same JSON value. */
    static String scalar(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isFloatingPointNumber()) {
            // YAML 1.1 (what ZenML's reader follows) needs a sign in an exponent: 1.0E+20.
            return value.toString().replaceFirst("([eE])([0-9])", "$1+$2");
        }
        if (!value.isTextual()) {
            return value.toString();
        }
        String text = value.asText();
        boolean plain = SAFE_PLAIN.matcher(text).matches()
                && !YAML11_WORDS.contains(text.toLowerCase(Locale.ROOT));
        return plain ? text : TextNode.valueOf(text).toString();
    }
}
