package dev.snapdeck.server.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.snapdeck.runconfig.CheckResult;
import dev.snapdeck.runconfig.DeepMerge;
import dev.snapdeck.runconfig.Diagnostic;
import dev.snapdeck.runconfig.RunConfigChecker;
import dev.snapdeck.runconfig.SnapshotSpec;
import dev.snapdeck.server.auth.Caller;
import dev.snapdeck.server.http.ApiException;
import dev.snapdeck.server.http.Json;
import dev.snapdeck.server.orchestrator.Orchestrator;
import dev.snapdeck.server.orchestrator.RunHandle;
import dev.snapdeck.server.orchestrator.RunListener;
import dev.snapdeck.server.orchestrator.RunPlan;
import dev.snapdeck.server.orchestrator.StepPlan;
import dev.snapdeck.server.pipeline.CodeArchive;
import dev.snapdeck.server.pipeline.RetryPolicy;
import dev.snapdeck.server.pipeline.RunNameTemplate;
import dev.snapdeck.server.snapshots.SnapshotFactory;
import dev.snapdeck.server.store.Store;
import dev.snapdeck.server.store.Times;

/**
 * Starts runs from snapshots (§10.7): checks the run configuration, copies the snapshot with the
 * overrides applied, creates the placeholder run and hands the plan to the orchestrator; persists
 * what the orchestrator reports. Thread-safe.
 */
public final class RunService implements RunListener, AutoCloseable {

    private static final AtomicReference<Instant> LAST_TRIGGER_TIME =
            new AtomicReference<>(Instant.EPOCH);

    private static final Logger LOG = LoggerFactory.getLogger(RunService.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy_MM_dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH_mm_ss_SSSSSS");

    private final Store store;
    private final Path dataDir;
    private final Orchestrator orchestrator;
    private final Map<String, RunHandle> handles = new ConcurrentHashMap<>();
    private final java.util.concurrent.ExecutorService launcher = java.util.concurrent.Executors.newSingleThreadExecutor(
            runnable -> {
                Thread thread = new Thread(runnable, "snapdeck-run-launcher");
                thread.setDaemon(true);
                return thread;
            });

    public RunService(Store store, Path dataDir, int maxParallelSteps) {
        this.store = store;
        this.dataDir = dataDir;
        this.orchestrator = new Orchestrator(dataDir.resolve("cache"), maxParallelSteps);
    }

    public Path archives() {
        return dataDir.resolve("archives");
    }

    /**
     * Ends the step processes a killed server left running, and marks its runs and steps that were
     * in progress as failed. Call once at start, before any run is triggered.
     *
     * @return how many runs were marked failed
     */
    public int reconcile() {
        return new LeftoverRuns(store, this::runLog).reconcile();
    }

    /**
     * Triggers a run of a snapshot.
     *
     * @param body the request body, already parsed
     * @return the new run (status {@code initializing}); call {@link Triggered#launch()} after answering
     * @throws ApiException 404 unknown snapshot, 422 malformed body or unknown placeholder, 400 a
     *                      change a run may not make or a configuration error, 409 duplicate run name
     */
    public Triggered trigger(String snapshotId, JsonNode body, Caller caller) {
        if (body == null || !body.isObject()) {
            throw ApiException.bodyValidation("model_attributes_type", "'body',",
                    "Input should be a valid dictionary or object to extract fields from", render(body));
        }
        JsonNode override = body.path("run_configuration");
        if (override.isMissingNode() || override.isNull()) {
            override = Json.object();
        }
        if (!override.isObject()) {
            throw ApiException.bodyValidation("model_type", "'body', 'run_configuration'",
                    "Input should be a valid dictionary or instance of PipelineRunConfiguration", render(override));
        }
        Map<String, Object> snapshot = store.transaction(tx -> tx.one("SELECT * FROM snapshots WHERE id = ?",
                snapshotId)).orElseThrow(() -> ApiException.notFound("pipeline snapshot", snapshotId));
        ObjectNode template = (ObjectNode) Json.parse(snapshot.get("config"));
        JsonNode spec = Json.parse(snapshot.get("pipeline_spec"));
        checkForbidden((ObjectNode) override, spec);
        ObjectNode effective = (ObjectNode) DeepMerge.merge(template, override);
        checkWithEngine(template, spec, (ObjectNode) override);
        wholeNumbersAsIntegers(effective, spec);
        refuseNulCharacters(effective);
        Instant now = uniqueTriggerTime();
        String runName = runName(effective, now);
        String runId = UUID.randomUUID().toString();
        String copyId = UUID.randomUUID().toString();
        String logsId = UUID.randomUUID().toString();
        Path runDir = dataDir.resolve("runs").resolve(runId);
        String sourceId = snapshot.get("name") != null ? snapshotId
                : (String) snapshot.get("source_snapshot_id");
        try {
            store.transaction(tx -> {
                String created = Times.stored(now);
                tx.update("INSERT INTO snapshots (id, name, pipeline_id, project_id, user_id, description, "
                        + "run_name_template, code_id, pipeline_spec, step_definitions, config, source_snapshot_id, tags, "
                        + "server_version, created, updated) SELECT ?, NULL, pipeline_id, project_id, ?, description, "
                        + "run_name_template, code_id, pipeline_spec, step_definitions, ?, ?, '[]', server_version, ?, ? "
                        + "FROM snapshots WHERE id = ?", copyId, caller.userId(), Json.write(effective), sourceId,
                        created, created, snapshotId);
                long index = tx.count("SELECT COALESCE(MAX(run_index), 0) + 1 FROM runs WHERE pipeline_id = ?",
                        List.of(snapshot.get("pipeline_id")));
                return tx.update("INSERT INTO runs (id, name, project_id, pipeline_id, snapshot_id, source_snapshot_id, "
                        + "user_id, status, run_index, config, run_dir, logs_id, created, updated) "
                        + "VALUES (?,?,?,?,?,?,?,'initializing',?,?,?,?,?,?)", runId, runName,
                        snapshot.get("project_id"), snapshot.get("pipeline_id"), copyId, sourceId, caller.userId(), index,
                        Json.write(effective), runDir.toString(), logsId, created, created);
            });
        } catch (Store.StoreException e) {
            if (e.isUniqueViolation()) {
                throw ApiException.of(409, "EntityExistsError", "Unable to create pipeline run " + runName
                        + ": A pipeline run with this name already exists.");
            }
            throw e;
        }
        JsonNode definitions = Json.parse(snapshot.get("step_definitions"));
        String codeId = (String) snapshot.get("code_id");
        return new Triggered(runId, () -> launcher.execute(() -> start(runId, runDir, codeId, definitions, effective,
                spec)));
    }

    /** A run that exists as {@code initializing}; {@code launch} hands it to the orchestrator in the background. */
    public record Triggered(String runId, Runnable starter) {
        public void launch() {
            starter.run();
        }
    }

    private static String render(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "None";
        }
        if (node.isTextual()) {
            return "'" + node.asText() + "'";
        }
        return node.isArray() && node.isEmpty() ? "[]" : Json.write(node);
    }

