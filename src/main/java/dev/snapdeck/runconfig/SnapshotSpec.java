package dev.snapdeck.runconfig;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

/**
 * What a snapshot allows in a run configuration, read from its {@code config_template} and
 * {@code config_schema} (as the server sends them; see zenml-api.md §10.8): step names, each
 * step's parameters with types, enums, bounds and descriptions, the allowed top-level keys, and
 * whether the snapshot is dynamic (its schema has top-level {@code parameters}).
 *
 * <p>Immutable and thread-safe once built. {@link #of} fails with
 * {@link IllegalArgumentException} when the schema is not a JSON object or cannot be compiled;
 * it does no I/O.
 */
public final class SnapshotSpec {

    private static final int MAX_REF_HOPS = 32;

    private final JsonNode template;
    private final JsonNode schema;
    private final JsonSchema compiled;
    private final List<String> stepNames;
    private final boolean dynamic;

    private SnapshotSpec(JsonNode template, JsonNode schema) {
        this.template = template;
        this.schema = schema;
        this.compiled = compile(schema);
        this.stepNames = readStepNames();
        this.dynamic = schema.path("properties").has("parameters");
    }

    /**
     * Builds the spec. A null or missing template counts as an empty configuration.
     *
     * @throws IllegalArgumentException if {@code configSchema} is not an object or not a JSON
     *         Schema the validator can compile
     */
    public static SnapshotSpec of(JsonNode configTemplate, JsonNode configSchema) {
        if (configSchema == null || !configSchema.isObject()) {
            throw new IllegalArgumentException("config_schema must be a JSON object");
        }
        JsonNode template = configTemplate == null || !configTemplate.isObject()
                ? JsonNodeFactory.instance.objectNode() : configTemplate.deepCopy();
        return new SnapshotSpec(template, configSchema.deepCopy());
    }

    /** The snapshot's configuration as the server gave it (a copy is not made: do not change). */
    public JsonNode configTemplate() {
        return template;
    }

    /** The schema as the server gave it (do not change). */
    public JsonNode configSchema() {
        return schema;
    }

    JsonSchema compiledSchema() {
        return compiled;
    }

    /** The snapshot's step names, in the schema's order (then any only in the template). */
    public List<String> stepNames() {
        return stepNames;
    }

    /** Whether the snapshot is dynamic (accepts top-level {@code parameters}). */
    public boolean dynamic() {
        return dynamic;
    }

    /** The keys allowed at the top level of a run configuration. */
    public List<String> topLevelKeys() {
        return keysAt(List.of()).stream().map(KeyInfo::name).toList();
    }

    /** The parameters of {@code step} by name, in the schema's order; empty for unknown steps. */
    public Map<String, ParameterSpec> parameters(String step) {
        return parametersAt(List.of("steps", step, "parameters"));
    }

    /**
     * The pipeline-level parameters by name, in the schema's order; empty unless the snapshot is
     * {@link #dynamic()}.
     */
    public Map<String, ParameterSpec> pipelineParameters() {
        return dynamic ? parametersAt(List.of("parameters")) : new LinkedHashMap<>();
    }

    /**
     * A top-level setting of the run such as {@code enable_cache} or {@code run_name}, described
     * like a parameter (its types, description and default); empty when the schema has no such
     * key.
     */
    public Optional<ParameterSpec> setting(String key) {
        JsonNode root = objectSchema(schema);
        JsonNode property = root == null ? null : root.path("properties").get(key);
        return property == null ? Optional.empty() : Optional.of(parameter(key, property));
    }

    /**
     * What the schema allows for the value at {@code path} (types, enum, bounds), described like
     * a parameter; empty when the schema says nothing about that place.
     */
    public Optional<ParameterSpec> valueAt(List<String> path) {
        String name = path.isEmpty() ? "" : path.get(path.size() - 1);
        return schemaAt(path).map(schemaHere -> parameter(name, schemaHere));
    }

    private Map<String, ParameterSpec> parametersAt(List<String> path) {
        Map<String, ParameterSpec> out = new LinkedHashMap<>();
        JsonNode parameters = objectSchema(schemaAt(path).orElse(null));
        if (parameters == null) {
            return out;
        }
        parameters.path("properties").fields().forEachRemaining(field ->
                out.put(field.getKey(), parameter(field.getKey(), field.getValue())));
        return out;
    }

    /** The keys the schema names at {@code path} (a mapping), with type and description. */
    public List<KeyInfo> keysAt(List<String> path) {
        JsonNode object = objectSchema(schemaAt(path).orElse(null));
        List<KeyInfo> keys = new ArrayList<>();
        if (object == null) {
            return keys;
        }
        object.path("properties").fields().forEachRemaining(field -> keys.add(new KeyInfo(
                field.getKey(), typeWords(field.getValue()), description(field.getValue()))));
        return keys;
    }

