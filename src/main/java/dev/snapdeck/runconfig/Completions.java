package dev.snapdeck.runconfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What may be typed at a place in a run configuration: the keys the schema allows there (with
 * type and description) or, after {@code key:}, the value's enum values, {@code true}/{@code
 * false}, or its type. Works on half-typed text that does not parse, from indentation alone
 * (block style). Pure and thread-safe.
 */
public final class Completions {

    /**
     * One proposal. {@code key} tells a key (insert {@code label + ": "}) from a value;
     * {@code insertText} is empty when there is nothing to insert (a value's type as a hint).
     */
    public record Completion(String label, String insertText, String type, String description,
            boolean key) {
    }

    private Completions() {
    }

    /** Proposals at 1-based {@code line} and {@code column} of {@code text}. */
    public static List<Completion> at(String text, int line, int column, SnapshotSpec spec) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        if (line < 1 || line > lines.length) {
            return List.of();
        }
        String current = lines[line - 1];
        String before = current.substring(0, Math.max(0, Math.min(column - 1, current.length())));
        String body = before.stripLeading();
        int indent = before.length() - body.length();
        if (body.startsWith("- ")) {
            body = body.substring(2);
            indent += 2;
        }
        List<String> parent = parentPath(lines, line - 1, indent);
        int colon = body.indexOf(": ");
        if (colon < 0 && body.endsWith(":")) {
            colon = body.length() - 1;
        }
        if (colon > 0) {
            List<String> path = new ArrayList<>(parent);
            path.add(unquote(body.substring(0, colon).trim()));
            return values(spec, path, body.substring(colon + 1).trim());
        }
        return keys(spec, parent, body.trim(), siblingKeys(lines, line - 1, indent));
    }

    private static List<Completion> keys(SnapshotSpec spec, List<String> path, String typed,
            Set<String> written) {
        List<Completion> out = new ArrayList<>();
        for (KeyInfo info : spec.keysAt(path)) {
            if (written.contains(info.name())) {
                continue;
            }
            if (info.name().toLowerCase(Locale.ROOT).startsWith(typed.toLowerCase(Locale.ROOT))) {
                out.add(new Completion(info.name(), YamlWriter.key(info.name()) + ": ",
                        info.type(), info.description(), true));
            }
        }
        return out;
    }

    private static List<Completion> values(SnapshotSpec spec, List<String> path, String typed) {
        JsonNode schema = spec.schemaAt(path).orElse(null);
        if (schema == null) {
            return List.of();
        }
        String type = spec.typeWords(schema);
        String description = spec.description(schema);
        List<Completion> out = new ArrayList<>();
        for (JsonNode branch : spec.branches(schema)) {
            branch.path("enum").forEach(value -> out.add(new Completion(value.asText(),
                    YamlWriter.scalar(value), type, description, false)));
            if ("boolean".equals(branch.path("type").asText())) {
                out.add(new Completion("true", "true", type, description, false));
                out.add(new Completion("false", "false", type, description, false));
            }
        }
        out.removeIf(c -> !c.label().startsWith(typed));
        if (out.isEmpty() && typed.isEmpty()) {
            return Collections.singletonList(new Completion(type, "", type, description, false));
        }
        return out;
    }

    /** Keys already written in the same block (same indentation), other than on this line. */
    private static Set<String> siblingKeys(String[] lines, int lineIndex, int indent) {
        Set<String> keys = new HashSet<>();
        for (int step : new int[] {-1, 1}) {
            for (int i = lineIndex + step; i >= 0 && i < lines.length; i += step) {
                String body = lines[i].stripLeading();
                int lineIndent = lines[i].length() - body.length();
                if (body.isEmpty() || body.startsWith("#") || lineIndent > indent) {
                    continue;
                }
                if (lineIndent < indent) {
                    break;
                }
                int colon = body.indexOf(':');
                if (colon > 0) {
                    keys.add(unquote(body.substring(0, colon).trim()));
                }
            }
        }
        return keys;
    }

    /** The keys of the enclosing mappings, found by walking up to lines indented less. */
    private static List<String> parentPath(String[] lines, int lineIndex, int indent) {
        List<String> path = new ArrayList<>();
        int limit = indent;
        for (int i = lineIndex - 1; i >= 0 && limit > 0; i--) {
            String line = lines[i];
            String body = line.stripLeading();
            int lineIndent = line.length() - body.length();
            if (body.isEmpty() || body.startsWith("#") || lineIndent >= limit) {
                continue;
            }
            if (body.startsWith("- ")) {
                body = body.substring(2);
            }
            int colon = body.indexOf(':');
            if (colon > 0) {
                path.add(0, unquote(body.substring(0, colon).trim()));
            }
            limit = lineIndent;
        }
        return path;
    }

    private static String unquote(String key) {
        if (key.length() >= 2 && (key.startsWith("\"") && key.endsWith("\"")
                || key.startsWith("'") && key.endsWith("'"))) {
            return key.substring(1, key.length() - 1);
        }
        return key;
    }
}
