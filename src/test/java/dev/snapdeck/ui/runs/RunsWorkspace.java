package dev.snapdeck.ui.runs;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.api.LogChunk;
import dev.snapdeck.api.LogEntry;
import dev.snapdeck.api.Page;
import dev.snapdeck.api.Pipeline;
import dev.snapdeck.api.PipelineQuery;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.QueryParams;
import dev.snapdeck.api.Ref;
import dev.snapdeck.api.RunDag;
import dev.snapdeck.api.RunQuery;
import dev.snapdeck.api.ServerUnreachableException;
import dev.snapdeck.api.Snapshot;
import dev.snapdeck.api.SnapshotQuery;
import dev.snapdeck.api.SnapshotUpdate;
import dev.snapdeck.api.Stack;
import dev.snapdeck.api.StepRun;
import dev.snapdeck.service.ConnectionInfo;
import dev.snapdeck.service.ServiceAccounts;
import dev.snapdeck.service.Workspace;
import dev.snapdeck.ui.testing.FakeWorkspace;

/**
 * An in-memory workspace that pages, filters and sorts runs and pipelines the way the server
 * does (desc:created, page/size, status oneof, pipeline_id, snapshot_id, name contains, created
 * lte), so paging behaviour can be tested without a server.
 */
public final class RunsWorkspace implements Workspace {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter FILTER_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public final List<PipelineRun> runs = new CopyOnWriteArrayList<>();
    public final List<Pipeline> pipelines = new CopyOnWriteArrayList<>();
    public final List<Map<String, String>> runQueries = new CopyOnWriteArrayList<>();
    public final Map<UUID, List<StepRun>> steps = new java.util.concurrent.ConcurrentHashMap<>();
    public final Map<UUID, List<LogEntry>> logs = new java.util.concurrent.ConcurrentHashMap<>();
    public final List<String> stops = new CopyOnWriteArrayList<>();
    public volatile RunDag dag;
    public volatile boolean down;
    private Instant clock = Instant.parse("2026-01-01T10:00:00Z");

    public Pipeline addPipeline(String name) {
        Pipeline pipeline = new Pipeline(UUID.randomUUID(), name, clock, clock, null, null, null,
                null, List.of(), null);
        pipelines.add(pipeline);
        return pipeline;
    }

    /** A run created two seconds after the previous one. */
    public synchronized PipelineRun addRun(Pipeline pipeline, String name, ExecutionStatus status) {
        clock = clock.plusSeconds(2);
        PipelineRun run = run(UUID.randomUUID(), name, clock, status, pipeline, "orchestrator-1");
        runs.add(run);
        return run;
    }

    public static PipelineRun run(UUID id, String name, Instant created, ExecutionStatus status,
            Pipeline pipeline, String orchestratorRunId) {
        JsonNode config = JSON.createObjectNode().put("enable_cache", false);
        return new PipelineRun(id, name, created, created, status, !status.isFinished(), null, 1,
                pipeline == null ? null : pipeline.id(),
                pipeline == null ? null : new Ref(pipeline.id(), pipeline.name()), null, null,
                null, new Ref(UUID.randomUUID(), "admin"), List.of(), List.of(), created,
                status.isFinished() ? created.plusSeconds(3) : null, orchestratorRunId, config);
    }

    /** Replaces the run with the same id. */
    public void update(PipelineRun changed) {
        runs.replaceAll(run -> run.id().equals(changed.id()) ? changed : run);
    }

    public static StepRun step(UUID runId, String name, ExecutionStatus status) {
        Instant start = Instant.parse("2026-01-01T10:00:00Z");
        return new StepRun(UUID.randomUUID(), name, start, start, status, 1, start,
                status.isFinished() ? start.plusSeconds(4) : null, runId, List.of(), null);
    }

    public static LogEntry log(String message) {
        return new LogEntry(message, "step", 20, Instant.now(), null, null, null);
    }

    private void check() {
        if (down) {
            throw new ServerUnreachableException("GET /api/v1/runs",
                    new java.net.ConnectException("Connection refused"));
        }
    }

    @Override
    public ConnectionInfo connection() {
        return FakeWorkspace.connection(true);
    }

