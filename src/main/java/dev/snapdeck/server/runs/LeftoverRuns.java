package dev.snapdeck.server.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.snapdeck.server.http.Json;
import dev.snapdeck.server.orchestrator.ProcessTrees;
import dev.snapdeck.server.store.Store;
import dev.snapdeck.server.store.Times;

/**
 * What a server that was killed left behind: runs still marked in progress, and the processes of
 * their running steps, which outlive the server because their output goes to files. At the next
 * start each such process is ended (only when its pid and start instant both match, so a pid the
 * OS has since handed to another program is never touched), and the steps and runs are marked
 * failed with a line in their logs that says why; the steps that never started are skipped.
 */
final class LeftoverRuns {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverRuns.class);
    private static final String RUN_IN_PROGRESS = "('initializing','provisioning','queued','running','retrying',"
            + "'stopping')";
    private static final String STEP_FINISHED = "('completed','failed','cached','retried','stopped','skipped')";
    private static final String RUN_REASON = "The Snapdeck server stopped while this run was in progress.";
    /** How long to wait for a killed process to be gone before moving on. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Store store;
    private final RunLog runLog;

    LeftoverRuns(Store store, RunLog runLog) {
        this.store = store;
        this.runLog = runLog;
    }

    /** Ends leftover step processes, then marks their steps and runs failed. @return how many runs */
    int reconcile() {
        List<Map<String, Object>> steps = store.transaction(tx -> tx.query("SELECT s.run_id, s.name, s.pid, "
                + "s.pid_started, s.log_file FROM step_runs s JOIN runs r ON r.id = s.run_id WHERE r.status IN "
                + RUN_IN_PROGRESS + " AND s.status NOT IN " + STEP_FINISHED));
        for (Map<String, Object> step : steps) {
            String outcome = endProcess(step);
            String line = "The server stopped while step " + step.get("name") + " ran; " + outcome
                    + ". Step marked failed.";
            appendStepLog(step.get("log_file"), "[snapdeck] " + line + "\n");
            runLog.append((String) step.get("run_id"), line);
        }
        Set<String> runIds = new LinkedHashSet<>(store.transaction(tx -> tx.query(
                "SELECT id FROM runs WHERE status IN " + RUN_IN_PROGRESS)).stream()
                .map(row -> (String) row.get("id")).toList());
        int count = store.transaction(tx -> {
            String now = Times.now();
            tx.update("UPDATE step_runs SET status = 'failed', end_time = ?, updated = ? WHERE status NOT IN "
                    + STEP_FINISHED + " AND run_id IN (SELECT id FROM runs WHERE status IN " + RUN_IN_PROGRESS + ")",
                    now, now);
            // The steps that never started are skipped, as when a run is stopped.
            for (String runId : runIds) {
                Set<String> started = new LinkedHashSet<>(tx.query("SELECT name FROM step_runs WHERE run_id = ?",
                        runId).stream().map(row -> (String) row.get("name")).toList());
                Optional<Map<String, Object>> spec = tx.one("SELECT sn.pipeline_spec FROM runs r JOIN snapshots sn "
                        + "ON sn.id = r.snapshot_id WHERE r.id = ?", runId);
                for (JsonNode step : spec.map(row -> Json.parse(row.get("pipeline_spec")).path("steps"))
                        .orElse(Json.array())) {
                    String name = step.path("invocation_id").asText();
                    if (!name.isEmpty() && !started.contains(name)) {
                        tx.update("INSERT INTO step_runs (id, run_id, name, status, version, end_time, logs_id, "
                                + "parameters, created, updated) VALUES (?,?,?,'skipped',1,?,?,'{}',?,?)",
                                UUID.randomUUID().toString(), runId, name, now, UUID.randomUUID().toString(), now,
                                now);
                    }
                }
            }
            return tx.update("UPDATE runs SET status = 'failed', status_reason = ?, end_time = ?, updated = ? "
                    + "WHERE status IN " + RUN_IN_PROGRESS, RUN_REASON, now, now);
        });
        runIds.forEach(runId -> runLog.append(runId, "Run failed: " + RUN_REASON));
        return count;
    }

    /** Ends the step's recorded process when it still runs; says what happened, for the logs. */
    private static String endProcess(Map<String, Object> step) {
        Object pid = step.get("pid");
        Object started = step.get("pid_started");
        if (pid == null) {
            return "no process of it was recorded";
        }
        if (started == null) {
            return "its process (pid " + pid + ") was left alone: its start time is unknown, so it cannot be "
                    + "told apart from a later process that got the same pid";
        }
        Optional<ProcessHandle> process = ProcessTrees.find(((Number) pid).longValue(),
                Instant.ofEpochMilli(((Number) started).longValue()));
        if (process.isEmpty()) {
            return "its process (pid " + pid + ") had already ended";
        }
        if (ProcessTrees.killAndWait(process.get(), PATIENCE)) {
            LOG.warn("Ended process {} of step {} of run {}, left running by the previous server", pid,
                    step.get("name"), step.get("run_id"));
            return "its process (pid " + pid + ") and the processes it started were ended";
        }
        LOG.warn("Process {} of step {} of run {} did not end when killed", pid, step.get("name"),
                step.get("run_id"));
        return "its process (pid " + pid + ") was killed but had not ended " + PATIENCE.toSeconds() + " s later";
    }

    private static void appendStepLog(Object logFile, String text) {
        if (logFile == null) {
            return;
        }
        try {
            Files.writeString(Path.of((String) logFile), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.warn("Could not append to {}", logFile, e);
        }
    }

    /** Where lines for a run's own log go. */
    @FunctionalInterface
    interface RunLog {
        void append(String runId, String line);
    }
}
