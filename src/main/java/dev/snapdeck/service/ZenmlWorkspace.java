package dev.snapdeck.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import dev.snapdeck.api.LogChunk;
import dev.snapdeck.api.LogEntry;
import dev.snapdeck.api.LogSource;
import dev.snapdeck.api.NotFoundException;
import dev.snapdeck.api.Page;
import dev.snapdeck.api.Pipeline;
import dev.snapdeck.api.PipelineQuery;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.RunDag;
import dev.snapdeck.api.RunQuery;
import dev.snapdeck.api.Snapshot;
import dev.snapdeck.api.SnapshotQuery;
import dev.snapdeck.api.SnapshotUpdate;
import dev.snapdeck.api.Stack;
import dev.snapdeck.api.StackQuery;
import dev.snapdeck.api.StepRun;
import dev.snapdeck.api.ZenmlClient;

/** {@link Workspace} over the ZenML REST client; works with ZenML and the local server alike. */
final class ZenmlWorkspace implements Workspace {

    private static final int MATCHES_SHOWN = 10;

    private final ZenmlClient client;
    private final ConnectionInfo connection;
    private final AutoCloseable onClose;

    ZenmlWorkspace(ZenmlClient client, ConnectionInfo connection, AutoCloseable onClose) {
        this.client = client;
        this.connection = connection;
        this.onClose = onClose;
    }

    ZenmlClient client() {
        return client;
    }

    @Override
    public ConnectionInfo connection() {
        return connection;
    }

    @Override
    public Page<Pipeline> pipelines(PipelineQuery query) {
        return client.pipelines(query);
    }

    @Override
    public Pipeline pipeline(String nameOrId) {
        return resolve("pipeline", nameOrId, client::pipeline,
                name -> client.pipelines(new PipelineQuery().filter("name", name)).items(),
                prefix -> client.pipelines(idPrefix(new PipelineQuery(), prefix)).items(),
                Pipeline::id, Pipeline::name);
    }

    @Override
    public Page<PipelineRun> runs(RunQuery query) {
        return client.runs(query);
    }

    @Override
    public PipelineRun run(String nameOrId) {
        return resolve("run", nameOrId, client::run,
                name -> client.runs(new RunQuery().filter("name", name)).items(),
                prefix -> client.runs(idPrefix(new RunQuery(), prefix)).items(),
                PipelineRun::id, PipelineRun::name);
    }

    @Override
    public PipelineRun run(UUID id) {
        return client.run(id);
    }

    @Override
    public List<StepRun> steps(UUID runId) {
        return client.runSteps(runId);
    }

    @Override
    public RunDag dag(UUID runId) {
        return client.runDag(runId);
    }

    @Override
    public List<LogEntry> stepLog(StepRun step) {
        return logSource(step).map(source -> client.stepLogs(step.id(), source.id()))
                .orElse(List.of());
    }

    @Override
    public LogChunk stepLog(StepRun step, long offset) {
        return logSource(step).map(source -> client.stepLogs(step.id(), source.id(), offset))
                .orElse(new LogChunk(List.of(), OptionalLong.empty()));
    }

    /** The step's log source; a step run listed without its resources is fetched whole. */
    private Optional<LogSource> logSource(StepRun step) {
        List<LogSource> sources = step.logCollection();
        if (sources == null || sources.isEmpty()) {
            sources = client.step(step.id()).logCollection();
        }
        return sources == null || sources.isEmpty() ? Optional.empty()
                : Optional.of(sources.get(0));
    }

    @Override
    public void stopRun(UUID runId, boolean graceful) {
        client.stopRun(runId, graceful);
    }

    @Override
    public void deleteRun(UUID runId) {
        client.deleteRun(runId);
    }

    @Override
    public Page<Snapshot> snapshots(SnapshotQuery query) {
        return client.snapshots(query);
    }

    @Override
    public Snapshot snapshot(String nameOrId) {
        return resolve("snapshot", nameOrId, client::snapshot,
                name -> client.snapshots(new SnapshotQuery().namedOnly().name(name)).items(),
                prefix -> client.snapshots(idPrefix(new SnapshotQuery(), prefix)).items(),
                Snapshot::id, snapshot -> snapshot.name() == null
                        ? snapshot.id().toString() : snapshot.name());
    }

    @Override
    public Snapshot snapshot(UUID id) {
        return client.snapshot(id);
    }

