package dev.snapdeck.runconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The checks a JSON Schema cannot make, because ZenML's generated schema allows extra keys and
 * the server silently ignores them (zenml-api.md §10.8, §10.10): unknown keys anywhere, unknown
 * steps and parameters, and fields a run from a snapshot may not change.
 */
final class SnapshotRules {

    private static final Set<String> COMPONENT_TYPES = Set.of("alerter", "annotator",
            "artifact_store", "container_registry", "data_validator", "experiment_tracker",
            "feature_store", "image_builder", "log_store", "model_deployer", "orchestrator",
            "step_operator", "model_registry", "deployer", "sandbox");

    private final SnapshotSpec spec;
    private final List<Diagnostic> out;

    private SnapshotRules(SnapshotSpec spec, List<Diagnostic> out) {
        this.spec = spec;
        this.out = out;
    }

    static void check(YamlNode root, SnapshotSpec spec, List<Diagnostic> out) {
        if (root != null) {
            new SnapshotRules(spec, out).walk(root, spec.configSchema(), List.of(), null);
        }
    }

    private void walk(YamlNode node, JsonNode schema, List<String> path, Span aliasSpan) {
        if (node instanceof YamlNode.Alias alias) {
            walk(alias.target(), schema, path, aliasSpan != null ? aliasSpan : alias.span());
        } else if (node instanceof YamlNode.Mapping mapping) {
            JsonNode object = spec.objectSchema(schema);
            if (object != null) {
                mapping.entries().forEach(entry -> entry(entry, object, path, aliasSpan));
            }
        } else if (node instanceof YamlNode.Sequence sequence) {
            JsonNode items = itemsSchema(schema);
            for (int i = 0; items != null && i < sequence.items().size(); i++) {
                walk(sequence.items().get(i), items, append(path, Integer.toString(i)), aliasSpan);
            }
        }
    }

    private void entry(YamlNode.Entry entry, JsonNode object, List<String> path, Span aliasSpan) {
        String name = entry.name();
        List<String> childPath = append(path, name);
        JsonNode properties = object.path("properties");
        JsonNode additional = object.get("additionalProperties");
        if (properties.has(name)) {
            walk(entry.value(), properties.get(name), childPath, aliasSpan);
            return;
        }
        if (additional != null && additional.isObject()) {
            walk(entry.value(), additional, childPath, aliasSpan);
            return;
        }
        if (properties.size() == 0 && !isForbiddenPlace(path, name)) {
            return; // a free-form mapping such as `extra`
        }
        Span keySpan = aliasSpan != null ? aliasSpan : entry.key().span();
        List<String> known = new ArrayList<>();
        properties.fieldNames().forEachRemaining(known::add);
        boolean open = additional != null && additional.asBoolean(false);
        report(keySpan, path, name, known, open);
    }

    private void report(Span keySpan, List<String> path, String name, List<String> known,
            boolean open) {
        String where = String.join(".", path);
        String dotted = PositionedYamlReader.join(where, name);
        Optional<String> forbidden = forbidden(path, name);
        if (forbidden.isPresent()) {
            out.add(Diagnostic.at(Severity.ERROR, keySpan, dotted, forbidden.get()));
            return;
        }
        if (path.size() == 2 && path.get(0).equals("steps")
                && (name.equals("name") || name.equals("outputs"))) {
            out.add(Diagnostic.at(Severity.WARNING, keySpan, dotted, "`" + name + "` is not part "
                    + "of a run configuration from a snapshot; the server ignores it."));
            return;
        }
        Optional<String> suggestion = Suggestions.closest(name, known);
        QuickFix fix = suggestion.map(s -> QuickFix.replacing("Change to `" + s + "`", keySpan,
                s)).orElse(null);
        String hint = suggestion.map(s -> " Did you mean `" + s + "`?").orElse("");
        Severity severity = open ? Severity.WARNING : Severity.ERROR;
        String message;
        if (path.isEmpty()) {
            message = "`" + name + "` is not a run-configuration setting; the server would "
                    + "ignore it without a word." + hint;
        } else if (path.equals(List.of("steps"))) {
            message = "This snapshot has no step `" + name + "`; its steps are "
                    + String.join(", ", spec.stepNames()) + "." + hint;
        } else if (path.size() == 3 && path.get(0).equals("steps")
                && path.get(2).equals("parameters")) {
            message = "Step `" + path.get(1) + "` has no parameter `" + name + "` (the server "
                    + "refuses unknown parameters); its parameters are "
                    + String.join(", ", known) + "." + hint;
        } else if (!path.isEmpty() && path.get(path.size() - 1).equals("settings")) {
            settingsKey(keySpan, dotted, name, known, hint, fix);
            return;
        } else if (open) {
            message = "`" + name + "` is not among the keys the schema lists for `" + where
                    + "`; it is accepted, but check it is not a typo." + hint;
        } else {
            message = "`" + name + "` is not a key of `" + where + "`; the server would ignore "
                    + "it." + hint + " Known keys: " + String.join(", ", known) + ".";
        }
        out.add(Diagnostic.at(severity, keySpan, dotted, message, fix));
    }

    private void settingsKey(Span keySpan, String dotted, String name, List<String> known,
            String hint, QuickFix fix) {
        String type = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (COMPONENT_TYPES.contains(type) && !name.endsWith(".")) {
            out.add(Diagnostic.at(Severity.WARNING, keySpan, dotted, "This snapshot's stack has "
                    + "no `" + name + "` settings; the server ignores them." + hint
                    + " Settings this stack uses: " + String.join(", ", known) + ".", fix));
            return;
        }
        out.add(Diagnostic.at(Severity.ERROR, keySpan, dotted, "`" + name + "` is not a settings "
                + "key: use resources, deployment, or <component type>.<flavor> such as "
                + "orchestrator.kubernetes." + hint, fix));
    }

    private Optional<String> forbidden(List<String> path, String name) {
        if (path.isEmpty() && (name.equals("schedule") || name.equals("build"))) {
            return Optional.of("A run from a snapshot may not change `" + name + "`: the server "
                    + "refuses it (400). It is fixed when the snapshot is created; remove it.");
        }
        if (path.isEmpty() && name.equals("parameters") && !spec.dynamic()) {
            return Optional.of("This snapshot is static, so pipeline `parameters` cannot be set "
                    + "when running it (the server refuses it, 400). Set step parameters under "
                    + "`steps.<step>.parameters` instead.");
        }
        if (name.equals("docker") && !path.isEmpty()
                && path.get(path.size() - 1).equals("settings")) {
            return Optional.of("Docker settings cannot change in a run from a snapshot: its "
                    + "images are already built, and the server refuses this (400). Remove "
                    + "`docker`.");
        }
        if (path.size() == 2 && path.get(0).equals("steps") && name.equals("runtime")) {
            return Optional.of("`runtime` only applies to dynamic pipelines; this snapshot is "
                    + "static. Remove it.");
        }
        return Optional.empty();
    }

    private boolean isForbiddenPlace(List<String> path, String name) {
        return forbidden(path, name).isPresent();
    }

    private JsonNode itemsSchema(JsonNode schema) {
        if (schema == null) {
            return null;
        }
        for (JsonNode branch : spec.branches(schema)) {
            if (branch.has("items")) {
                return branch.get("items");
            }
        }
        return null;
    }

    private static List<String> append(List<String> path, String name) {
        List<String> out = new ArrayList<>(path.size() + 1);
        out.addAll(path);
        out.add(name);
        return out;
    }
}
