package dev.snapdeck.server.http;

import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.snapdeck.server.store.Store;
import dev.snapdeck.server.store.Times;

/** Renders store rows as ZenML's response objects (§1.3 envelope, keys in ZenML's order). */
public final class Views {

    /** The one stack, its components, and the server's fixed objects. */
    public static final String STACK_ID = java.util.UUID.nameUUIDFromBytes("snapdeck:stack:default".getBytes())
            .toString();
    public static final String ORCHESTRATOR_ID = java.util.UUID.nameUUIDFromBytes(
            "snapdeck:component:orchestrator".getBytes()).toString();
    public static final String ARTIFACT_STORE_ID = java.util.UUID.nameUUIDFromBytes(
            "snapdeck:component:artifact_store".getBytes()).toString();

    private static final Set<String> IN_PROGRESS = Set.of("initializing", "provisioning", "queued", "running",
            "retrying", "paused", "resuming", "stopping", "cancelling");

    private final String defaultProjectId;
    private final String startedAt;

    private final JsonNode stackRef;

    public Views(String defaultProjectId, String startedAt) {
        this.defaultProjectId = defaultProjectId;
        this.startedAt = startedAt;
        this.stackRef = Json.rendered(Json.embedded(stack(false)));
    }

    public static boolean inProgress(String status) {
        return IN_PROGRESS.contains(status);
    }

    public ObjectNode user(Map<String, Object> row, boolean hydrate) {
        ObjectNode body = Json.object();
        body.put("created", Times.wire(row.get("created")));
        body.put("updated", Times.wire(row.get("updated")));
        body.put("active", Json.bool(row, "active"));
        body.putNull("activation_token");
        body.put("full_name", Json.bool(row, "is_service_account") ? "" : "Administrator");
        body.put("email_opted_in", false);
        body.put("is_service_account", Json.bool(row, "is_service_account"));
        body.put("is_admin", Json.bool(row, "is_admin"));
        body.put("default_project_id", defaultProjectId);
        body.putNull("avatar_url");
        ObjectNode metadata = null;
        if (hydrate) {
            metadata = Json.object();
            metadata.putNull("email");
            metadata.putNull("external_user_id");
            metadata.putObject("user_metadata");
        }
        return Json.envelope(body, metadata, Json.object(), row.get("id"), row.get("name"), true);
    }

    /**
     * A user as embedded in another resource. Embedded resources (users, snapshots, pipelines, the
     * stack) repeat on every item of a page, so each is rendered to JSON text once per transaction
     * and written as is.
     */
    public JsonNode userRef(Store.Tx tx, Object userId) throws SQLException {
        if (userId == null) {
            return null;
        }
        return tx.memo("user:" + userId, t -> t.one("SELECT * FROM users WHERE id = ?", userId)
                .map(row -> Json.rendered(Json.embedded(user(row, false)))).orElse(null));
    }

    public ObjectNode project(Map<String, Object> row, boolean hydrate) {
        ObjectNode body = Json.object();
        body.put("created", Times.wire(row.get("created")));
        body.put("updated", Times.wire(row.get("updated")));
        body.put("display_name", (String) row.get("display_name"));
        ObjectNode metadata = null;
        if (hydrate) {
            metadata = Json.object();
            metadata.put("description", (String) row.get("description"));
        }
        return Json.envelope(body, metadata, Json.object(), row.get("id"), row.get("name"), true);
    }

    private static ObjectNode scopedBody(Map<String, Object> row) {
        ObjectNode body = Json.object();
        body.put("created", Times.wire(row.get("created")));
        body.put("updated", Times.wire(row.get("updated")));
        body.put("user_id", (String) row.get("user_id"));
        body.put("project_id", (String) row.get("project_id"));
        return body;
    }

    public ObjectNode pipeline(Store.Tx tx, Map<String, Object> row, boolean hydrate) throws SQLException {
        ObjectNode metadata = null;
        if (hydrate) {
            metadata = Json.object();
            metadata.put("description", (String) row.get("description"));
        }
        ObjectNode resources = Json.object();
        resources.set("user", userRef(tx, row.get("user_id")));
        Map<String, Object> latest = tx.one("SELECT id, status, user_id FROM runs WHERE pipeline_id = ? "
                + "ORDER BY created DESC, id DESC LIMIT 1", row.get("id")).orElse(null);
        resources.set("latest_run_user", latest == null ? null : userRef(tx, latest.get("user_id")));
        resources.put("latest_run_id", latest == null ? null : (String) latest.get("id"));
        resources.put("latest_run_status", latest == null ? null : (String) latest.get("status"));
        resources.putArray("tags");
        resources.putArray("visualizations");
        return Json.envelope(scopedBody(row), metadata, resources, row.get("id"), row.get("name"), true);
    }

