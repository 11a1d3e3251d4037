package dev.snapdeck.runconfig;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes JSON as block YAML that reads back to the same JSON under {@link ScalarRule}: text that a
 * YAML reader would take for something else is double-quoted. Comments come from a function of
 * the path.
 */
final class YamlWriter {

    private static final Pattern SAFE_PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_./-]*");
    private static final int WRAP = 96;

    private final StringBuilder out = new StringBuilder();
    private final Function<List<String>, String> comments;

    private YamlWriter(Function<List<String>, String> comments) {
        this.comments = comments;
    }

    static String write(JsonNode object, Function<List<String>, String> comments) {
        YamlWriter writer = new YamlWriter(comments);
        writer.mapping(object, List.of(), 0);
        return writer.out.toString();
    }

    private void mapping(JsonNode object, List<String> path, int indent) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            List<String> childPath = append(path, field.getKey());
            comment(comments.apply(childPath), indent);
            out.append(" ".repeat(indent)).append(key(field.getKey())).append(':');
            value(field.getValue(), childPath, indent);
        }
    }

    private void value(JsonNode value, List<String> path, int indent) {
        if (value.isObject() && value.size() > 0) {
            out.append('\n');
            mapping(value, path, indent + 2);
        } else if (value.isArray() && value.size() > 0) {
            out.append('\n');
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                out.append(" ".repeat(indent + 2)).append('-');
                if (item.isObject() && item.size() > 0) {
                    out.append('\n');
                    mapping(item, append(path, Integer.toString(i)), indent + 4);
                } else {
                    value(item, append(path, Integer.toString(i)), indent + 2);
                }
            }
        } else {
            out.append(' ').append(scalar(value)).append('\n');
        }
    }

    private void comment(String text, int indent) {
        if (text == null || text.isBlank()) {
            return;
        }
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > 0 && indent + line.length() + word.length() > WRAP) {
                out.append(" ".repeat(indent)).append("# ").append(line).append('\n');
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        out.append(" ".repeat(indent)).append("# ").append(line).append('\n');
    }

    static String scalar(JsonNode value) {
        if (value.isObject()) {
            return "{}";
        }
        if (value.isArray()) {
            return "[]";
        }
        if (value.isTextual()) {
            return text(value.asText());
        }
        if (value.isFloatingPointNumber()) {
            String number = value.asText();
            boolean unsignedExponent = number.matches(".*[eE][0-9].*");
            return unsignedExponent ? number.replaceFirst("([eE])", "$1+") : number;
        }
        return value.asText();
    }

    static String key(String name) {
        return text(name);
    }

    private static String text(String text) {
        boolean plain = SAFE_PLAIN.matcher(text).matches()
                && ScalarRule.resolve(text).isTextual()
                && ScalarRule.ambiguity(text).isEmpty();
        return plain ? text : ScalarRule.quote(text);
    }

    private static List<String> append(List<String> path, String name) {
        List<String> out = new ArrayList<>(path);
        out.add(name);
        return out;
    }
}