    @Override
    public Page<Pipeline> pipelines(PipelineQuery query) {
        check();
        Map<String, String> params = QueryParams.of(query);
        List<Pipeline> matching = pipelines.stream()
                .filter(p -> contains(p.name(), params.get("name")))
                .sorted(Comparator.comparing(Pipeline::name))
                .collect(Collectors.toList());
        return page(matching, params);
    }

    @Override
    public Pipeline pipeline(String nameOrId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<PipelineRun> runs(RunQuery query) {
        check();
        Map<String, String> params = QueryParams.of(query);
        runQueries.add(params);
        List<PipelineRun> matching = runs.stream()
                .filter(run -> params.get("status") == null
                        || params.get("status").contains("\"" + run.status().raw() + "\""))
                .filter(run -> params.get("pipeline_id") == null
                        || params.get("pipeline_id").equals(String.valueOf(run.pipelineId())))
                .filter(run -> contains(run.name(), params.get("name")))
                .filter(run -> createdUpTo(run, params.get("created")))
                .sorted(Comparator.comparing(PipelineRun::created).reversed())
                .collect(Collectors.toList());
        return page(matching, params);
    }

    private static boolean contains(String name, String filter) {
        return filter == null || name.contains(filter.substring("contains:".length()));
    }

    private static boolean createdUpTo(PipelineRun run, String filter) {
        if (filter == null) {
            return true;
        }
        Instant limit = LocalDateTime.parse(filter.substring("lte:".length()), FILTER_TIME)
                .toInstant(ZoneOffset.UTC);
        return !run.created().isAfter(limit);
    }

    private static <T> Page<T> page(List<T> all, Map<String, String> params) {
        int size = Integer.parseInt(params.getOrDefault("size", "20"));
        int index = Integer.parseInt(params.getOrDefault("page", "1"));
        int from = Math.min(all.size(), (index - 1) * size);
        int to = Math.min(all.size(), from + size);
        int pages = Math.max(1, (all.size() + size - 1) / size);
        return new Page<>(index, size, pages, all.size(), new ArrayList<>(all.subList(from, to)));
    }

    @Override
    public PipelineRun run(String nameOrId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PipelineRun run(UUID id) {
        check();
        return runs.stream().filter(run -> run.id().equals(id)).findFirst().orElseThrow();
    }

    @Override
    public List<StepRun> steps(UUID runId) {
        check();
        return List.copyOf(steps.getOrDefault(runId, List.of()));
    }

    @Override
    public RunDag dag(UUID runId) {
        check();
        if (dag == null) {
            throw new UnsupportedOperationException("no DAG");
        }
        return dag;
    }

    @Override
    public List<LogEntry> stepLog(StepRun step) {
        check();
        return List.copyOf(logs.getOrDefault(step.id(), List.of()));
    }

    @Override
    public LogChunk stepLog(StepRun step, long offset) {
        return new LogChunk(stepLog(step), OptionalLong.empty());
    }

    @Override
    public void stopRun(UUID runId, boolean graceful) {
        stops.add(runId + (graceful ? " graceful" : " immediate"));
    }

    @Override
    public void deleteRun(UUID runId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<Snapshot> snapshots(SnapshotQuery query) {
        check();
        return new Page<>(1, 20, 1, 0, List.of());
    }

    @Override
    public Snapshot snapshot(String nameOrId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Snapshot snapshot(UUID id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Snapshot snapshotFromRun(UUID runId, String name, String description,
            List<String> tags, boolean replace) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Snapshot snapshotFromFolder(String folder, String name, String description,
            JsonNode config, UUID stackId, boolean replace) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Snapshot updateSnapshot(UUID id, SnapshotUpdate update) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteSnapshot(UUID id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PipelineRun triggerRun(UUID snapshotId, JsonNode runConfiguration) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Stack> stack(UUID id) {
        return Optional.empty();
    }

    @Override
    public Stack stack(String nameOrId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ServiceAccounts serviceAccounts() {
        throw new UnsupportedOperationException("no screen manages service accounts");
    }

    @Override
    public void close() {
    }
}
