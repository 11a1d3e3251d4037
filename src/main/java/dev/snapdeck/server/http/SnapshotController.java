package dev.snapdeck.server.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.snapdeck.Version;
import dev.snapdeck.runconfig.DeepMerge;
import dev.snapdeck.server.pipeline.CodeArchive;
import dev.snapdeck.server.pipeline.PipelineDefinition;
import dev.snapdeck.server.pipeline.PipelineFormatException;
import dev.snapdeck.server.pipeline.RunNameTemplate;
import dev.snapdeck.server.runs.RunService;
import dev.snapdeck.server.snapshots.SnapshotFactory;
import dev.snapdeck.server.store.Store;
import dev.snapdeck.server.store.Times;

import io.javalin.http.Context;

/** Pipelines, snapshots, and the extension that snapshots a pipeline folder. */
final class SnapshotController {

    private final Store store;
    private final Views views;
    private final String projectId;
    private final Path pipelinesDir;
    private final RunService runs;

    SnapshotController(Store store, Views views, String projectId, Path pipelinesDir, RunService runs) {
        this.store = store;
        this.views = views;
        this.projectId = projectId;
        this.pipelinesDir = pipelinesDir;
        this.runs = runs;
    }

    private String project(Context ctx) {
        String given = ctx.queryParam("project") != null ? ctx.queryParam("project")
                : ctx.queryParam("project_name_or_id");
        if (given == null) {
            return projectId;
        }
        return store.transaction(tx -> tx.one("SELECT id FROM projects WHERE id = ? OR name = ?", given, given)
                .map(row -> (String) row.get("id")).orElseThrow(() -> ApiException.notFound("project", given)));
    }

    private static final Map<String, ListQuery.Field> PIPELINE_FIELDS = Map.of(
            "name", new ListQuery.Field("name", ListQuery.Type.TEXT),
            "id", new ListQuery.Field("id", ListQuery.Type.TEXT),
            "user", new ListQuery.Field("user_id", ListQuery.Type.TEXT),
            "created", new ListQuery.Field("created", ListQuery.Type.DATE),
            "updated", new ListQuery.Field("updated", ListQuery.Type.DATE));
    private static final Map<String, String> PIPELINE_SORT = Map.of("id", "id", "name", "name", "created", "created",
            "updated", "updated", "latest_run",
            "(SELECT MAX(r.created) FROM runs r WHERE r.pipeline_id = pipelines.id)");

    void listPipelines(Context ctx) {
        ListQuery query = ListQuery.parse(ctx, "PipelineFilter", PIPELINE_FIELDS, PIPELINE_SORT, "created")
                .require("project_id = ?", project(ctx));
        SystemController.json(ctx, store.transaction(tx -> {
            long total = tx.count("SELECT COUNT(*) FROM pipelines" + query.where(), query.parameters());
            query.checkPage(total);
            List<ObjectNode> items = new ArrayList<>();
            for (Map<String, Object> row : tx.query("SELECT * FROM pipelines" + query.where() + query.orderBy()
                    + query.limit(), query.parameters())) {
                items.add(views.pipeline(tx, row, query.hydrate()));
            }
            return Json.page(query.page(), query.size(), total, items);
        }));
    }

    void getPipeline(Context ctx) {
        String id = SystemController.uuid(ctx.pathParam("id"), "pipeline");
        SystemController.json(ctx, store.transaction(tx -> views.pipeline(tx, tx.one(
                "SELECT * FROM pipelines WHERE id = ?", id).orElseThrow(() -> ApiException.notFound("pipeline", id)),
                ListQuery.bool(ctx.queryParam("hydrate"), true))));
    }

    void deletePipeline(Context ctx) {
        String id = SystemController.uuid(ctx.pathParam("id"), "pipeline");
        List<String> runIds = store.transaction(tx -> {
            tx.one("SELECT id FROM pipelines WHERE id = ?", id).orElseThrow(() -> ApiException.notFound("pipeline",
                    id));
            return tx.query("SELECT id FROM runs WHERE pipeline_id = ?", id).stream()
                    .map(row -> (String) row.get("id")).toList();
        });
        runIds.forEach(runs::delete);
        store.transaction(tx -> tx.update("DELETE FROM pipelines WHERE id = ?", id));
        ctx.contentType("application/json").result("null");
    }

