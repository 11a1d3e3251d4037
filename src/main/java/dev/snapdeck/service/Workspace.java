package dev.snapdeck.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.snapdeck.api.LogChunk;
import dev.snapdeck.api.LogEntry;
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
import dev.snapdeck.api.StepRun;

/**
 * Everything the dashboard and the CLI do with a connected server. Every method blocks until the
 * server answered, so view-models call it through {@link BackgroundExecutor}; failures are the
 * client's {@link dev.snapdeck.api.ZenmlException}s plus {@link NoSuchThingException} and
 * {@link AmbiguousNameException} for names the user typed.
 */
public interface Workspace extends AutoCloseable {

    /** The server, its capabilities and the signed-in user, as found when connecting. */
    ConnectionInfo connection();

    Page<Pipeline> pipelines(PipelineQuery query);

    /** A pipeline by id, full name or unique id prefix. */
    Pipeline pipeline(String nameOrId);

    Page<PipelineRun> runs(RunQuery query);

    /** A run, hydrated, by id, full name or unique id prefix. */
    PipelineRun run(String nameOrId);

    PipelineRun run(UUID id);

    /** The run's step runs, oldest first; steps that have not started are absent. */
    List<StepRun> steps(UUID runId);

    RunDag dag(UUID runId);

    /** The log of a step run; empty when the step has no log source yet. */
    List<LogEntry> stepLog(StepRun step);

    /**
     * A step run's log from byte {@code offset} on, for following a log as it grows: Snapdeck's
     * local server answers the next piece and where the one after starts; a ZenML server
     * answers the whole log and no next offset. Empty when the step has no log source yet.
     */
    LogChunk stepLog(StepRun step, long offset);

    /** Asks the server to stop a run; {@code graceful} lets running steps finish. */
    void stopRun(UUID runId, boolean graceful);

    void deleteRun(UUID runId);

    Page<Snapshot> snapshots(SnapshotQuery query);

    /** A snapshot, hydrated with its template and schema, by id, name or unique id prefix. */
    Snapshot snapshot(String nameOrId);

    Snapshot snapshot(UUID id);

    /**
     * ZenML's "New Snapshot" from a run: names the run's own snapshot.
     *
     * @param replace take the name from another snapshot of the pipeline that has it
     * @throws dev.snapdeck.api.ConflictException when the name is taken and replace is false
     */
    Snapshot snapshotFromRun(UUID runId, String name, String description, List<String> tags,
            boolean replace);

    /**
     * Snapdeck's local server only: freezes the pipeline folder {@code folder} of the server's
     * pipelines folder as a snapshot named {@code name}.
     *
     * @param config run configuration frozen into it; null keeps the folder's defaults
     * @param stackId the stack to freeze it for; null for the server's default stack
     * @throws dev.snapdeck.api.NotFoundException when there is no such folder, or the server is
     *     a ZenML server (which has no such route)
     * @throws dev.snapdeck.api.ConflictException when the name is taken and replace is false
     */
    Snapshot snapshotFromFolder(String folder, String name, String description,
            JsonNode config, UUID stackId, boolean replace);

    Snapshot updateSnapshot(UUID id, SnapshotUpdate update);

    void deleteSnapshot(UUID id);

    /**
     * Triggers a run of the snapshot with {@code runConfiguration} (null or empty: as frozen).
     * Never re-sent automatically.
     *
     * @throws dev.snapdeck.api.SnapshotsNotRunnableException when the server cannot run snapshots
     */
    PipelineRun triggerRun(UUID snapshotId, JsonNode runConfiguration);

    Optional<Stack> stack(UUID id);

    /**
     * A stack by id, full name or unique id prefix.
     *
     * @throws NoSuchThingException when none matches; its message lists the server's stacks
     */
    Stack stack(String nameOrId);

    /** The server's service accounts and their API keys. */
    ServiceAccounts serviceAccounts();

    @Override
    void close();
}
