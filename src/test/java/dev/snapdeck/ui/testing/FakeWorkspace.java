package dev.snapdeck.ui.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.snapdeck.api.ConflictException;
import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.api.LogChunk;
import dev.snapdeck.api.LogEntry;
import dev.snapdeck.api.NotFoundException;
import dev.snapdeck.api.Page;
import dev.snapdeck.api.Pipeline;
import dev.snapdeck.api.PipelineQuery;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.Ref;
import dev.snapdeck.api.RunDag;
import dev.snapdeck.api.RunQuery;
import dev.snapdeck.api.ServerCapabilities;
import dev.snapdeck.api.ServerInfo;
import dev.snapdeck.api.Snapshot;
import dev.snapdeck.api.SnapshotQuery;
import dev.snapdeck.api.SnapshotUpdate;
import dev.snapdeck.api.Stack;
import dev.snapdeck.api.StepRun;
import dev.snapdeck.api.User;
import dev.snapdeck.service.ConnectionInfo;
import dev.snapdeck.service.ServiceAccounts;
import dev.snapdeck.service.Workspace;

/**
 * An in-memory {@link Workspace} for view-model tests: snapshots, pipelines and runs held in
 * maps, every call recorded. Snapshot updates apply the name, description and tag changes the
 * view-models send, with ZenML's rule that a taken name is a conflict unless replaced.
 */
public final class FakeWorkspace implements Workspace {

    public static final String SERVER_VERSION = "0.96.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<UUID, Snapshot> snapshots = new LinkedHashMap<>();
    private final Map<UUID, PipelineRun> runs = new LinkedHashMap<>();
    private final Map<UUID, Pipeline> pipelines = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final List<JsonNode> triggered = new ArrayList<>();
    private final List<JsonNode> folderConfigs = new ArrayList<>();
    private ConnectionInfo connection = connection(true);
    private RuntimeException nextTriggerFailure;
    private volatile CountDownLatch triggerGate = new CountDownLatch(0);

    public static ConnectionInfo connection(boolean canRun) {
        ServerInfo info = new ServerInfo(UUID.randomUUID(), "test", SERVER_VERSION, "other",
                "sqlite", "OAUTH2_PASSWORD_BEARER", "http://127.0.0.1:8237", null, null, null);
        ServerCapabilities capabilities = new ServerCapabilities(true, false, canRun,
                SERVER_VERSION, false, "OAUTH2_PASSWORD_BEARER", "openapi");
        User user = new User(UUID.randomUUID(), "admin", "Admin", true, true, false, null, null,
                null, null);
        // A server that can run snapshots stands for Snapdeck's local one; one that cannot, for
        // an open-source ZenML server.
        return new ConnectionInfo("test", "http://127.0.0.1:8237", canRun, info, capabilities,
                user);
    }