    /**
     * The schema for the value at {@code path} (keys, or list indexes as digits), following
     * {@code $ref}, {@code anyOf} branches and {@code additionalProperties}; empty when the
     * schema says nothing about that place.
     */
    public Optional<JsonNode> schemaAt(List<String> path) {
        JsonNode current = schema;
        for (String segment : path) {
            JsonNode next = child(current, segment);
            if (next == null) {
                return Optional.empty();
            }
            current = next;
        }
        return Optional.of(resolve(current));
    }

    private JsonNode child(JsonNode at, String segment) {
        JsonNode object = objectSchema(at);
        if (object != null) {
            JsonNode property = object.path("properties").get(segment);
            if (property != null) {
                return property;
            }
            JsonNode additional = object.get("additionalProperties");
            return additional != null && additional.isObject() ? additional : null;
        }
        for (JsonNode branch : branches(at)) {
            if (branch.has("items") && segment.chars().allMatch(Character::isDigit)) {
                return branch.get("items");
            }
        }
        return null;
    }

    /** The object-shaped branch of a schema (after $ref and anyOf), or null if none. */
    JsonNode objectSchema(JsonNode at) {
        if (at == null) {
            return null;
        }
        for (JsonNode branch : branches(at)) {
            if (branch.has("properties") || "object".equals(branch.path("type").asText())) {
                return branch;
            }
        }
        return null;
    }

    /** The schema itself and its anyOf/oneOf branches, each with $ref followed. */
    List<JsonNode> branches(JsonNode at) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode resolved = resolve(at);
        out.add(resolved);
        for (String keyword : List.of("anyOf", "oneOf", "allOf")) {
            for (JsonNode branch : resolved.path(keyword)) {
                out.add(resolve(branch));
            }
        }
        return out;
    }

    JsonNode resolve(JsonNode at) {
        JsonNode current = at;
        for (int hops = 0; hops < MAX_REF_HOPS && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            JsonNode target = ref.startsWith("#") ? schema.at(ref.substring(1)) : null;
            if (target == null || target.isMissingNode()) {
                return current;
            }
            current = target;
        }
        return current;
    }

    /** The description of a property's schema, or its title, or empty. */
    String description(JsonNode property) {
        for (JsonNode branch : branches(property)) {
            if (branch.hasNonNull("description")) {
                return branch.get("description").asText();
            }
        }
        return "";
    }

    /** The type of a property in words: {@code boolean}, {@code one of a, b}, {@code Model}. */
    String typeWords(JsonNode property) {
        List<String> words = new ArrayList<>();
        for (JsonNode branch : branches(property)) {
            String word = branch.has("enum") ? "one of " + join(branch.get("enum"))
                    : branch.has("type") && !branch.get("type").isArray()
                            ? branch.get("type").asText()
                            : branch.has("title") && branch != resolve(property)
                                    ? branch.get("title").asText() : null;
            if (word != null && !word.equals("null") && !words.contains(word)) {
                words.add(word);
            }
        }
        return words.isEmpty() ? "any" : String.join(" or ", words);
    }

    private ParameterSpec parameter(String name, JsonNode property) {
        List<String> types = new ArrayList<>();
        List<JsonNode> enums = new ArrayList<>();
        Optional<Double> min = Optional.empty();
        Optional<Double> max = Optional.empty();
        boolean exclusiveMin = false;
        boolean exclusiveMax = false;
        boolean nullable = false;
        for (JsonNode branch : branches(property)) {
            String type = branch.path("type").asText("");
            if (type.equals("null")) {
                nullable = true;
            } else if (!type.isEmpty() && !types.contains(type)) {
                types.add(type);
            }
            branch.path("enum").forEach(enums::add);
            if (branch.has("minimum") || branch.has("exclusiveMinimum")) {
                exclusiveMin = !branch.has("minimum");
                min = Optional.of(branch.path(exclusiveMin ? "exclusiveMinimum" : "minimum")
                        .asDouble());
            }
            if (branch.has("maximum") || branch.has("exclusiveMaximum")) {
                exclusiveMax = !branch.has("maximum");
                max = Optional.of(branch.path(exclusiveMax ? "exclusiveMaximum" : "maximum")
                        .asDouble());
            }
        }
        JsonNode resolved = resolve(property);
        return new ParameterSpec(name, List.copyOf(types), List.copyOf(enums), min, exclusiveMin,
                max, exclusiveMax, description(property),
                Optional.ofNullable(resolved.get("default")), nullable);
    }

    private List<String> readStepNames() {
        List<String> names = new ArrayList<>();
        JsonNode steps = objectSchema(schema.path("properties").get("steps"));
        if (steps != null) {
            steps.path("properties").fieldNames().forEachRemaining(names::add);
        }
        Iterator<String> inTemplate = template.path("steps").fieldNames();
        inTemplate.forEachRemaining(name -> {
            if (!names.contains(name)) {
                names.add(name);
            }
        });
        return List.copyOf(names);
    }

    private static String join(JsonNode values) {
        List<String> words = new ArrayList<>();
        values.forEach(value -> words.add(value.asText()));
        return String.join(", ", words);
    }

    private static JsonSchema compile(JsonNode schema) {
        try {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("config_schema cannot be used: " + e.getMessage(),
                    e);
        }
    }
}