    private static final Map<String, ListQuery.Field> SNAPSHOT_FIELDS = new LinkedHashMap<>();
    static {
        SNAPSHOT_FIELDS.put("name", new ListQuery.Field("s.name", ListQuery.Type.TEXT));
        SNAPSHOT_FIELDS.put("id", new ListQuery.Field("s.id", ListQuery.Type.TEXT));
        SNAPSHOT_FIELDS.put("pipeline_id", new ListQuery.Field("s.pipeline_id", ListQuery.Type.TEXT));
        SNAPSHOT_FIELDS.put("source_snapshot_id", new ListQuery.Field("s.source_snapshot_id", ListQuery.Type.TEXT));
        SNAPSHOT_FIELDS.put("user", new ListQuery.Field("s.user_id", ListQuery.Type.TEXT));
        SNAPSHOT_FIELDS.put("created", new ListQuery.Field("s.created", ListQuery.Type.DATE));
        SNAPSHOT_FIELDS.put("updated", new ListQuery.Field("s.updated", ListQuery.Type.DATE));
    }
    private static final Map<String, String> SNAPSHOT_SORT = Map.of("id", "s.id", "name", "s.name", "created",
            "s.created", "updated", "s.updated", "pipeline", "p.name");

    void listSnapshots(Context ctx) {
        ListQuery query = ListQuery.parse(ctx, "PipelineSnapshotFilter", SNAPSHOT_FIELDS, SNAPSHOT_SORT, "created")
                .require("s.project_id = ?", project(ctx));
        if (ListQuery.bool(ctx.queryParam("named_only"), false)) {
            query.require("s.name IS NOT NULL");
        }
        String pipeline = ctx.queryParam("pipeline");
        if (pipeline != null) {
            query.require("(p.id = ? OR p.name = ?)", pipeline, pipeline);
        }
        String from = " FROM snapshots s JOIN pipelines p ON p.id = s.pipeline_id";
        SystemController.json(ctx, store.transaction(tx -> {
            long total = tx.count("SELECT COUNT(*)" + from + query.where(), query.parameters());
            query.checkPage(total);
            List<ObjectNode> items = new ArrayList<>();
            for (Map<String, Object> row : tx.query("SELECT s.*" + from + query.where()
                    + query.orderBy().replace(", id ", ", s.id ") + query.limit(), query.parameters())) {
                items.add(snapshotView(tx, row, query.hydrate(), false));
            }
            return Json.page(query.page(), query.size(), total, items);
        }));
    }

    private ObjectNode snapshotView(Store.Tx tx, Map<String, Object> row, boolean hydrate, boolean schema)
            throws java.sql.SQLException {
        ObjectNode template = null;
        ObjectNode configSchema = null;
        if (hydrate) {
            template = (ObjectNode) Json.parse(row.get("config"));
            if (schema) {
                configSchema = SnapshotFactory.configSchema(Json.parse(row.get("pipeline_spec")));
            }
        }
        return views.snapshot(tx, row, hydrate, template, configSchema);
    }

    private Map<String, Object> snapshotRow(Store.Tx tx, String id) throws java.sql.SQLException {
        return tx.one("SELECT * FROM snapshots WHERE id = ?", id)
                .orElseThrow(() -> ApiException.notFound("pipeline snapshot", id));
    }

    void getSnapshot(Context ctx) {
        String id = SystemController.uuid(ctx.pathParam("id"), "pipeline snapshot");
        boolean hydrate = ListQuery.bool(ctx.queryParam("hydrate"), true);
        boolean schema = ListQuery.bool(ctx.queryParam("include_config_schema"), false);
        SystemController.json(ctx, store.transaction(tx -> snapshotView(tx, snapshotRow(tx, id), hydrate, schema)));
    }