    private static void checkForbidden(ObjectNode override, JsonNode spec) {
        if (override.hasNonNull("parameters")) {
            throw ApiException.badRequest("Can't set pipeline parameters when running a static pipeline via the "
                    + "REST API. Set step parameters (steps.<step>.parameters) instead.");
        }
        if (override.hasNonNull("build")) {
            throw ApiException.badRequest("Can't set build when running pipeline via Rest API.");
        }
        if (override.hasNonNull("schedule")) {
            throw ApiException.badRequest("Can't set schedule when running pipeline via Rest API.");
        }
        if (override.path("settings").hasNonNull("docker")) {
            throw ApiException.badRequest("Can't set DockerSettings when running pipeline via Rest API.");
        }
        JsonNode steps = override.path("steps");
        if (!steps.isMissingNode() && !steps.isNull() && !steps.isObject()) {
            throw ApiException.bodyValidation("dict_type", "'body', 'run_configuration', 'steps'",
                    "Input should be a valid dictionary", render(steps));
        }
        for (JsonNode step : spec.path("steps")) {
            String name = step.path("invocation_id").asText();
            JsonNode stepOverride = steps.path(name);
            if (stepOverride.path("settings").hasNonNull("docker")) {
                throw ApiException.badRequest("Can't set DockerSettings when running pipeline via Rest API.");
            }
            JsonNode parameters = stepOverride.path("parameters");
            if (parameters.isMissingNode() || parameters.isNull()) {
                continue;
            }
            if (!parameters.isObject()) {
                throw ApiException.bodyValidation("dict_type", "'body', 'run_configuration', 'steps', '" + name
                        + "', 'parameters'", "Input should be a valid dictionary", render(parameters));
            }
            List<String> unknown = new ArrayList<>();
            JsonNode known = step.path("parameter_spec").path("properties");
            parameters.fieldNames().forEachRemaining(key -> {
                if (!known.has(key)) {
                    unknown.add("'" + key + "'");
                }
            });
            if (!unknown.isEmpty()) {
                throw ApiException.badRequest("Run configuration contains the following unknown parameters for step "
                        + name + ": {" + String.join(", ", unknown) + "}.");
            }
        }
    }