    public JsonNode pipelineRef(Store.Tx tx, Object id) throws SQLException {
        return tx.memo("pipeline:" + id, t -> t.one("SELECT * FROM pipelines WHERE id = ?", id)
                .map(row -> Json.rendered(Json.envelope(scopedBody(row), null, null, row.get("id"), row.get("name"),
                        true)))
                .orElse(null));
    }

    private static ObjectNode snapshotBody(Map<String, Object> row) {
        ObjectNode body = scopedBody(row);
        body.put("runnable", true);
        body.put("deployable", false);
        body.put("is_dynamic", false);
        body.put("pipeline_id", (String) row.get("pipeline_id"));
        return body;
    }

    public JsonNode snapshotRef(Store.Tx tx, Object id) throws SQLException {
        if (id == null) {
            return null;
        }
        return tx.memo("snapshot:" + id, t -> t.one("SELECT id, name, created, updated, user_id, project_id, "
                + "pipeline_id FROM snapshots WHERE id = ?", id)
                .map(row -> Json.rendered(Json.envelope(snapshotBody(row), null, null, row.get("id"), row.get("name"),
                        true)))
                .orElse(null));
    }

    /** A snapshot; the template and schema are added by the caller when asked for. */
    public ObjectNode snapshot(Store.Tx tx, Map<String, Object> row, boolean hydrate, ObjectNode configTemplate,
            ObjectNode configSchema) throws SQLException {
        ObjectNode metadata = null;
        JsonNode config = Json.parse(row.get("config"));
        if (hydrate) {
            metadata = Json.object();
            metadata.put("description", (String) row.get("description"));
            metadata.putNull("source_code");
            metadata.put("run_name_template", (String) row.get("run_name_template"));
            ObjectNode pipelineConfiguration = Json.object();
            pipelineConfiguration.set("enable_cache", config.path("enable_cache").isMissingNode() ? null
                    : config.get("enable_cache"));
            pipelineConfiguration.set("tags", Json.parse(row.get("tags")));
            pipelineConfiguration.put("name", tx.one("SELECT name FROM pipelines WHERE id = ?",
                    row.get("pipeline_id")).map(p -> (String) p.get("name")).orElse(null));
            metadata.set("pipeline_configuration", pipelineConfiguration);
            metadata.set("step_configurations", stepConfigurations(row, config));
            metadata.putObject("client_environment");
            metadata.putNull("client_version");
            metadata.put("server_version", (String) row.get("server_version"));
            metadata.put("pipeline_version_hash", (String) row.get("code_id"));
            metadata.set("pipeline_spec", Json.parse(row.get("pipeline_spec")));
            metadata.put("code_path", "snapdeck-archive:" + row.get("code_id"));
            metadata.putNull("template_id");
            metadata.put("source_snapshot_id", (String) row.get("source_snapshot_id"));
            metadata.set("config_template", configTemplate);
            metadata.set("config_schema", configSchema);
        }
        ObjectNode resources = Json.object();
        resources.set("user", userRef(tx, row.get("user_id")));
        resources.set("pipeline", pipelineRef(tx, row.get("pipeline_id")));
        resources.set("stack", stackRef);
        resources.putNull("build");
        resources.putNull("schedule");
        resources.putNull("code_reference");
        resources.putNull("deployment");
        resources.set("tags", tags(Json.parse(row.get("tags")), row));
        Map<String, Object> latest = tx.one("SELECT id, status, user_id FROM runs WHERE snapshot_id = ? "
                + "OR source_snapshot_id = ? ORDER BY created DESC, id DESC LIMIT 1", row.get("id"), row.get("id"))
                .orElse(null);
        resources.put("latest_run_id", latest == null ? null : (String) latest.get("id"));
        resources.put("latest_run_status", latest == null ? null : (String) latest.get("status"));
        resources.set("latest_run_user", latest == null ? null : userRef(tx, latest.get("user_id")));
        resources.putArray("visualizations");
        return Json.envelope(snapshotBody(row), metadata, resources, row.get("id"), row.get("name"), true);
    }