    @Override
    public Snapshot snapshotFromRun(UUID runId, String name, String description,
            List<String> tags, boolean replace) {
        PipelineRun run = client.run(runId);
        if (run.snapshot() == null) {
            throw new IllegalStateException("Run " + run.name() + " has no snapshot to name.");
        }
        SnapshotUpdate update = new SnapshotUpdate().name(name);
        if (description != null && !description.isBlank()) {
            update.description(description);
        }
        tags.forEach(update::addTag);
        if (replace) {
            update.replace();
        }
        return client.updateSnapshot(run.snapshot().id(), update);
    }

    @Override
    public Snapshot snapshotFromFolder(String folder, String name, String description,
            JsonNode config, UUID stackId, boolean replace) {
        return client.snapdeckSnapshotFromFolder(folder, name, description, List.of(), config,
                stackId, replace);
    }

    @Override
    public Snapshot updateSnapshot(UUID id, SnapshotUpdate update) {
        return client.updateSnapshot(id, update);
    }

    @Override
    public void deleteSnapshot(UUID id) {
        client.deleteSnapshot(id);
    }

    @Override
    public PipelineRun triggerRun(UUID snapshotId, JsonNode runConfiguration) {
        return client.triggerRun(snapshotId, runConfiguration);
    }

    @Override
    public Optional<Stack> stack(UUID id) {
        try {
            return Optional.of(client.stack(id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public Stack stack(String nameOrId) {
        try {
            return resolve("stack", nameOrId, client::stack,
                    name -> client.stacks(new StackQuery().filter("name", name)).items(),
                    prefix -> client.stacks(idPrefix(new StackQuery(), prefix)).items(),
                    Stack::id, Stack::name);
        } catch (NoSuchThingException e) {
            List<String> existing = client.stacks(new StackQuery().sortBy("asc:name")
                    .size(MATCHES_SHOWN)).items().stream().map(Stack::name).toList();
            throw new NoSuchThingException("stack", nameOrId, existing);
        }
    }

    @Override
    public ServiceAccounts serviceAccounts() {
        return new ZenmlServiceAccounts(client);
    }

    @Override
    public void close() {
        client.close();
        try {
            onClose.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not close the connection cleanly", e);
        }
    }

    /**
     * Finds one thing by full id, else by exact name and id prefix together. ZenML's CLI lets a
     * name win over an id prefix, so a run named like the start of another run's id would
     * silently stand in for it; here a name that is also a prefix of another thing's id is
     * ambiguous, and an error lists both, as several names or several prefix matches are.
     */
    private static <T> T resolve(String what, String given, Function<UUID, T> byId,
            Function<String, List<T>> byName, Function<String, List<T>> byPrefix,
            Function<T, UUID> idOf, Function<T, String> nameOf) {
        Optional<UUID> id = parseUuid(given);
        if (id.isPresent()) {
            return byId.apply(id.get());
        }

        Map<UUID, T> matches = new LinkedHashMap<>();
        byName.apply(given).forEach(t -> matches.putIfAbsent(idOf.apply(t), t));
        if (isIdPrefix(given)) {
            byPrefix.apply(given.toLowerCase()).forEach(t -> matches.putIfAbsent(idOf.apply(t), t));
        }
        if (matches.size() == 1) {
            return byId.apply(matches.keySet().iterator().next());
        }
        if (matches.size() > 1) {
            throw ambiguous(what, given, List.copyOf(matches.values()), idOf, nameOf);
        }
        throw new NoSuchThingException(what, given);
    }

    private static <T> AmbiguousNameException ambiguous(String what, String given, List<T> found,
            Function<T, UUID> idOf, Function<T, String> nameOf) {
        List<String> shown = new ArrayList<>();
        found.stream().limit(MATCHES_SHOWN)
                .forEach(t -> shown.add(nameOf.apply(t) + " (" + idOf.apply(t) + ")"));
        return new AmbiguousNameException(what, given, shown);
    }

    private static <Q extends dev.snapdeck.api.ListQuery<Q>> Q idPrefix(Q query, String prefix) {
        return query.filter("id", "startswith:" + prefix).size(MATCHES_SHOWN + 1);
    }

    private static boolean isIdPrefix(String text) {
        return text.length() >= 4 && text.matches("[0-9a-fA-F-]+");
    }

    private static Optional<UUID> parseUuid(String text) {
        if (text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