    /**
     * The run-configuration engine's errors (types, ranges, enums, unknown steps and keys) refuse
     * the request with 400: a run's override, or the configuration frozen into a new snapshot.
     */
    public static void checkWithEngine(ObjectNode template, JsonNode spec, ObjectNode override) {
        CheckResult result = new RunConfigChecker().check(Json.write(override),
                SnapshotSpec.of(template, SnapshotFactory.configSchema(spec)));
        if (result.hasErrors()) {
            List<String> messages = new ArrayList<>();
            for (Diagnostic diagnostic : result.diagnostics()) {
                if (diagnostic.severity() == dev.snapdeck.runconfig.Severity.ERROR) {
                    messages.add((diagnostic.path().isEmpty() ? "" : diagnostic.path() + ": ") + diagnostic.message());
                }
            }
            throw ApiException.badRequest("Invalid run configuration: " + String.join("; ", messages));
        }
    }

    /**
     * Turns whole-number values of integer-typed step parameters ({@code 7.0}, {@code 1e1}) into
     * integers, as pydantic does for ZenML's int fields. JSON Schema counts 7.0 as an integer, so
     * the check lets it through, but a step parsing "7.0" as an integer would fail.
     */
    private static void wholeNumbersAsIntegers(ObjectNode effective, JsonNode spec) {
        for (JsonNode step : spec.path("steps")) {
            JsonNode parameters = effective.path("steps").path(step.path("invocation_id").asText()).path("parameters");
            if (!parameters.isObject()) {
                continue;
            }
            step.path("parameter_spec").path("properties").fields().forEachRemaining(property -> {
                JsonNode value = parameters.get(property.getKey());
                if (value != null && value.isFloatingPointNumber()
                        && "integer".equals(property.getValue().path("type").asText())) {
                    wholeNumber(value).ifPresent(whole -> ((ObjectNode) parameters).put(property.getKey(), whole));
                }
            });
        }
    }

    /** A string with U+0000 can reach a step neither as an environment variable nor as an argument. */
    private static void refuseNulCharacters(ObjectNode effective) {
        effective.path("steps").fields().forEachRemaining(step -> step.getValue().path("parameters").fields()
                .forEachRemaining(parameter -> {
                    if (parameter.getValue().isTextual() && parameter.getValue().textValue().indexOf('\u0000') >= 0) {
                        throw ApiException.badRequest("Parameter '" + parameter.getKey() + "' of step '"
                                + step.getKey() + "' contains a NUL character (\\u0000), which no step process "
                                + "can be given.");
                    }
                }));
    }