    // TODO: ZenML's StepConfiguration has some forty fields; this sends the ones Snapdeck has
    // (parameters, enable_cache, retry, name, command), which the client reads, and no more.
    private static ObjectNode stepConfigurations(Map<String, Object> row, JsonNode config) {
        ObjectNode result = Json.object();
        JsonNode spec = Json.parse(row.get("pipeline_spec"));
        JsonNode definitions = Json.parse(row.get("step_definitions"));
        for (JsonNode step : spec.path("steps")) {
            String name = step.path("invocation_id").asText();
            ObjectNode entry = result.putObject(name);
            entry.set("spec", step);
            ObjectNode stepConfig = Json.object();
            JsonNode overrides = config.path("steps").path(name);
            stepConfig.set("enable_cache", overrides.path("enable_cache").isMissingNode()
                    ? definitions.path(name).path("enable_cache") : overrides.get("enable_cache"));
            stepConfig.set("parameters", overrides.path("parameters").isMissingNode() ? Json.object()
                    : overrides.get("parameters"));
            stepConfig.set("retry", overrides.path("retry").isMissingNode() ? null : overrides.get("retry"));
            stepConfig.put("name", name);
            stepConfig.set("command", definitions.path(name).path("run"));
            entry.set("config", stepConfig);
            entry.set("step_config_overrides", overrides.isMissingNode() ? Json.object() : overrides);
        }
        return result;
    }

    private ArrayNode tags(JsonNode names, Map<String, Object> row) {
        ArrayNode tags = Json.array();
        for (JsonNode name : names) {
            ObjectNode body = Json.object();
            body.put("created", Times.wire(row.get("created")));
            body.put("updated", Times.wire(row.get("updated")));
            body.put("user_id", (String) row.get("user_id"));
            body.put("color", "grey");
            body.put("exclusive", false);
            tags.add(Json.envelope(body, null, null,
                    java.util.UUID.nameUUIDFromBytes(("snapdeck:tag:" + name.asText()).getBytes()), name.asText(),
                    true));
        }
        return tags;
    }

    public ObjectNode run(Store.Tx tx, Map<String, Object> row, boolean hydrate) throws SQLException {
        ObjectNode body = scopedBody(row);
        String status = (String) row.get("status");
        body.put("status", status);
        body.put("in_progress", inProgress(status));
        body.put("status_reason", (String) row.get("status_reason"));
        body.put("index", ((Number) row.get("run_index")).longValue());
        body.put("pipeline_id", (String) row.get("pipeline_id"));
        body.putNull("child_key");
        body.putNull("root_run_id");
        ObjectNode metadata = null;
        if (hydrate) {
            metadata = Json.object();
            metadata.putObject("run_metadata");
            metadata.set("config", Json.parse(row.get("config")));
            metadata.put("start_time", Times.wire(row.get("start_time")));
            metadata.put("end_time", Times.wire(row.get("end_time")));
            metadata.putObject("client_environment");
            ObjectNode environment = metadata.putObject("orchestrator_environment");
            environment.put("os", System.getProperty("os.name"));
            environment.put("java_version", System.getProperty("java.version"));
            metadata.put("orchestrator_run_id", (String) row.get("id"));
            metadata.putNull("code_path");
            metadata.putNull("template_id");
            metadata.put("is_templatable", true);
            metadata.putNull("trigger_info");
            metadata.put("enable_heartbeat", false);
            metadata.putNull("exception_info");
            metadata.putNull("trigger_execution_info");
        }
        ObjectNode resources = Json.object();
        resources.set("user", userRef(tx, row.get("user_id")));
        resources.set("snapshot", snapshotRef(tx, row.get("snapshot_id")));
        resources.set("source_snapshot", snapshotRef(tx, row.get("source_snapshot_id")));
        resources.set("stack", stackRef);
        resources.set("pipeline", pipelineRef(tx, row.get("pipeline_id")));
        resources.putNull("build");
        resources.putNull("schedule");
        resources.putNull("code_reference");
        resources.putNull("model_version");
        resources.putArray("tags");
        resources.putArray("log_collection").add(logs(row, row.get("logs_id"), row.get("run_dir") + "/run.log",
                "runner"));
        resources.putArray("visualizations");
        resources.putNull("trigger");
        resources.putNull("original_run");
        resources.putNull("parent_run");
        resources.putNull("active_wait_condition");
        // TODO: ZenML's outputs map an output name to artifact versions; Snapdeck has no artifact
        // store yet, so this maps each started step to its outputs folder (clients ignore it).
        ObjectNode outputs = resources.putObject("outputs");
        if (hydrate) {
            for (Map<String, Object> step : tx.query("SELECT name, status FROM step_runs WHERE run_id = ?",
                    row.get("id"))) {
                outputs.put((String) step.get("name"), row.get("run_dir") + "/" + step.get("name") + "/outputs");
            }
        }
        return Json.envelope(body, metadata, resources, row.get("id"), row.get("name"), true);
    }

    private static ObjectNode logs(Map<String, Object> owner, Object id, String uri, String source) {
        ObjectNode body = Json.object();
        body.put("created", Times.wire(owner.get("created")));
        body.put("updated", Times.wire(owner.get("created")));
        body.put("user_id", (String) owner.get("user_id"));
        body.put("project_id", (String) owner.get("project_id"));
        body.put("uri", uri);
        body.put("source", source);
        return Json.envelope(body, null, null, id, null, false);
    }