    void updateSnapshot(Context ctx) {
        String id = SystemController.uuid(ctx.pathParam("id"), "pipeline snapshot");
        JsonNode body = Bodies.object(ctx);
        JsonNode name = body.path("name");
        if (name.isTextual() && name.asText().isEmpty()) {
            throw ApiException.bodyValidation("string_too_short", "'body', 'name'",
                    "String should have at least 1 character", "''");
        }
        if (!name.isMissingNode() && !name.isNull() && !name.isTextual() && !(name.isBoolean() && !name.asBoolean())) {
            throw ApiException.bodyValidation("string_type", "'body', 'name'", "Input should be a valid string or false",
                    name.toString());
        }
        boolean replace = body.path("replace").asBoolean(false);
        List<String> addTags = Bodies.textList(body, "add_tags");
        List<String> removeTags = Bodies.textList(body, "remove_tags");
        SystemController.json(ctx, store.transaction(tx -> {
            Map<String, Object> row = snapshotRow(tx, id);
            String now = Times.now();
            if (name.isTextual()) {
                Map<String, Object> clash = tx.one("SELECT id FROM snapshots WHERE pipeline_id = ? AND name = ? "
                        + "AND id <> ?", row.get("pipeline_id"), name.asText(), id).orElse(null);
                if (clash != null && !replace) {
                    String pipeline = (String) tx.one("SELECT name FROM pipelines WHERE id = ?",
                            row.get("pipeline_id")).orElseThrow().get("name");
                    throw ApiException.conflict("A pipeline snapshot with name '" + name.asText()
                            + "' already exists for pipeline '" + pipeline + "'.");
                }
                if (clash != null) {
                    tx.update("UPDATE snapshots SET name = NULL, updated = ? WHERE id = ?", now, clash.get("id"));
                }
                tx.update("UPDATE snapshots SET name = ?, updated = ? WHERE id = ?", name.asText(), now, id);
            } else if (name.isBoolean()) {
                tx.update("UPDATE snapshots SET name = NULL, updated = ? WHERE id = ?", now, id);
            }
            if (body.path("description").isTextual() && !body.get("description").asText().isEmpty()) {
                tx.update("UPDATE snapshots SET description = ?, updated = ? WHERE id = ?",
                        body.get("description").asText(), now, id);
            }
            ArrayNode tags = (ArrayNode) Json.parse(row.get("tags"));
            List<String> names = new ArrayList<>();
            tags.forEach(tag -> names.add(tag.asText()));
            for (String tag : addTags) {
                if (!names.contains(tag)) {
                    names.add(tag);
                }
            }
            names.removeAll(removeTags);
            tx.update("UPDATE snapshots SET tags = ? WHERE id = ?", Json.write(Json.MAPPER.valueToTree(names)), id);
            return snapshotView(tx, snapshotRow(tx, id), true, false);
        }));
    }

    void deleteSnapshot(Context ctx) {
        String id = SystemController.uuid(ctx.pathParam("id"), "pipeline snapshot");
        store.transaction(tx -> {
            snapshotRow(tx, id);
            if (tx.one("SELECT id FROM runs WHERE snapshot_id = ? LIMIT 1", id).isPresent()) {
                // A run's own snapshot stays (every run has one); deleting it only removes its name.
                return tx.update("UPDATE snapshots SET name = NULL, updated = ? WHERE id = ?", Times.now(), id);
            }
            return tx.update("DELETE FROM snapshots WHERE id = ?", id);
        });
        ctx.contentType("application/json").result("null");
    }

    /** Extension: the pipeline folders and their problems. */
    void listFolderPipelines(Context ctx) throws IOException {
        ArrayNode items = Json.array();
        if (Files.isDirectory(pipelinesDir)) {
            try (var folders = Files.list(pipelinesDir)) {
                for (Path folder : folders.sorted().toList()) {
                    if (!Files.isRegularFile(folder.resolve(PipelineDefinition.FILE_NAME))) {
                        continue;
                    }
                    ObjectNode item = items.addObject();
                    item.put("folder", folder.getFileName().toString());
                    try {
                        PipelineDefinition definition = PipelineDefinition.load(folder);
                        item.put("name", definition.name());
                        item.put("description", definition.description());
                        ArrayNode steps = item.putArray("steps");
                        definition.steps().forEach(step -> steps.add(step.name()));
                        item.put("problem", CodeArchive.problemWith(folder).orElse(null));
                    } catch (PipelineFormatException e) {
                        item.putNull("name");
                        item.put("problem", e.getMessage());
                    }
                }
            }
        }
        ObjectNode answer = Json.object();
        answer.put("pipelines_dir", pipelinesDir.toString());
        answer.set("items", items);
        SystemController.json(ctx, answer);
    }

    private Path folderOf(String name) throws IOException {
        Path direct = pipelinesDir.resolve(name).normalize();
        if (direct.startsWith(pipelinesDir) && Files.isRegularFile(direct.resolve(PipelineDefinition.FILE_NAME))) {
            return direct;
        }
        if (Files.isDirectory(pipelinesDir)) {
            try (var folders = Files.list(pipelinesDir)) {
                for (Path folder : folders.toList()) {
                    try {
                        if (Files.isRegularFile(folder.resolve(PipelineDefinition.FILE_NAME))
                                && PipelineDefinition.load(folder).name().equals(name)) {
                            return folder;
                        }
                    } catch (PipelineFormatException e) {
                        continue;
                    }
                }
            }
        }
        throw ApiException.of(404, "KeyError", "'No pipeline named " + name + " in " + pipelinesDir + ".'");
    }

