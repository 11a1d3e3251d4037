package dev.snapdeck.server.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.snapdeck.server.orchestrator.ExecutionStatus;
import dev.snapdeck.server.orchestrator.StepLogs;
import dev.snapdeck.server.runs.RunService;
import dev.snapdeck.server.store.Store;

import io.javalin.http.Context;

/** Runs, step runs, their logs and DAG, and triggering a snapshot. */
final class RunController {

    /** Bytes of a log served per request; {@code offset} (extension) reads further. */
    static final int LOG_CHUNK = 1024 * 1024;

    private final Store store;
    private final Views views;
    private final String projectId;
    private final RunService runs;

    RunController(Store store, Views views, String projectId, RunService runs) {
        this.store = store;
        this.views = views;
        this.projectId = projectId;
        this.runs = runs;
    }

    /**
     * ZenML's run filters that the local server cannot answer truthfully, refused with 422 rather
     * than ignored: its runs have no tags or metadata, and it has no builds, schedules, triggers,
     * code repositories, model versions or child runs.
     */
    private static final List<String> UNSUPPORTED_RUN_FILTERS = List.of("tags", "run_metadata", "build_id",
            "schedule_id", "code_repository_id", "model_version_id", "template_id", "triggered_by_step_run_id",
            "triggered_by_deployment_id", "trigger_id", "parent_run_id");
    private static final Map<String, ListQuery.Field> RUN_FIELDS = new LinkedHashMap<>();
    static {
        // Every run ran on the one stack, so its id filters like a column that holds it.
        RUN_FIELDS.put("stack_id", new ListQuery.Field("'" + Views.STACK_ID + "'", ListQuery.Type.TEXT));
        RUN_FIELDS.put("name", new ListQuery.Field("name", ListQuery.Type.TEXT));
        RUN_FIELDS.put("id", new ListQuery.Field("id", ListQuery.Type.TEXT));
        RUN_FIELDS.put("status", new ListQuery.Field("status", ListQuery.Type.TEXT));
        RUN_FIELDS.put("pipeline_id", new ListQuery.Field("pipeline_id", ListQuery.Type.TEXT));
        RUN_FIELDS.put("snapshot_id", new ListQuery.Field("snapshot_id", ListQuery.Type.TEXT));
        RUN_FIELDS.put("source_snapshot_id", new ListQuery.Field("source_snapshot_id", ListQuery.Type.TEXT));
        RUN_FIELDS.put("user", new ListQuery.Field("user_id", ListQuery.Type.TEXT));
        RUN_FIELDS.put("index", new ListQuery.Field("run_index", ListQuery.Type.INT));
        RUN_FIELDS.put("orchestrator_run_id", new ListQuery.Field("id", ListQuery.Type.TEXT));
        RUN_FIELDS.put("start_time", new ListQuery.Field("start_time", ListQuery.Type.DATE));
        RUN_FIELDS.put("end_time", new ListQuery.Field("end_time", ListQuery.Type.DATE));
        RUN_FIELDS.put("created", new ListQuery.Field("created", ListQuery.Type.DATE));
        RUN_FIELDS.put("updated", new ListQuery.Field("updated", ListQuery.Type.DATE));
        RUN_FIELDS.put("in_progress", new ListQuery.Field("(status IN ('initializing','provisioning','queued',"
                + "'running','retrying','paused','resuming','stopping','cancelling'))", ListQuery.Type.BOOL));
    }
    private static final Map<String, String> RUN_SORT = Map.of("id", "id", "name", "name", "created", "created",
            "updated", "updated", "status", "status", "index", "run_index", "start_time", "start_time", "end_time",
            "end_time");

    void trigger(Context ctx) {
        String snapshotId = SystemController.uuid(ctx.pathParam("snapshot_id"), "pipeline snapshot");
        RunService.Triggered triggered = runs.trigger(snapshotId, Bodies.parse(ctx), Api.caller(ctx));
        SystemController.json(ctx, store.transaction(tx -> views.run(tx, runRow(tx, triggered.runId()), true)));
        triggered.launch();
    }

    // TODO: a page of 50 runs costs about 8-9x the bare SQL query (RunListBenchmark, aim 2x); an
    // authenticated HTTP round trip alone is about 3x, the rest is building and writing ~150 KB of
    // JSON. Streaming the page with Jackson's generator instead of a tree would cut the second part.
    /** The columns an unhydrated run needs (not its configuration, the largest one). */
    private static final String LIST_COLUMNS = "id, name, project_id, pipeline_id, snapshot_id, source_snapshot_id, "
            + "user_id, status, status_reason, run_index, run_dir, logs_id, created, updated";

