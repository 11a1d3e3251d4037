package dev.snapdeck.api;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fields of {@code POST /pipeline_snapshots} that Snapdeck fills; the project is added by the
 * client. {@code name} null makes an anonymous snapshot. Configurations are passed as trees
 * because they are produced by whoever compiled the pipeline.
 */
public record NewSnapshot(UUID pipeline, UUID stack, UUID build, String name,
        String description, String runNameTemplate, JsonNode pipelineConfiguration,
        JsonNode stepConfigurations, JsonNode pipelineSpec, List<String> tags,
        boolean replace) {

    ObjectNode toJson(UUID project) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("project", project.toString());
        body.put("pipeline", pipeline.toString());
        body.put("stack", stack.toString());
        if (build != null) {
            body.put("build", build.toString());
        }
        if (name != null) {
            body.put("name", name);
        }
        if (description != null) {
            body.put("description", description);
        }
        body.put("run_name_template", runNameTemplate);
        body.set("pipeline_configuration", pipelineConfiguration);
        if (stepConfigurations != null) {
            body.set("step_configurations", stepConfigurations);
        }
        if (pipelineSpec != null) {
            body.set("pipeline_spec", pipelineSpec);
        }
        if (tags != null && !tags.isEmpty()) {
            tags.forEach(body.putArray("tags")::add);
        }
        if (replace) {
            body.put("replace", true);
        }
        return body;
    }
}
