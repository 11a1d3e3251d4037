package dev.snapdeck.runconfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Makes the advice on values that YAML readers read differently fit the place they are written.
 * The reader's warning (see {@link ScalarRule#ambiguity}) only knows the text, so it offers to
 * quote it; the schema knows what the place takes:
 * <ul>
 *   <li>where the value as sent fits and text would not ({@code shuffle: yes} for a boolean), the
 *       advice is the spelling every reader agrees on ({@code true}), and a warning about a value
 *       both readers agree on ({@code 1.10} for a number) is dropped;</li>
 *   <li>where only the YAML 1.2 reading fits, as a number ({@code 1e3} is text to YAML 1.1), the
 *       error offers that number written so YAML 1.1 reads it too ({@code 1000.0});</li>
 *   <li>where no reading fits ({@code yes} for an integer), the warning goes: the type error
 *       says what the place takes, and quoting would not make it fit.</li>
 * </ul>
 */
final class AmbiguityAdvice {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AmbiguityAdvice() {
    }

    static void apply(YamlNode root, SnapshotSpec spec, List<Diagnostic> diagnostics) {
        if (root == null) {
            return;
        }
        Map<String, Integer> places = new HashMap<>();
        for (int i = diagnostics.size() - 1; i >= 0; i--) {
            places.put(place(diagnostics.get(i).severity(), span(diagnostics.get(i))), i);
        }
        walk(root, new ArrayList<>(), spec, new Found(diagnostics, places));
        // Dropped warnings were left as null so that the places stayed right until here.
        diagnostics.removeIf(Objects::isNull);
    }

    /** The diagnostics, and where the first of each severity sits at each span. */
    private record Found(List<Diagnostic> diagnostics, Map<String, Integer> places) {

        int find(Severity severity, Span span) {
            Integer at = places.get(place(severity, span));
            return at == null || diagnostics.get(at) == null ? -1 : at;
        }
    }

    private static String place(Severity severity, Span span) {
        return severity + ":" + span.startLine() + ":" + span.startColumn() + ":" + span.endLine() + ":"
                + span.endColumn();
    }

    private static void walk(YamlNode node, List<String> path, SnapshotSpec spec, Found diagnostics) {
        if (node instanceof YamlNode.Mapping mapping) {
            for (YamlNode.Entry entry : mapping.entries()) {
                path.add(entry.name());
                walk(entry.value(), path, spec, diagnostics);
                path.remove(path.size() - 1);
            }
        } else if (node instanceof YamlNode.Sequence sequence) {
            for (int i = 0; i < sequence.items().size(); i++) {
                path.add(Integer.toString(i));
                walk(sequence.items().get(i), path, spec, diagnostics);
                path.remove(path.size() - 1);
            }
        } else if (node instanceof YamlNode.Scalar scalar && scalar.plain()
                && ScalarRule.ambiguity(scalar.text()).isPresent()) {
            spec.valueAt(path).filter(place -> !place.types().isEmpty())
                    .ifPresent(place -> advise(scalar, place, diagnostics));
        }
    }

    private static void advise(YamlNode.Scalar scalar, ParameterSpec place, Found found) {
        List<Diagnostic> diagnostics = found.diagnostics();
        int warning = found.find(Severity.WARNING, scalar.span());
        if (warning < 0) {
            return;
        }
        JsonNode sent = scalar.value();
        JsonNode other = ScalarRule.resolveYaml12(scalar.text());
        boolean textFits = fits(place, JSON.textNode(scalar.text()));
        if (fits(place, sent) && !textFits) {
            if (sent.equals(other)) {
                diagnostics.set(warning, null);
                return;
            }
            String spelling = spelling(sent).orElse(null);
            if (spelling != null) {
                Diagnostic old = diagnostics.get(warning);
                diagnostics.set(warning, replaced(old, "`" + scalar.text() + "` is sent as "
                        + ScalarRule.describe(sent) + ", which `" + place.name() + "` takes; a YAML 1.2 reader would "
                        + "read " + ScalarRule.describe(other) + ". Write " + spelling
                        + " so every YAML reader agrees.", QuickFix.replacing("Write " + spelling, span(old), spelling)));
            }
            return;
        }
        if (!fits(place, sent) && !textFits && !(fits(place, other) && other.isNumber())) {
            // Neither reading fits (`yes` for an integer): the type error says what the place
            // takes, and the reader's advice to quote it as text would only mislead.
            diagnostics.set(warning, null);
            return;
        }
        if (!fits(place, sent) && fits(place, other) && other.isNumber()) {
            Optional<String> spelling = spelling(other);
            int error = found.find(Severity.ERROR, scalar.span());
            if (spelling.isPresent() && error >= 0) {
                Diagnostic old = diagnostics.get(error);
                QuickFix fix = QuickFix.replacing("Write " + spelling.get(), span(old), spelling.get());
                diagnostics.set(error, replaced(old, old.message() + " To send the number, write " + spelling.get()
                        + ".", fix));
                Diagnostic oldWarning = diagnostics.get(warning);
                diagnostics.set(warning, replaced(oldWarning, oldWarning.message(), fix));
            }
        }
    }

    /** Whether {@code value} has a type the place allows (and is one of its values, if listed). */
    private static boolean fits(ParameterSpec place, JsonNode value) {
        if (value.isNull()) {
            return place.nullable() || place.types().contains("null");
        }
        boolean typeFits = place.types().stream().anyMatch(type -> switch (type) {
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            default -> false;
        });
        return typeFits && (place.enumValues().isEmpty() || place.enumValues().stream()
                .anyMatch(allowed -> allowed.equals(value)
                        || allowed.isNumber() && value.isNumber() && allowed.decimalValue().compareTo(value.decimalValue()) == 0));
    }

    /** How to write {@code value} so YAML 1.1 and 1.2 read the same thing. */
    private static Optional<String> spelling(JsonNode value) {
        if (value.isBoolean() || value.isNull() || value.isIntegralNumber()) {
            return Optional.of(value.isNull() ? "null" : value.asText());
        }
        if (value.isNumber() && Double.isFinite(value.doubleValue())) {
            String text = Double.toString(value.doubleValue());
            // YAML 1.1 reads a float only with a dot and a signed exponent: 1.0E10 → 1.0e+10.
            return Optional.of(text.contains("E") && !text.contains("E-") ? text.replace("E", "e+")
                    : text.replace("E", "e"));
        }
        return Optional.empty();
    }

    private static Span span(Diagnostic d) {
        return new Span(d.startLine(), d.startColumn(), d.endLine(), d.endColumn());
    }

    private static Diagnostic replaced(Diagnostic old, String message, QuickFix fix) {
        return new Diagnostic(old.severity(), old.startLine(), old.startColumn(), old.endLine(), old.endColumn(),
                old.path(), message, Optional.of(fix));
    }
}