    void listRuns(Context ctx) {
        String project = ctx.queryParam("project") != null ? ctx.queryParam("project")
                : ctx.queryParam("project_name_or_id");
        String scope = project == null ? projectId : store.transaction(tx -> tx.one(
                "SELECT id FROM projects WHERE id = ? OR name = ?", project, project)
                .map(row -> (String) row.get("id")).orElseThrow(() -> ApiException.notFound("project", project)));
        ListQuery query = ListQuery.parse(ctx, "PipelineRunFilter", RUN_FIELDS, RUN_SORT, "desc:created")
                .require("project_id = ?", scope);
        String pipeline = ctx.queryParam("pipeline") != null ? ctx.queryParam("pipeline")
                : ctx.queryParam("pipeline_name");
        if (pipeline != null) {
            query.require("pipeline_id IN (SELECT id FROM pipelines WHERE id = ? OR name = ?)", pipeline, pipeline);
        }
        addStackAndRootFilters(ctx, query);
        SystemController.json(ctx, store.transaction(tx -> {
            long total = tx.cachedCount("SELECT COUNT(*) FROM runs" + query.where(), query.parameters());
            query.checkPage(total);
            List<ObjectNode> items = new ArrayList<>();
            String columns = query.hydrate() ? "*" : LIST_COLUMNS;
            for (Map<String, Object> row : tx.query("SELECT " + columns + " FROM runs" + query.where()
                    + query.orderBy() + query.limit(), query.parameters())) {
                items.add(views.run(tx, row, query.hydrate()));
            }
            return Json.page(query.page(), query.size(), total, items);
        }));
    }

    /**
     * {@code stack} (name or id) matches every run when it names the one stack and none otherwise;
     * {@code root_runs_only} matches every run, as no run here has a parent. The filters the local
     * server cannot answer are refused.
     */
    private static void addStackAndRootFilters(Context ctx, ListQuery query) {
        for (String name : UNSUPPORTED_RUN_FILTERS) {
            if (ctx.queryParam(name) != null) {
                throw ApiException.queryValidation("Filter '" + name + "' is not supported by the Snapdeck "
                        + "local server.");
            }
        }
        String stack = ctx.queryParam("stack");
        if (stack != null) {
            query.require("? IN ('default', '" + Views.STACK_ID + "')", stack);
        }
        ListQuery.bool(ctx.queryParam("root_runs_only"), false);
    }

    private static Map<String, Object> runRow(Store.Tx tx, String id) throws java.sql.SQLException {
        return tx.one("SELECT * FROM runs WHERE id = ?", id).orElseThrow(() -> ApiException.notFound("pipeline run",
                id));
    }

    private static String runId(Context ctx) {
        return SystemController.uuid(ctx.pathParam("id"), "pipeline run");
    }

    void getRun(Context ctx) {
        String id = runId(ctx);
        boolean hydrate = ListQuery.bool(ctx.queryParam("hydrate"), true);
        SystemController.json(ctx, store.transaction(tx -> views.run(tx, runRow(tx, id), hydrate)));
    }

    void deleteRun(Context ctx) {
        runs.delete(runId(ctx));
        ctx.contentType("application/json").result("null");
    }

    void runStatus(Context ctx) {
        String id = runId(ctx);
        String status = store.transaction(tx -> (String) runRow(tx, id).get("status"));
        SystemController.json(ctx, Json.MAPPER.getNodeFactory().textNode(status));
    }

    void stop(Context ctx) {
        runs.stop(runId(ctx), ListQuery.bool(ctx.queryParam("graceful"), false));
        ctx.contentType("application/json").result("null");
    }

    private static final Map<String, ListQuery.Field> STEP_FIELDS = new LinkedHashMap<>();
    static {
        STEP_FIELDS.put("name", new ListQuery.Field("s.name", ListQuery.Type.TEXT));
        STEP_FIELDS.put("id", new ListQuery.Field("s.id", ListQuery.Type.TEXT));
        STEP_FIELDS.put("status", new ListQuery.Field("s.status", ListQuery.Type.TEXT));
        STEP_FIELDS.put("pipeline_run_id", new ListQuery.Field("s.run_id", ListQuery.Type.TEXT));
        STEP_FIELDS.put("cache_key", new ListQuery.Field("s.cache_key", ListQuery.Type.TEXT));
        STEP_FIELDS.put("version", new ListQuery.Field("s.version", ListQuery.Type.INT));
        STEP_FIELDS.put("start_time", new ListQuery.Field("s.start_time", ListQuery.Type.DATE));
        STEP_FIELDS.put("end_time", new ListQuery.Field("s.end_time", ListQuery.Type.DATE));
        STEP_FIELDS.put("created", new ListQuery.Field("s.created", ListQuery.Type.DATE));
    }
    private static final Map<String, String> STEP_SORT = Map.of("id", "s.id", "name", "s.name", "created",
            "s.created", "status", "s.status", "start_time", "s.start_time");

