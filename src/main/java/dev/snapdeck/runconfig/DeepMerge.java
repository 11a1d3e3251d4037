package dev.snapdeck.runconfig;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Deep-merges a run-configuration override onto a snapshot's configuration, the way ZenML
 * applies it (zenml-api.md §10.9): objects merge key by key, lists and scalars replace.
 *
 * <p>An explicit {@code null} in the override stays {@code null} in the result, so what is shown
 * is what is sent. Note that a ZenML server treats a null as "keep the snapshot's value", never
 * as "clear it": the effective configuration on the server keeps the old value there.
 */
public final class DeepMerge {

    private DeepMerge() {
    }

    /**
     * Returns a new tree: {@code base} with {@code override} merged onto it. Neither argument is
     * changed. A null or missing argument counts as absent. Pure and thread-safe.
     */
    public static JsonNode merge(JsonNode base, JsonNode override) {
        if (override == null || override.isMissingNode()) {
            return base == null ? null : base.deepCopy();
        }
        if (base == null || !base.isObject() || !override.isObject()) {
            return override.deepCopy();
        }
        ObjectNode result = ((ObjectNode) base).deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = override.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
        }
        return result;
    }
}
