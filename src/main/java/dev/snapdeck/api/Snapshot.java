package dev.snapdeck.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A pipeline snapshot. {@code name} is null for anonymous snapshots. Metadata fields
 * ({@code description}, {@code runNameTemplate}, versions, {@code stepNames},
 * {@code pipelineConfiguration}) are null or empty unless hydrated; {@code configTemplate} and
 * {@code configSchema} only with {@link ZenmlClient#snapshot}, which asks for them.
 */
public record Snapshot(UUID id, String name, Instant created, Instant updated, boolean runnable,
        boolean deployable, boolean dynamic, UUID pipelineId, Ref pipeline, Ref stack, Ref build,
        Ref user, List<String> tags, UUID latestRunId, ExecutionStatus latestRunStatus,
        String description, String runNameTemplate, String serverVersion, String clientVersion,
        UUID sourceSnapshotId, List<String> stepNames, JsonNode pipelineConfiguration,
        JsonNode configTemplate, JsonNode configSchema) {

    /** True when the snapshot was made on another server version than {@code serverVersion}. */
    public boolean madeOnOtherVersion(String currentServerVersion) {
        return serverVersion != null && currentServerVersion != null
                && !serverVersion.equals(currentServerVersion);
    }

    static Snapshot from(JsonNode n) {
        JsonNode body = Json.at(n, "body");
        JsonNode meta = Json.at(n, "metadata");
        JsonNode res = Json.at(n, "resources");
        Ref pipeline = Ref.from(res.path("pipeline"));
        UUID pipelineId = Json.uuid(body, "pipeline_id");
        return new Snapshot(Json.uuid(n, "id"), Json.text(n, "name"),
                Json.instant(body, "created"), Json.instant(body, "updated"),
                Json.bool(body, "runnable"), Json.bool(body, "deployable"),
                Json.bool(body, "is_dynamic"),
                pipelineId != null || pipeline == null ? pipelineId : pipeline.id(), pipeline,
                Ref.from(res.path("stack")), Ref.from(res.path("build")),
                Ref.from(res.path("user")), Json.tagNames(n), Json.uuid(res, "latest_run_id"),
                ExecutionStatus.of(Json.text(res, "latest_run_status")),
                Json.text(meta, "description"), Json.text(meta, "run_name_template"),
                Json.text(meta, "server_version"), Json.text(meta, "client_version"),
                Json.uuid(meta, "source_snapshot_id"), stepNames(meta),
                Json.tree(meta, "pipeline_configuration"), Json.tree(meta, "config_template"),
                Json.tree(meta, "config_schema"));
    }

    private static List<String> stepNames(JsonNode meta) {
        List<String> names = new ArrayList<>();
        Json.at(meta, "step_configurations").fieldNames().forEachRemaining(names::add);
        return List.copyOf(names);
    }
}