    private void stepPage(Context ctx, ListQuery query) {
        String from = " FROM step_runs s JOIN runs r ON r.id = s.run_id";
        SystemController.json(ctx, store.transaction(tx -> {
            long total = tx.count("SELECT COUNT(*)" + from + query.where(), query.parameters());
            query.checkPage(total);
            List<ObjectNode> items = new ArrayList<>();
            for (Map<String, Object> row : tx.query("SELECT s.*" + from + query.where()
                    + query.orderBy().replace(", id ", ", s.id ") + query.limit(), query.parameters())) {
                items.add(views.step(tx, row, runRow(tx, (String) row.get("run_id")), query.hydrate()));
            }
            return Json.page(query.page(), query.size(), total, items);
        }));
    }

    void listSteps(Context ctx) {
        stepPage(ctx, ListQuery.parse(ctx, "StepRunFilter", STEP_FIELDS, STEP_SORT, "created")
                .require("r.project_id = ?", projectId));
    }

    void runSteps(Context ctx) {
        String id = runId(ctx);
        store.transaction(tx -> runRow(tx, id));
        stepPage(ctx, ListQuery.parse(ctx, "StepRunFilter", STEP_FIELDS, STEP_SORT, "created")
                .require("s.run_id = ?", id));
    }

    /** @throws ApiException 422 (shape D) unless the text is a byte offset, 0 or more */
    static long offset(String text) {
        if (text == null) {
            return 0;
        }
        long offset;
        try {
            offset = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.queryValidation("Query parameter 'offset' must be a whole number of bytes, not '"
                    + text + "'.");
        }
        if (offset < 0) {
            throw ApiException.queryValidation("Query parameter 'offset' must be 0 or more, not " + offset + ".");
        }
        return offset;
    }