    /** A run name no run could use is refused now, as every run of the snapshot would be. */
    private static void checkRunName(ObjectNode config) {
        String template = config.path("run_name").asText("");
        List<String> substitutions = new ArrayList<>();
        config.path("substitutions").fieldNames().forEachRemaining(substitutions::add);
        Optional<String> unknown = RunNameTemplate.unknownPlaceholder(template, substitutions);
        if (unknown.isPresent()) {
            throw ApiException.of(422, "ValueError", RunNameTemplate.problem(template, unknown.get()));
        }
    }

    /** Extension: freezes a pipeline folder into a (named) snapshot. */
    void createFromFolder(Context ctx) throws IOException {
        JsonNode body = Bodies.optionalObject(ctx);
        Path folder = folderOf(ctx.pathParam("name"));
        PipelineDefinition definition;
        try {
            definition = PipelineDefinition.load(folder);
        } catch (PipelineFormatException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        JsonNode config = body.path("config");
        if (!config.isMissingNode() && !config.isNull() && !config.isObject()) {
            throw ApiException.bodyValidation("dict_type", "'body', 'config'", "Input should be a valid dictionary",
                    config.toString());
        }
        String name = body.hasNonNull("name") ? Bodies.requiredText(body, "name") : null;
        if (body.hasNonNull("stack")) {
            // ZenML's "stack" field; this server has its one default stack to freeze for.
            SystemController.requireId(body.path("stack").asText(), Views.STACK_ID, "stack");
        }
        ObjectNode spec = SnapshotFactory.pipelineSpec(definition);
        ObjectNode template = SnapshotFactory.configTemplate(definition);
        if (config.isObject()) {
            RunService.checkWithEngine(template, spec, (ObjectNode) config);
        }
        ObjectNode resolved = config.isObject() ? (ObjectNode) DeepMerge.merge(template, config) : template;
        checkRunName(resolved);
        Optional<String> unarchivable = CodeArchive.problemWith(folder);
        if (unarchivable.isPresent()) {
            throw ApiException.badRequest("Pipeline folder " + folder.getFileName() + ": " + unarchivable.get());
        }
        String codeId = CodeArchive.store(folder, runs.archives());
        String caller = Api.caller(ctx).userId();
        boolean replace = body.path("replace").asBoolean(false);
        List<String> tags = Bodies.textList(body, "tags");
        String id = UUID.randomUUID().toString();
        SystemController.json(ctx, store.transaction(tx -> {
            String now = Times.now();
            String pipelineId = tx.one("SELECT id FROM pipelines WHERE project_id = ? AND name = ?", projectId,
                    definition.name()).map(row -> (String) row.get("id")).orElse(null);
            if (pipelineId == null) {
                pipelineId = UUID.randomUUID().toString();
                tx.update("INSERT INTO pipelines (id, name, project_id, user_id, description, created, updated) "
                        + "VALUES (?,?,?,?,?,?,?)", pipelineId, definition.name(), projectId, caller,
                        definition.description(), now, now);
            } else {
                tx.update("UPDATE pipelines SET description = ?, updated = ? WHERE id = ?", definition.description(),
                        now, pipelineId);
            }
            if (name != null) {
                Map<String, Object> clash = tx.one("SELECT id FROM snapshots WHERE pipeline_id = ? AND name = ?",
                        pipelineId, name).orElse(null);
                if (clash != null && !replace) {
                    throw ApiException.conflict("A pipeline snapshot with name '" + name
                            + "' already exists for pipeline '" + definition.name() + "'.");
                }
                if (clash != null) {
                    tx.update("UPDATE snapshots SET name = NULL, updated = ? WHERE id = ?", now, clash.get("id"));
                }
            }
            tx.update("INSERT INTO snapshots (id, name, pipeline_id, project_id, user_id, description, run_name_template, "
                    + "code_id, pipeline_spec, step_definitions, config, tags, server_version, created, updated) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", id, name, pipelineId, projectId, caller,
                    body.path("description").asText(definition.description()), resolved.path("run_name").asText(null),
                    codeId, Json.write(spec), Json.write(SnapshotFactory.stepDefinitions(definition)),
                    Json.write(resolved), Json.write(Json.MAPPER.valueToTree(tags)), Version.current(), now, now);
            return snapshotView(tx, snapshotRow(tx, id), true, false);
        }));
    }
}
