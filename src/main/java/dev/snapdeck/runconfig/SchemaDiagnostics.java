package dev.snapdeck.runconfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;

/**
 * Validates the effective configuration against the snapshot's {@code config_schema} and turns
 * the validator's output into one diagnostic per real problem, placed on the offending value (or
 * key, for a missing one) where the user wrote it.
 */
final class SchemaDiagnostics {

    private static final Set<String> BRANCHING = Set.of("anyOf", "oneOf", "allOf");

    /**
     * A validator message reduced to what matters; {@code schema} is the keyword's value in the
     * schema (the type name, the enum list, the bound).
     */
    private record Problem(List<String> path, String keyword, JsonNode schema, JsonNode value,
            String fallback) {

        Problem withType(JsonNode otherType) {
            var types = JsonNodeFactory.instance.arrayNode();
            (schema.isArray() ? schema : types.arrayNode().add(schema)).forEach(types::add);
            (otherType.isArray() ? otherType : types.arrayNode().add(otherType))
                    .forEach(t -> {
                        if (!types.toString().contains(t.toString())) {
                            types.add(t);
                        }
                    });
            return new Problem(path, keyword, types, value, fallback);
        }
    }

    private SchemaDiagnostics() {
    }

    static void check(JsonNode effective, YamlNode root, SnapshotSpec spec, List<Diagnostic> out) {
        Set<ValidationMessage> messages = spec.compiledSchema().validate(effective);
        List<Problem> problems = new ArrayList<>();
        for (ValidationMessage message : messages) {
            toProblem(message).ifPresent(problems::add);
        }
        for (Problem problem : reduce(problems)) {
            if (!hidden(problem.keyword())) {
                out.add(diagnostic(problem, root));
            }
        }
    }

    /** Unknown keys are reported by {@link SnapshotRules}, with suggestions; not twice. */
    private static boolean hidden(String keyword) {
        return keyword.equals("additionalProperties") || keyword.equals("unevaluatedProperties");
    }

    private static Optional<Problem> toProblem(ValidationMessage message) {
        String keyword = message.getType();
        List<String> path = segments(message.getInstanceLocation());
        if (message.getProperty() != null && (keyword.equals("required") || hidden(keyword))) {
            path.add(message.getProperty());
        }
        return Optional.of(new Problem(path, keyword, message.getSchemaNode(),
                message.getInstanceNode(), message.getMessage()));
    }

    /** Drops branch summaries and "or null" noise; merges type errors at one place into one. */
    private static List<Problem> reduce(List<Problem> problems) {
        Map<List<String>, Problem> byPath = new LinkedHashMap<>();
        for (Problem problem : problems) {
            if (isNoise(problem, problems)) {
                continue;
            }
            Problem earlier = byPath.get(problem.path());
            if (earlier == null) {
                byPath.put(problem.path(), problem);
            } else if (earlier.keyword().equals("type") && problem.keyword().equals("type")) {
                byPath.put(problem.path(), earlier.withType(problem.schema()));
            } else if (earlier.keyword().equals("type")) {
                byPath.put(problem.path(), problem);
            }
        }
        return new ArrayList<>(byPath.values());
    }