    /** The time a line of a run log starts with (the server writes one on each); empty for other lines. */
    private static java.util.Optional<String> lineTime(String line) {
        int space = line.indexOf(' ');
        if (space != STORED_TIME_LENGTH) {
            return java.util.Optional.empty();
        }
        try {
            String stored = line.substring(0, space);
            dev.snapdeck.server.store.Times.parseStored(stored);
            return java.util.Optional.of(dev.snapdeck.server.store.Times.wire(stored));
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private static final int STORED_TIME_LENGTH = "2025-01-01T00:00:00.000000".length();

    private static Map<String, Object> stepRow(Store.Tx tx, String id) throws java.sql.SQLException {
        return tx.one("SELECT * FROM step_runs WHERE id = ?", id)
                .orElseThrow(() -> ApiException.notFound("step run", id));
    }

    void getStep(Context ctx) {
        String id = SystemController.uuid(ctx.pathParam("id"), "step run");
        boolean hydrate = ListQuery.bool(ctx.queryParam("hydrate"), true);
        SystemController.json(ctx, store.transaction(tx -> {
            Map<String, Object> step = stepRow(tx, id);
            return views.step(tx, step, runRow(tx, (String) step.get("run_id")), hydrate);
        }));
    }

    void stepStatus(Context ctx) {
        String id = SystemController.uuid(ctx.pathParam("id"), "step run");
        String status = store.transaction(tx -> (String) stepRow(tx, id).get("status"));
        SystemController.json(ctx, Json.MAPPER.getNodeFactory().textNode(status));
    }

    void dag(Context ctx) {
        String id = runId(ctx);
        SystemController.json(ctx, store.transaction(tx -> {
            Map<String, Object> run = runRow(tx, id);
            Map<String, Object> snapshot = tx.one("SELECT pipeline_spec FROM snapshots WHERE id = ?",
                    run.get("snapshot_id")).orElseThrow();
            Map<String, Map<String, Object>> steps = new LinkedHashMap<>();
            for (Map<String, Object> step : tx.query("SELECT * FROM step_runs WHERE run_id = ?", id)) {
                steps.put((String) step.get("name"), step);
            }
            ObjectNode dag = Json.object();
            dag.put("id", id);
            dag.put("status", (String) run.get("status"));
            ArrayNode nodes = dag.putArray("nodes");
            ArrayNode edges = dag.putArray("edges");
            for (var step : Json.parse(snapshot.get("pipeline_spec")).path("steps")) {
                String name = step.path("invocation_id").asText();
                Map<String, Object> row = steps.get(name);
                String nodeId = row == null ? "step-" + name : "step-" + row.get("id");
                ObjectNode node = nodes.addObject();
                node.put("node_id", nodeId);
                node.put("type", "step");
                node.put("id", row == null ? null : (String) row.get("id"));
                node.put("name", name);
                ObjectNode metadata = node.putObject("metadata");
                metadata.put("status", row == null ? "initializing" : (String) row.get("status"));
                metadata.put("start_time", row == null ? null : dev.snapdeck.server.store.Times.wire(
                        row.get("start_time")));
                if (row != null && row.get("start_time") != null && row.get("end_time") != null) {
                    metadata.put("duration", java.time.Duration.between(
                            dev.snapdeck.server.store.Times.parseStored((String) row.get("start_time")),
                            dev.snapdeck.server.store.Times.parseStored((String) row.get("end_time"))).toMillis()
                            / 1000.0);
                } else {
                    metadata.putNull("duration");
                }
                for (var upstream : step.path("upstream_steps")) {
                    Map<String, Object> source = steps.get(upstream.asText());
                    ObjectNode edge = edges.addObject();
                    edge.put("source", source == null ? "step-" + upstream.asText() : "step-" + source.get("id"));
                    edge.put("target", nodeId);
                    edge.putObject("metadata");
                }
            }
            return dag;
        }));
    }

    void runLogs(Context ctx) throws IOException {
        String id = runId(ctx);
        Map<String, Object> run = store.transaction(tx -> runRow(tx, id));
        String logsId = ctx.queryParam("logs_id");
        String source = ctx.queryParam("source");
        if (logsId != null && !logsId.equals(run.get("logs_id")) || source != null && !source.equals("runner")) {
            throw ApiException.notFound("logs", logsId != null ? logsId : source);
        }
        serveLog(ctx, Path.of((String) run.get("run_dir")).resolve("run.log"), "snapdeck.runner",
                ExecutionStatus.FINAL.contains(run.get("status")));
    }

    void stepLogs(Context ctx) throws IOException {
        String id = SystemController.uuid(ctx.pathParam("id"), "step run");
        Map<String, Object> step = store.transaction(tx -> stepRow(tx, id));
        String logsId = ctx.queryParam("logs_id");
        String source = ctx.queryParam("source");
        if (logsId != null && !logsId.equals(step.get("logs_id")) || source != null && !source.equals("step")) {
            throw ApiException.notFound("logs", logsId != null ? logsId : source);
        }
        Object file = step.get("log_file");
        serveLog(ctx, file == null ? null : Path.of((String) file), "snapdeck.step." + step.get("name"),
                ExecutionStatus.FINAL.contains(step.get("status")));
    }

    // TODO: a step's output lines carry the log file's modification time (the time of its last
    // write), as the step's stdout and stderr go straight from the process to the file and no
    // per-line time exists. Recording one would mean pumping every step's output through the
    // server, which would also have to stop pumping when a step exits but a process it left in the
    // background still holds the output open. A line that starts with a time in the stored form,
    // as every line of the run's own log does, carries that time.
    /**
     * One LogEntry per line of at most {@link #LOG_CHUNK} bytes read from {@code offset} (default 0), whole
     * lines only until the writer has {@code finished}, so a follower never sees a line in two pieces.
     */
    private static void serveLog(Context ctx, Path file, String logger, boolean finished) throws IOException {
        ArrayNode entries = Json.array();
        long offset = offset(ctx.queryParam("offset"));
        if (file != null && Files.isRegularFile(file)) {
            StepLogs.Chunk chunk = StepLogs.readLines(file, offset, LOG_CHUNK, finished);
            String[] lines = chunk.text().split("\n", -1);
            String fileTime = dev.snapdeck.server.store.Times.wire(dev.snapdeck.server.store.Times.stored(
                    Files.getLastModifiedTime(file).toInstant()));
            int number = 0;
            for (String line : lines) {
                if (line.isEmpty() && number == lines.length - 1) {
                    continue;
                }
                ObjectNode entry = entries.addObject();
                entry.put("message", line);
                entry.put("name", logger);
                entry.put("level", line.contains("ERROR") || line.startsWith("exit code") ? 40 : 20);
                entry.put("timestamp", lineTime(line).orElse(fileTime));
                entry.putNull("module");
                entry.put("filename", file.getFileName().toString());
                entry.put("lineno", ++number);
                entry.put("chunk_index", 0);
                entry.put("total_chunks", 1);
                entry.put("id", java.util.UUID.nameUUIDFromBytes((file + ":" + offset + ":" + number).getBytes())
                        .toString());
            }
            ctx.header("X-Snapdeck-Next-Offset", Long.toString(chunk.nextOffset()));
        }
        SystemController.json(ctx, entries);
    }
}
