package dev.snapdeck.server.snapshots;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.snapdeck.server.http.Json;
import dev.snapdeck.server.pipeline.ParameterDefinition;
import dev.snapdeck.server.pipeline.PipelineDefinition;
import dev.snapdeck.server.pipeline.StepDefinition;

/**
 * Builds what a snapshot freezes from a pipeline definition: the DAG as ZenML's
 * {@code pipeline_spec}, the step definitions the orchestrator needs, the {@code config_template}
 * and, from a stored spec, the {@code config_schema} with the structure ZenML's server generates
 * (§10.8): root {@code Result}, shared {@code $defs}, a {@code Steps} model with one property per
 * step, each step's parameters typed from the declared types.
 */
public final class SnapshotFactory {

    private static final ObjectNode BASE = loadBase();

    private SnapshotFactory() {
    }

    private static ObjectNode loadBase() {
        try (InputStream in = SnapshotFactory.class.getResourceAsStream("/dev/snapdeck/server/config-schema-base.json")) {
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("config-schema-base.json is missing from the class path", e);
        }
    }

    public static ObjectNode pipelineSpec(PipelineDefinition pipeline) {
        ObjectNode spec = Json.object();
        spec.put("version", "0.5");
        ObjectNode source = spec.putObject("source");
        source.put("module", "pipeline.yaml");
        source.put("attribute", pipeline.name());
        source.put("type", "user");
        spec.putObject("parameters");
        spec.putNull("input_schema");
        for (StepDefinition step : pipeline.steps()) {
            ObjectNode node = spec.withArray("steps").addObject();
            ObjectNode stepSource = node.putObject("source");
            stepSource.put("module", String.join(" ", step.run()));
            stepSource.put("attribute", step.name());
            stepSource.put("type", "user");
            node.set("upstream_steps", Json.MAPPER.valueToTree(step.after()));
            node.putObject("inputs");
            node.put("invocation_id", step.name());
            node.put("enable_heartbeat", false);
            node.set("parameter_spec", parameterSpec(step));
        }
        spec.putArray("outputs");
        spec.putNull("output_schema");
        return spec;
    }

    private static ObjectNode parameterSpec(StepDefinition step) {
        ObjectNode spec = Json.object();
        ObjectNode properties = spec.putObject("properties");
        for (ParameterDefinition parameter : step.parameters()) {
            properties.set(parameter.name(), parameter.toJsonSchema());
            if (parameter.defaultValue() == null) {
                spec.withArray("required").add(parameter.name());
            }
        }
        spec.put("title", step.name());
        spec.put("type", "object");
        return spec;
    }

    /** What the orchestrator needs per step, keyed by step name. */
    public static ObjectNode stepDefinitions(PipelineDefinition pipeline) {
        ObjectNode result = Json.object();
        for (StepDefinition step : pipeline.steps()) {
            ObjectNode node = result.putObject(step.name());
            node.set("run", Json.MAPPER.valueToTree(step.run()));
            node.set("after", Json.MAPPER.valueToTree(step.after()));
            if (step.timeout() == null) {
                node.putNull("timeout");
            } else {
                node.put("timeout", step.timeout().toSeconds());
            }
            node.put("enable_cache", step.enableCache());
            ObjectNode retry = node.putObject("retry");
            retry.put("max_retries", step.retry().maxRetries());
            retry.put("delay", step.retry().delay().toSeconds());
            retry.put("backoff", step.retry().backoff());
        }
        return result;
    }

    /** The configuration the snapshot runs with when nothing is overridden. */
    public static ObjectNode configTemplate(PipelineDefinition pipeline) {
        ObjectNode template = Json.object();
        if (pipeline.runNameTemplate() != null) {
            template.put("run_name", pipeline.runNameTemplate());
        } else {
            template.put("run_name", pipeline.name() + "-{date}-{time}");
        }
        ObjectNode steps = template.putObject("steps");
        for (StepDefinition step : pipeline.steps()) {
            ObjectNode node = steps.putObject(step.name());
            node.set("parameters", step.defaultParameters());
            if (step.retry().maxRetries() > 0) {
                ObjectNode retry = node.putObject("retry");
                retry.put("max_retries", step.retry().maxRetries());
                retry.put("delay", step.retry().delay().toSeconds());
                retry.put("backoff", step.retry().backoff());
            }
            if (!step.enableCache()) {
                node.put("enable_cache", false);
            }
        }
        return template;
    }

    /** The JSON Schema of a complete run configuration of a snapshot with this spec. */
    public static ObjectNode configSchema(JsonNode pipelineSpec) {
        ObjectNode schema = ((ObjectNode) BASE.get("root")).deepCopy();
        ObjectNode defs = (ObjectNode) schema.get("$defs");
        ObjectNode settings = Json.object();
        ObjectNode resources = settings.putObject("properties").putObject("resources");
        resources.putArray("anyOf").add(Json.object().put("$ref", "#/$defs/ResourceSettings"))
                .add(Json.object().put("type", "null"));
        resources.putNull("default");
        settings.put("title", "Settings");
        settings.put("type", "object");
        defs.set("Settings", settings);
        ObjectNode stepsModel = Json.object();
        ObjectNode stepsProperties = stepsModel.putObject("properties");
        boolean anyParameters = false;
        for (JsonNode step : pipelineSpec.path("steps")) {
            String name = step.path("invocation_id").asText();
            String defName = defs.has(name) ? "step__" + name : name;
            stepsProperties.putObject(name).put("$ref", "#/$defs/" + defName);
            ObjectNode stepModel = Json.object();
            ObjectNode properties = stepModel.putObject("properties");
            JsonNode parameterSpec = step.path("parameter_spec");
            boolean hasParameters = parameterSpec.path("properties").size() > 0;
            properties.set("parameters", parameterSpec.deepCopy());
            properties.setAll((ObjectNode) BASE.get("step_fields").deepCopy());
            if (hasParameters) {
                stepModel.putArray("required").add("parameters");
                stepsModel.withArray("required").add(name);
                anyParameters = true;
            }
            stepModel.put("title", name.startsWith("_") ? name.substring(1) : name);
            stepModel.put("type", "object");
            defs.set(defName, stepModel);
        }
        stepsModel.put("title", "Steps");
        stepsModel.put("type", "object");
        defs.set("Steps", stepsModel);
        sortKeys(defs);
        if (anyParameters) {
            ObjectNode ordered = Json.object();
            ordered.set("$defs", schema.get("$defs"));
            ordered.set("properties", schema.get("properties"));
            ordered.putArray("required").add("steps");
            ordered.set("title", schema.get("title"));
            ordered.set("type", schema.get("type"));
            return ordered;
        }
        return schema;
    }

    private static void sortKeys(ObjectNode node) {
        java.util.TreeMap<String, JsonNode> sorted = new java.util.TreeMap<>();
        node.fields().forEachRemaining(entry -> sorted.put(entry.getKey(), entry.getValue()));
        node.removeAll();
        sorted.forEach(node::set);
    }
}