    /** The hydrated ZenML fixture's config template and schema. */
    public static JsonNode fixtureMetadata() {
        try (InputStream in = FakeWorkspace.class.getResourceAsStream(
                "/dev/snapdeck/fixtures/snapshot-hydrated.json")) {
            return JSON.readTree(in).path("metadata");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Snapshot snapshot(String name, String serverVersion) {
        JsonNode metadata = fixtureMetadata();
        UUID pipelineId = UUID.nameUUIDFromBytes("training_pipeline".getBytes());
        return new Snapshot(UUID.randomUUID(), name, Instant.parse("2026-11-01T10:00:00Z"),
                Instant.parse("2026-11-01T10:00:00Z"), true, false, false, pipelineId,
                new Ref(pipelineId, "training_pipeline"), new Ref(UUID.randomUUID(), "default"),
                null, new Ref(UUID.randomUUID(), "admin"), List.of("nightly"), null, null,
                "Trains the classifier.", null, serverVersion, serverVersion, null,
                List.of("load_data", "train_model", "evaluate"), null,
                metadata.get("config_template"), metadata.get("config_schema"));
    }

    /**
     * Like {@link #snapshot} but dynamic: its schema has pipeline-level {@code parameters}
     * ({@code dataset}, a text, and {@code sample_size}, 10 to 1000), set in its template.
     */
    public static Snapshot dynamicSnapshot(String name) {
        Snapshot s = snapshot(name, SERVER_VERSION);
        ObjectNode template = s.configTemplate().deepCopy();
        template.putObject("parameters").put("dataset", "iris.csv").put("sample_size", 150);
        ObjectNode schema = s.configSchema().deepCopy();
        ObjectNode parameters = schema.with("properties").putObject("parameters");
        parameters.put("type", "object");
        ObjectNode properties = parameters.putObject("properties");
        properties.putObject("dataset").put("type", "string").put("default", "iris.csv")
                .put("description", "The data set to train on.");
        properties.putObject("sample_size").put("type", "integer").put("minimum", 10)
                .put("maximum", 1000).put("default", 150);
        return new Snapshot(s.id(), s.name(), s.created(), s.updated(), s.runnable(),
                s.deployable(), true, s.pipelineId(), s.pipeline(), s.stack(), s.build(),
                s.user(), s.tags(), s.latestRunId(), s.latestRunStatus(), s.description(),
                s.runNameTemplate(), s.serverVersion(), s.clientVersion(), s.sourceSnapshotId(),
                s.stepNames(), s.pipelineConfiguration(), template, schema);
    }

    public synchronized Snapshot add(Snapshot snapshot) {
        snapshots.put(snapshot.id(), snapshot);
        return snapshot;
    }

    public synchronized Pipeline addPipeline(String name) {
        Pipeline pipeline = new Pipeline(UUID.nameUUIDFromBytes(name.getBytes()), name,
                Instant.now(), Instant.now(), null, null, null, null, List.of(), null);
        pipelines.put(pipeline.id(), pipeline);
        return pipeline;
    }

    /** A finished run of {@code pipeline} whose own (anonymous) snapshot is {@code snapshot}. */
    public synchronized PipelineRun addRun(Pipeline pipeline, Snapshot snapshot, String name) {
        PipelineRun run = new PipelineRun(UUID.randomUUID(), name, Instant.now(), Instant.now(),
                ExecutionStatus.COMPLETED, false, null, runs.size() + 1, pipeline.id(),
                new Ref(pipeline.id(), pipeline.name()), new Ref(snapshot.id(), snapshot.name()),
                null, null, null, List.of(), List.of(), null, null, null, null);
        runs.put(run.id(), run);
        return run;
    }

    public synchronized void setConnection(ConnectionInfo info) {
        this.connection = info;
    }

    public synchronized void failNextTrigger(RuntimeException failure) {
        this.nextTriggerFailure = failure;
    }

    /** Makes {@link #triggerRun} wait until {@link #releaseTriggers()}, to look at "Starting". */
    public void holdTriggers() {
        triggerGate = new CountDownLatch(1);
    }

    public void releaseTriggers() {
        triggerGate.countDown();
    }

    public synchronized List<String> calls() {
        return calls;
    }

    /** The run configurations sent by {@link #triggerRun}, in order. */
    public synchronized List<JsonNode> triggered() {
        return triggered;
    }

    public synchronized Optional<Snapshot> find(UUID id) {
        return Optional.ofNullable(snapshots.get(id));
    }

    public synchronized List<Snapshot> all() {
        return List.copyOf(snapshots.values());
    }

    @Override
    public synchronized ConnectionInfo connection() {
        return connection;
    }

    @Override
    public synchronized Page<Pipeline> pipelines(PipelineQuery query) {
        calls.add("pipelines");
        return page(List.copyOf(pipelines.values()));
    }

    @Override
    public synchronized Pipeline pipeline(String nameOrId) {
        return pipelines.values().stream().filter(p -> p.name().equals(nameOrId)).findFirst()
                .orElseThrow(() -> new NotFoundException(404, "KeyError", nameOrId));
    }

    @Override
    public synchronized Page<PipelineRun> runs(RunQuery query) {
        calls.add("runs");
        return page(List.copyOf(runs.values()));
    }

    @Override
    public synchronized PipelineRun run(String nameOrId) {
        throw new UnsupportedOperationException("not used by these screens");
    }

    @Override
    public synchronized PipelineRun run(UUID id) {
        calls.add("run " + id);
        PipelineRun run = runs.get(id);
        if (run == null) {
            throw new NotFoundException(404, "KeyError", "no run " + id);
        }
        return run;
    }

    @Override
    public synchronized List<StepRun> steps(UUID runId) {
        return List.of();
    }

    @Override
    public synchronized RunDag dag(UUID runId) {
        throw new UnsupportedOperationException("not used by these screens");
    }

    @Override
    public synchronized List<LogEntry> stepLog(StepRun step) {
        return List.of();
    }

    @Override
    public synchronized LogChunk stepLog(StepRun step, long offset) {
        return new LogChunk(stepLog(step), OptionalLong.empty());
    }

    @Override
    public synchronized void stopRun(UUID runId, boolean graceful) {
        calls.add("stop " + runId);
    }

    @Override
    public synchronized void deleteRun(UUID runId) {
        runs.remove(runId);
    }

    @Override
    public synchronized Page<Snapshot> snapshots(SnapshotQuery query) {
        calls.add("snapshots");
        return page(snapshots.values().stream().filter(s -> s.name() != null).toList());
    }

    @Override
    public synchronized Snapshot snapshot(String nameOrId) {
        return snapshots.values().stream().filter(s -> nameOrId.equals(s.name())).findFirst()
                .orElseThrow(() -> new NotFoundException(404, "KeyError", nameOrId));
    }

    @Override
    public synchronized Snapshot snapshot(UUID id) {
        calls.add("snapshot " + id);
        Snapshot found = snapshots.get(id);
        if (found == null) {
            throw new NotFoundException(404, "KeyError", "no snapshot " + id);
        }
        return found;
    }

    @Override
    public synchronized Snapshot snapshotFromRun(UUID runId, String name, String description,
            List<String> tags, boolean replace) {
        calls.add("snapshotFromRun " + name + (replace ? " replace" : ""));
        PipelineRun run = run(runId);
        Snapshot own = snapshot(run.snapshot().id());
        takeName(own, name, replace);
        Snapshot named = copy(own, s -> name, s -> description, s -> tags);
        snapshots.put(named.id(), named);
        return named;
    }

    /** Records the call; a folder named "missing" does not exist. */
    @Override
    public synchronized Snapshot snapshotFromFolder(String folder, String name,
            String description, JsonNode config, UUID stackId, boolean replace) {
        calls.add("snapshotFromFolder " + folder + " " + name + (replace ? " replace" : ""));
        folderConfigs.add(config);
        if (folder.equals("missing")) {
            throw new NotFoundException(404, "KeyError", "No pipeline folder " + folder);
        }
        Snapshot made = copy(snapshot(name, SERVER_VERSION), s -> null, s -> description,
                s -> List.of());
        snapshots.put(made.id(), made);
        takeName(made, name, replace);
        Snapshot named = copy(made, s -> name, s -> description, s -> List.of());
        snapshots.put(named.id(), named);
        return named;
    }

    /** The configurations sent by {@link #snapshotFromFolder}, in order (null when none). */
    public synchronized List<JsonNode> folderConfigs() {
        return folderConfigs;
    }

    @Override
    public synchronized Snapshot updateSnapshot(UUID id, SnapshotUpdate update) {
        calls.add("updateSnapshot " + id);
        Snapshot current = snapshot(id);
        JsonNode body = updateBody(update);
        String name = body.has("name") ? body.get("name").asText() : current.name();
        takeName(current, name, body.path("replace").asBoolean(false));
        List<String> tags = new ArrayList<>(current.tags());
        body.path("add_tags").forEach(tag -> tags.add(tag.asText()));
        body.path("remove_tags").forEach(tag -> tags.remove(tag.asText()));
        String description = body.has("description") ? body.get("description").asText()
                : current.description();
        Snapshot updated = copy(current, s -> name, s -> description, s -> tags);
        snapshots.put(id, updated);
        return updated;
    }

    private void takeName(Snapshot target, String name, boolean replace) {
        for (Snapshot other : List.copyOf(snapshots.values())) {
            if (!other.id().equals(target.id()) && name.equals(other.name())
                    && other.pipelineId().equals(target.pipelineId())) {
                if (!replace) {
                    throw new ConflictException(409, "EntityExistsError",
                            "A snapshot named " + name + " exists in this pipeline.");
                }
                snapshots.put(other.id(), copy(other, s -> null, Snapshot::description,
                        Snapshot::tags));
            }
        }
    }

    /** What the client would send for {@code update}, read back through its JSON. */
    private static JsonNode updateBody(SnapshotUpdate update) {
        try {
            var method = SnapshotUpdate.class.getDeclaredMethod("toJson");
            method.setAccessible(true);
            return (JsonNode) method.invoke(update);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("SnapshotUpdate.toJson is not reachable", e);
        }
    }

    @Override
    public synchronized void deleteSnapshot(UUID id) {
        calls.add("deleteSnapshot " + id);
        if (snapshots.remove(id) == null) {
            throw new NotFoundException(404, "KeyError", "no snapshot " + id);
        }
    }

    @Override
    public PipelineRun triggerRun(UUID snapshotId, JsonNode runConfiguration) {
        try {
            // Waits outside the lock, so the screen can still ask for the connection meanwhile.
            triggerGate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the trigger was held", e);
        }
        return trigger(snapshotId, runConfiguration);
    }

    private synchronized PipelineRun trigger(UUID snapshotId, JsonNode runConfiguration) {
        calls.add("triggerRun " + snapshotId);
        if (nextTriggerFailure != null) {
            RuntimeException failure = nextTriggerFailure;
            nextTriggerFailure = null;
            throw failure;
        }
        triggered.add(runConfiguration);
        Snapshot snapshot = snapshot(snapshotId);
        Pipeline pipeline = pipelines.computeIfAbsent(snapshot.pipelineId(), id ->
                new Pipeline(id, "training_pipeline", Instant.now(), Instant.now(), null, null,
                        null, null, List.of(), null));
        return addRun(pipeline, snapshot, "triggered-" + triggered.size());
    }

    @Override
    public synchronized Optional<Stack> stack(UUID id) {
        return Optional.empty();
    }

    @Override
    public synchronized Stack stack(String nameOrId) {
        throw new UnsupportedOperationException("not used by these screens");
    }

    @Override
    public ServiceAccounts serviceAccounts() {
        throw new UnsupportedOperationException("no screen manages service accounts");
    }

    @Override
    public synchronized void close() {
        calls.add("close");
    }

    private static <T> Page<T> page(List<T> items) {
        return new Page<>(1, Math.max(1, items.size()), 1, items.size(), items);
    }

    private static Snapshot copy(Snapshot s, Function<Snapshot, String> name,
            Function<Snapshot, String> description, Function<Snapshot, List<String>> tags) {
        return new Snapshot(s.id(), name.apply(s), s.created(), Instant.now(), s.runnable(),
                s.deployable(), s.dynamic(), s.pipelineId(), s.pipeline(), s.stack(), s.build(),
                s.user(), List.copyOf(tags.apply(s)), s.latestRunId(), s.latestRunStatus(),
                description.apply(s), s.runNameTemplate(), s.serverVersion(), s.clientVersion(),
                s.sourceSnapshotId(), s.stepNames(), s.pipelineConfiguration(),
                s.configTemplate(), s.configSchema());
    }
}