    /** A step run; {@code run} is its run's row (for user, project and folders). */
    public ObjectNode step(Store.Tx tx, Map<String, Object> row, Map<String, Object> run, boolean hydrate)
            throws SQLException {
        ObjectNode body = Json.object();
        body.put("created", Times.wire(row.get("created")));
        body.put("updated", Times.wire(row.get("updated")));
        body.put("user_id", (String) run.get("user_id"));
        body.put("project_id", (String) run.get("project_id"));
        body.putNull("type");
        body.put("status", (String) row.get("status"));
        body.put("version", ((Number) row.get("version")).intValue());
        body.put("is_retriable", false);
        body.put("start_time", Times.wire(row.get("start_time")));
        body.put("end_time", Times.wire(row.get("end_time")));
        body.putNull("latest_heartbeat");
        body.putNull("model_version_id");
        body.putObject("substitutions");
        body.putNull("heartbeat_threshold");
        ObjectNode metadata = null;
        if (hydrate) {
            metadata = Json.object();
            ObjectNode config = metadata.putObject("config");
            config.put("name", (String) row.get("name"));
            config.set("parameters", Json.parse(row.get("parameters")));
            metadata.putObject("spec");
            metadata.put("cache_key", (String) row.get("cache_key"));
            metadata.putNull("cache_expires_at");
            metadata.putNull("code_hash");
            metadata.putNull("docstring");
            metadata.putNull("source_code");
            metadata.putNull("exception_info");
            metadata.put("snapshot_id", (String) run.get("snapshot_id"));
            metadata.put("pipeline_run_id", (String) run.get("id"));
            metadata.putNull("original_step_run_id");
            metadata.putArray("parent_step_ids");
            ObjectNode runMetadata = metadata.putObject("run_metadata");
            if (row.get("exit_code") != null) {
                runMetadata.put("exit_code", ((Number) row.get("exit_code")).intValue());
            }
        }
        ObjectNode resources = Json.object();
        resources.set("user", userRef(tx, run.get("user_id")));
        ObjectNode owner = Json.MAPPER.convertValue(row, ObjectNode.class);
        owner.put("user_id", (String) run.get("user_id"));
        owner.put("project_id", (String) run.get("project_id"));
        resources.putArray("log_collection").add(logs(Json.MAPPER.convertValue(owner, Map.class),
                row.get("logs_id"), (String) row.get("log_file"), "step"));
        resources.putNull("model_version");
        resources.putObject("inputs");
        resources.putObject("outputs");
        resources.putNull("resource_request");
        return Json.envelope(body, metadata, resources, row.get("id"), row.get("name"), true);
    }

    public ObjectNode stack(boolean hydrate) {
        ObjectNode body = Json.object();
        body.put("created", startedAt);
        body.put("updated", startedAt);
        body.putNull("user_id");
        ObjectNode metadata = null;
        if (hydrate) {
            metadata = Json.object();
            ObjectNode components = metadata.putObject("components");
            components.putArray("orchestrator").add(Json.embedded(component("orchestrator", false)));
            components.putArray("artifact_store").add(Json.embedded(component("artifact_store", false)));
            metadata.put("description", "The Snapdeck local server's stack: steps run as local processes.");
            metadata.putNull("stack_spec_path");
            metadata.putObject("environment");
            metadata.putArray("secrets");
            metadata.putObject("labels");
        }
        ObjectNode resources = Json.object();
        resources.putNull("user");
        return Json.envelope(body, metadata, resources, STACK_ID, "default", true);
    }

    /** {@code orchestrator} (flavor snapdeck) or {@code artifact_store} (flavor local). */
    public ObjectNode component(String type, boolean hydrate) {
        boolean orchestrator = type.equals("orchestrator");
        ObjectNode body = Json.object();
        body.put("created", startedAt);
        body.put("updated", startedAt);
        body.putNull("user_id");
        body.put("type", type);
        body.put("flavor_name", orchestrator ? "snapdeck" : "local");
        body.putNull("integration");
        body.putNull("logo_url");
        ObjectNode metadata = null;
        if (hydrate) {
            metadata = Json.object();
            metadata.putObject("configuration");
            metadata.putObject("environment");
            metadata.putArray("secrets");
            metadata.putObject("labels");
            metadata.putNull("connector");
            metadata.putNull("connector_resource_id");
        }
        ObjectNode resources = Json.object();
        resources.putNull("user");
        resources.putNull("flavor");
        return Json.envelope(body, metadata, resources, orchestrator ? ORCHESTRATOR_ID : ARTIFACT_STORE_ID,
                orchestrator ? "default" : "default", true);
    }
}