    private static boolean isNoise(Problem problem, List<Problem> all) {
        boolean branching = BRANCHING.contains(problem.keyword());
        boolean type = problem.keyword().equals("type");
        if (!branching && !type) {
            return false;
        }
        for (Problem other : all) {
            if (other == problem || BRANCHING.contains(other.keyword()) || isNullType(other)) {
                continue;
            }
            boolean deeper = other.path().size() > problem.path().size();
            boolean here = startsWith(other.path(), problem.path());
            if (here && (deeper || branching || isNullType(problem))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNullType(Problem problem) {
        return problem.keyword().equals("type") && problem.schema() != null
                && "null".equals(problem.schema().asText());
    }

    private static Diagnostic diagnostic(Problem problem, YamlNode root) {
        Locator.Found found = Locator.find(root, problem.path());
        boolean missing = problem.keyword().equals("required");
        List<String> parent = problem.path().subList(0, Math.max(0, problem.path().size() - 1));
        Locator.Found place = missing ? Locator.find(root, parent) : found;
        Span span = missing || !place.complete() ? place.keySpan() : place.valueSpan();
        String message = message(problem);
        if (!place.complete()) {
            message += " This value comes from the snapshot's configuration, not from this file.";
        }
        return Diagnostic.at(Severity.ERROR, span, String.join(".", problem.path()), message,
                enumFix(problem, span, place.complete()));
    }

    private static String message(Problem problem) {
        String name = name(problem.path());
        JsonNode schema = problem.schema() == null ? MissingNode.getInstance() : problem.schema();
        String actual = ScalarRule.describe(problem.value());
        switch (problem.keyword()) {
            case "type":
                // An empty value (`k:`) is null, which a step receives as it is; leaving the key
                // out is what keeps the snapshot's value.
                return name + " must be " + typeWords(schema) + ", but it is "
                        + (problem.value() != null && problem.value().isNull()
                                ? "empty (null). To keep the snapshot's value, leave the key out."
                                : actual + ".");
            case "enum":
                return name + " must be one of " + joined(schema) + "; it is "
                        + actual + ".";
            case "const":
                return name + " must be " + schema + "; it is " + actual + ".";
            case "minimum":
                return name + " must be at least " + schema.asText() + "; it is "
                        + actual + ".";
            case "maximum":
                return name + " must be at most " + schema.asText() + "; it is "
                        + actual + ".";
            case "exclusiveMinimum":
                return name + " must be more than " + schema.asText()
                        + "; it is " + actual + ".";
            case "exclusiveMaximum":
                return name + " must be less than " + schema.asText()
                        + "; it is " + actual + ".";
            case "pattern":
                return name + " must match " + schema.asText() + "; it is "
                        + actual + ".";
            case "required":
                return name + " is required here but missing.";
            default:
                return name + ": " + withoutLocation(problem.fallback()) + ".";
        }
    }

    /** The validator's words without its leading {@code $.a.b: } location. */
    private static String withoutLocation(String message) {
        int colon = message.indexOf(": ");
        return message.startsWith("$") && colon > 0 ? message.substring(colon + 2) : message;
    }

    private static QuickFix enumFix(Problem problem, Span span, boolean written) {
        if (!written || !problem.keyword().equals("enum") || problem.schema() == null
                || problem.value() == null || !problem.value().isValueNode()) {
            return null;
        }
        List<String> choices = new ArrayList<>();
        problem.schema().forEach(value -> choices.add(value.asText()));
        return Suggestions.closest(problem.value().asText(), choices)
                .map(choice -> QuickFix.replacing("Change to `" + choice + "`", span, choice))
                .orElse(null);
    }

    private static String name(List<String> path) {
        if (path.isEmpty()) {
            return "The configuration";
        }
        String last = path.get(path.size() - 1);
        if (path.size() > 1 && !last.isEmpty() && last.chars().allMatch(Character::isDigit)) {
            return "Item " + (Integer.parseInt(last) + 1) + " of `" + path.get(path.size() - 2)
                    + "`";
        }
        return "`" + last + "`";
    }

    static String typeWords(JsonNode type) {
        if (type.isArray()) {
            List<String> words = new ArrayList<>();
            type.forEach(t -> words.add(typeWords(t)));
            return String.join(" or ", words);
        }
        switch (type.asText()) {
            case "integer": return "a whole number";
            case "number": return "a number";
            case "string": return "text";
            case "boolean": return "true or false";
            case "object": return "a mapping (key: value)";
            case "array": return "a list";
            case "null": return "null";
            default: return type.asText("a value");
        }
    }

    private static String joined(JsonNode values) {
        List<String> words = new ArrayList<>();
        values.forEach(value -> words.add(value.asText()));
        return String.join(", ", words);
    }

    private static boolean startsWith(List<String> path, List<String> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    private static List<String> segments(JsonNodePath location) {
        List<String> out = new ArrayList<>();
        for (int i = 0; location != null && i < location.getNameCount(); i++) {
            out.add(String.valueOf(location.getElement(i)));
        }
        return out;
    }
}