    private static Optional<BigInteger> wholeNumber(JsonNode value) {
        try {
            return Optional.of(value.decimalValue().toBigIntegerExact());
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Now, but never the same microsecond twice in this process: run names built from {date} and
     * {time} (microseconds) must not clash when triggers arrive together, as the clock's
     * resolution on some machines is coarser than a microsecond.
     */
    private static Instant uniqueTriggerTime() {
        return LAST_TRIGGER_TIME.updateAndGet(last -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            return now.isAfter(last) ? now : last.plus(1, ChronoUnit.MICROS);
        });
    }

    private static String runName(ObjectNode effective, Instant now) {
        String template = effective.path("run_name").asText("");
        if (template.isBlank()) {
            template = "run-{date}-{time}";
        }
        LocalDateTime time = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        JsonNode substitutions = effective.path("substitutions");
        Matcher matcher = RunNameTemplate.PLACEHOLDER.matcher(template);
        StringBuilder name = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(1);
            String value = switch (key) {
                case "date" -> DATE.format(time);
                case "time" -> TIME.format(time);
                default -> substitutions.hasNonNull(key) ? substitutions.get(key).asText() : null;
            };
            if (value == null) {
                throw ApiException.of(422, "ValueError", RunNameTemplate.problem(template, key));
            }
            matcher.appendReplacement(name, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(name);
        return name.toString();
    }

    private void start(String runId, Path runDir, String codeId, JsonNode definitions, ObjectNode effective,
            JsonNode spec) {
        try {
            Path codeDir = dataDir.resolve("code").resolve(codeId);
            synchronized (this) {
                if (!Files.isDirectory(codeDir)) {
                    Path partial = dataDir.resolve("code").resolve(codeId + ".partial-" + runId);
                    try {
                        CodeArchive.extract(codeId, archives(), partial);
                        Files.move(partial, codeDir);
                    } finally {
                        deleteTree(partial);
                    }
                }
            }
            Files.createDirectories(runDir);
            List<StepPlan> steps = new ArrayList<>();
            Boolean pipelineCache = effective.has("enable_cache") ? effective.get("enable_cache").asBoolean() : null;
            for (JsonNode step : spec.path("steps")) {
                String name = step.path("invocation_id").asText();
                JsonNode definition = definitions.path(name);
                JsonNode config = effective.path("steps").path(name);
                List<String> command = Json.MAPPER.convertValue(definition.get("run"),
                        Json.MAPPER.getTypeFactory().constructCollectionType(List.class, String.class));
                List<String> after = Json.MAPPER.convertValue(definition.get("after"),
                        Json.MAPPER.getTypeFactory().constructCollectionType(List.class, String.class));
                JsonNode retry = config.has("retry") ? config.get("retry") : definition.get("retry");
                RetryPolicy policy = new RetryPolicy(retry.path("max_retries").asInt(0),
                        Duration.ofMillis((long) (retry.path("delay").asDouble(0) * 1000)),
                        retry.path("backoff").asDouble(0));
                Duration timeout = definition.hasNonNull("timeout")
                        ? Duration.ofSeconds(definition.get("timeout").asLong()) : null;
                boolean cache = config.has("enable_cache") ? config.get("enable_cache").asBoolean()
                        : pipelineCache != null ? pipelineCache : definition.path("enable_cache").asBoolean(true);
                ObjectNode parameters = config.path("parameters").isObject()
                        ? (ObjectNode) config.get("parameters") : Json.object();
                steps.add(new StepPlan(name, command, after, parameters, policy, timeout, cache));
            }
            runLog(runId, "Run " + runId + " queued with " + steps.size() + " steps.");
            synchronized (handles) {
                if (!markQueued(runId)) {
                    return;
                }
                handles.put(runId, orchestrator.submit(new RunPlan(runId, codeDir, runDir, steps, false), this));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Run {} could not start", runId, e);
            runFinished(runId, "failed", "Failed to start run: " + e.getMessage());
        }
    }

    /**
     * The run is handed to the orchestrator: {@code queued} until its first step starts (the
     * orchestrator's step slots may all be taken), then {@code running}.
     *
     * @return false when the run left {@code initializing} (stopped or deleted) before it could
     *     start
     */
    private boolean markQueued(String runId) {
        return store.transaction(tx -> tx.update("UPDATE runs SET status = 'queued', updated = ? "
                + "WHERE id = ? AND status = 'initializing'", Times.now(), runId) == 1);
    }

    /**
     * Stops a run. An immediate stop of a run that is already stopping gracefully kills its
     * processes now; a second graceful stop is refused like ZenML's, changing nothing.
     *
     * @throws ApiException 404 unknown run, 403 when it has finished, or is being stopped and the
     *                      stop is graceful
     */
    public void stop(String runId, boolean graceful) {
        Map<String, Object> run = store.transaction(tx -> tx.one("SELECT status FROM runs WHERE id = ?", runId))
                .orElseThrow(() -> ApiException.notFound("pipeline run", runId));
        String status = (String) run.get("status");
        if (status.equals("stopped")) {
            throw ApiException.forbidden("Run is already stopped.");
        }
        if (status.equals("stopping")) {
            if (graceful) {
                throw ApiException.forbidden("Run is already being stopped.");
            }
            escalate(runId);
            return;
        }
        if (!dev.snapdeck.server.http.Views.inProgress(status)) {
            throw ApiException.forbidden("Cannot stop a run that is already " + status + ".");
        }
        RunHandle handle;
        synchronized (handles) {
            store.transaction(tx -> tx.update("UPDATE runs SET status = 'stopping', updated = ? WHERE id = ?",
                    Times.now(), runId));
            handle = handles.get(runId);
        }
        if (handle != null) {
            handle.stop(graceful);
        } else {
            runFinished(runId, "stopped", "Stopped before it started.");
        }
    }

    /** Turns a graceful stop in progress into an immediate one: the run's processes die now. */
    private void escalate(String runId) {
        RunHandle handle = handles.get(runId);
        if (handle == null) {
            return; // its last step ended since the status was read: the run is already stopped
        }
        runLog(runId, "Immediate stop requested while stopping gracefully; killing the running steps.");
        handle.stop(false);
    }

    /** Deletes a run, its steps and its folder. @throws ApiException 404 unknown run */
    public void delete(String runId) {
        RunHandle handle = handles.remove(runId);
        if (handle != null) {
            handle.stop(false);
        }
        Map<String, Object> run = store.transaction(tx -> {
            Map<String, Object> row = tx.one("SELECT run_dir FROM runs WHERE id = ?", runId)
                    .orElseThrow(() -> ApiException.notFound("pipeline run", runId));
            tx.update("DELETE FROM runs WHERE id = ?", runId);
            return row;
        });
        deleteTree(Path.of((String) run.get("run_dir")));
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            Iterator<Path> ordered = paths.sorted(java.util.Comparator.reverseOrder()).iterator();
            while (ordered.hasNext()) {
                Files.deleteIfExists(ordered.next());
            }
        } catch (IOException e) {
            LOG.warn("Could not delete {} completely", root, e);
        }
    }

    @Override
    public void stepStarted(String runId, String stepName, int attempt, Path logFile, Instant start) {
        runLog(runId, "Step " + stepName + " started (attempt " + attempt + ").");
        store.transaction(tx -> {
            String now = Times.stored(start);
            // The first step to start ends the wait; a run being stopped stays 'stopping'.
            tx.update("UPDATE runs SET status = 'running', start_time = ?, updated = ? "
                    + "WHERE id = ? AND status = 'queued'", now, now, runId);
            int changed = tx.update("UPDATE step_runs SET status = 'running', version = ?, start_time = ?, "
                    + "end_time = NULL, exit_code = NULL, log_file = ?, updated = ? WHERE run_id = ? AND name = ?",
                    attempt, now, logFile.toString(), now, runId, stepName);
            if (changed == 0) {
                JsonNode config = tx.one("SELECT config FROM runs WHERE id = ?", runId)
                        .map(row -> Json.parse(row.get("config"))).orElse(Json.object());
                tx.update("INSERT INTO step_runs (id, run_id, name, status, version, start_time, log_file, logs_id, "
                        + "parameters, created, updated) VALUES (?,?,?,'running',?,?,?,?,?,?,?)",
                        UUID.randomUUID().toString(), runId, stepName, attempt, now, logFile.toString(),
                        UUID.randomUUID().toString(), Json.write(config.path("steps").path(stepName)
                                .path("parameters").isObject() ? config.path("steps").path(stepName).path("parameters")
                                : Json.object()), now, now);
            }
            return null;
        });
    }

    @Override
    public void processStarted(String runId, String stepName, long pid, Instant processStart) {
        store.transaction(tx -> tx.update("UPDATE step_runs SET pid = ?, pid_started = ? WHERE run_id = ? AND name = ?",
                pid, processStart == null ? null : processStart.toEpochMilli(), runId, stepName));
    }

    @Override
    public void stepFinished(String runId, String stepName, int attempt, String status, Integer exitCode,
            Instant end, String cacheKey) {
        runLog(runId, "Step " + stepName + " " + status + (exitCode == null ? "" : " (exit code " + exitCode + ")")
                + ".");
        store.transaction(tx -> {
            String now = Times.stored(end);
            int changed = tx.update("UPDATE step_runs SET status = ?, version = MAX(version, ?), exit_code = ?, "
                    + "end_time = ?, cache_key = ?, updated = ? WHERE run_id = ? AND name = ?", status,
                    Math.max(attempt, 1), exitCode, now, cacheKey, now, runId, stepName);
            if (changed == 0) {
                tx.update("INSERT INTO step_runs (id, run_id, name, status, version, end_time, logs_id, parameters, "
                        + "created, updated) VALUES (?,?,?,?,?,?,?,'{}',?,?)", UUID.randomUUID().toString(), runId,
                        stepName, status, Math.max(attempt, 1), now, UUID.randomUUID().toString(), now, now);
            }
            return null;
        });
    }

    @Override
    public void runFinished(String runId, String status, String reason) {
        handles.remove(runId);
        runLog(runId, "Run " + status + (reason == null ? "." : ": " + reason));
        store.transaction(tx -> {
            String now = Times.now();
            return tx.update("UPDATE runs SET status = ?, status_reason = ?, end_time = ?, updated = ? WHERE id = ?",
                    status, reason, now, now, runId);
        });
    }

    private void runLog(String runId, String line) {
        Path log = dataDir.resolve("runs").resolve(runId).resolve("run.log");
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, Times.now() + " " + line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for nothing: stops every run immediately and releases the orchestrator's threads. */
    @Override
    public void close() {
        launcher.shutdownNow();
        orchestrator.close();
    }
}
