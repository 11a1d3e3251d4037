package dev.snapdeck.server.pipeline;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A typed step parameter. {@code type} is one of {@code string}, {@code integer}, {@code number},
 * {@code boolean}; {@code defaultValue} is null when the parameter has no default (then a run must
 * give it); {@code enumValues} is empty when any value of the type is allowed; {@code minimum} and
 * {@code maximum} are null when open.
 */
public record ParameterDefinition(String name, String type, JsonNode defaultValue,
        List<JsonNode> enumValues, Double minimum, Double maximum, String description) {

    /** The types a parameter may declare. */
    public static final List<String> TYPES = List.of("string", "integer", "number", "boolean");

    public ParameterDefinition {
        enumValues = List.copyOf(enumValues);
    }

    /**
     * The pydantic-2-like schema of this parameter: {@code type}, {@code title} (the name in title
     * case), then {@code default}, {@code enum}, {@code minimum}, {@code maximum} and
     * {@code description} where declared.
     */
    public ObjectNode toJsonSchema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("type", type);
        schema.put("title", title(name));
        if (defaultValue != null) {
            schema.set("default", defaultValue.deepCopy());
        }
        if (!enumValues.isEmpty()) {
            ArrayNode values = schema.putArray("enum");
            enumValues.forEach(value -> values.add(value.deepCopy()));
        }
        putBound(schema, "minimum", minimum);
        putBound(schema, "maximum", maximum);
        if (description != null) {
            schema.put("description", description);
        }
        return schema;
    }

    /** Whether {@code value} has this parameter's type, enum and range; null is never accepted. */
    public boolean accepts(JsonNode value) {
        return value != null && problemWith(value) == null;
    }

    /** What is wrong with {@code value} for this parameter, or null when it is acceptable. */
    public String problemWith(JsonNode value) {
        if (!hasType(value)) {
            return "expected a value of type " + type + ", got " + value;
        }
        if (!enumValues.isEmpty() && enumValues.stream().noneMatch(allowed -> sameValue(allowed, value))) {
            return value + " is not one of " + enumValues;
        }
        if (value.isNumber() && minimum != null && value.doubleValue() < minimum) {
            return value + " is below the minimum " + formatBound(minimum);
        }
        if (value.isNumber() && maximum != null && value.doubleValue() > maximum) {
            return value + " is above the maximum " + formatBound(maximum);
        }
        return null;
    }

    private static boolean sameValue(JsonNode allowed, JsonNode value) {
        if (allowed.isNumber() && value.isNumber()) {
            return allowed.decimalValue().compareTo(value.decimalValue()) == 0;
        }
        return allowed.equals(value);
    }

    private boolean hasType(JsonNode value) {
        switch (type) {
            case "string":
                return value.isTextual();
            case "integer":
                return value.isIntegralNumber();
            case "number":
                return value.isNumber();
            case "boolean":
                return value.isBoolean();
            default:
                return false;
        }
    }

    private void putBound(ObjectNode schema, String key, Double bound) {
        if (bound == null) {
            return;
        }
        if ("integer".equals(type) && bound == Math.rint(bound)) {
            long whole = bound.longValue();
            if (whole == (int) whole) {
                schema.put(key, (int) whole);
            } else {
                schema.put(key, whole);
            }
        } else {
            schema.put(key, bound);
        }
    }

    private static String formatBound(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }

    private static String title(String name) {
        StringBuilder title = new StringBuilder();
        for (String word : name.split("_")) {
            if (word.isEmpty()) {
                continue;
            }
            title.append(title.length() == 0 ? "" : " ")
                    .append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return title.toString();
    }
}
