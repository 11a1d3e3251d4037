package dev.snapdeck.runconfig;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Compares an edited configuration with the snapshot's template, and reduces it to the smallest
 * override that produces it. Numbers compare by value ({@code 4} equals {@code 4.0}); lists
 * compare as a whole, as they replace as a whole when merged. Pure and thread-safe.
 */
public final class ConfigDiff {

    /** What happened at a path. */
    public enum Kind { CHANGED, ADDED, REMOVED }

    /**
     * One difference. {@code before} is {@link MissingNode} for an added path, {@code after}
     * for a removed one.
     */
    public record Change(Kind kind, String path, JsonNode before, JsonNode after) {
    }

    private ConfigDiff() {
    }

    /** The differences from {@code template} to {@code edited}, depth first in key order. */
    public static List<Change> between(JsonNode template, JsonNode edited) {
        List<Change> changes = new ArrayList<>();
        diff(orEmpty(template), orEmpty(edited), "", changes);
        return changes;
    }

    /**
     * The smallest override that, deep-merged onto {@code template}, gives {@code edited} —
     * except for removals: an override cannot remove anything (a null keeps the snapshot's
     * value on a ZenML server), so removed paths are left out. Use {@link #between} to see them.
     */
    public static ObjectNode minimalOverride(JsonNode template, JsonNode edited) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        JsonNode base = orEmpty(template);
        Iterator<String> names = orEmpty(edited).fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode after = edited.get(name);
            JsonNode before = base.get(name);
            if (before != null && before.isObject() && after.isObject()) {
                ObjectNode nested = minimalOverride(before, after);
                if (nested.size() > 0) {
                    out.set(name, nested);
                }
            } else if (before == null || !same(before, after)) {
                out.set(name, after.deepCopy());
            }
        }
        return out;
    }

    private static void diff(JsonNode before, JsonNode after, String path, List<Change> out) {
        if (before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = path.isEmpty() ? name : path + "." + name;
                JsonNode old = before.get(name);
                JsonNode now = after.get(name);
                if (old == null) {
                    out.add(new Change(Kind.ADDED, child, MissingNode.getInstance(), now));
                } else if (now == null) {
                    out.add(new Change(Kind.REMOVED, child, old, MissingNode.getInstance()));
                } else {
                    diff(old, now, child, out);
                }
            }
        } else if (!same(before, after)) {
            out.add(new Change(Kind.CHANGED, path, before, after));
        }
    }

    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            return between(a, b).isEmpty();
        }
        return a.equals(b);
    }

    private static JsonNode orEmpty(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull()
                ? JsonNodeFactory.instance.objectNode() : node;
    }
}
