package dev.snapdeck.runconfig;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One parameter of a step, as the snapshot's schema declares it.
 *
 * @param types        JSON Schema types allowed, {@code null} left out (empty: anything)
 * @param enumValues   allowed values, empty when any value of the type is allowed
 * @param minimum      inclusive lower bound, if any ({@code exclusiveMinimum} when exclusive)
 * @param defaultValue the schema's default, if it has one
 */
public record ParameterSpec(String name, List<String> types, List<JsonNode> enumValues,
        Optional<Double> minimum, boolean exclusiveMinimum, Optional<Double> maximum,
        boolean exclusiveMaximum, String description, Optional<JsonNode> defaultValue,
        boolean nullable) {

    /** Type and bounds in words: {@code integer, 1 ≤ x ≤ 1000}. */
    public String summary() {
        StringBuilder out = new StringBuilder(types.isEmpty() ? "any" : String.join(" or ", types));
        if (!enumValues.isEmpty()) {
            out.append(", one of ").append(String.join(", ",
                    enumValues.stream().map(JsonNode::asText).toList()));
        }
        if (minimum.isPresent() || maximum.isPresent()) {
            out.append(", ");
            minimum.ifPresent(min -> out.append(number(min))
                    .append(exclusiveMinimum ? " < " : " ≤ "));
            out.append('x');
            maximum.ifPresent(max -> out.append(exclusiveMaximum ? " < " : " ≤ ")
                    .append(number(max)));
        }
        return out.toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value) : Double.toString(value);
    }
}
