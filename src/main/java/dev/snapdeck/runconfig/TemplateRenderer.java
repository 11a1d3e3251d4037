package dev.snapdeck.runconfig;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders a snapshot's {@code config_template} as readable YAML: the schema's descriptions as
 * comments, each step parameter's type and bounds, and every parameter the schema gives a
 * default for filled in. The text checks clean against the same snapshot: text that a YAML
 * reader would take for something else is quoted.
 */
public final class TemplateRenderer {

    private TemplateRenderer() {
    }

    /** The template as YAML text; pure and thread-safe. */
    public static String render(SnapshotSpec spec) {
        ObjectNode filled = withDefaults(spec);
        String header = "# Run configuration for this snapshot. Change what you need; what you "
                + "leave as it is keeps the snapshot's value.\n";
        return header + YamlWriter.write(filled, path -> comment(spec, path));
    }

    /** The template with each step's missing parameters set to their schema defaults. */
    public static ObjectNode withDefaults(SnapshotSpec spec) {
        ObjectNode filled = ((ObjectNode) spec.configTemplate()).deepCopy();
        for (String step : spec.stepNames()) {
            Map<String, ParameterSpec> parameters = spec.parameters(step);
            if (parameters.isEmpty()) {
                continue;
            }
            ObjectNode target = filled.withObjectProperty("steps").withObjectProperty(step)
                    .withObjectProperty("parameters");
            parameters.values().forEach(parameter -> parameter.defaultValue()
                    .filter(value -> !target.has(parameter.name()))
                    .ifPresent(value -> target.set(parameter.name(), value.deepCopy())));
        }
        return filled;
    }

    private static String comment(SnapshotSpec spec, List<String> path) {
        JsonNode schema = spec.configSchema();
        String description = spec.schemaAt(path).map(spec::description).orElse("");
        if (path.size() == 4 && path.get(0).equals("steps") && path.get(2).equals("parameters")) {
            ParameterSpec parameter = spec.parameters(path.get(1)).get(path.get(3));
            if (parameter != null) {
                String words = parameter.description().isEmpty() ? ""
                        : parameter.description() + " ";
                return words + "(" + parameter.summary() + ")";
            }
        }
        return schema == null ? "" : description;
    }
}
