package dev.snapdeck.cli;

import java.util.List;
import java.util.Map;

import dev.snapdeck.api.ApiKey;
import dev.snapdeck.api.Page;
import dev.snapdeck.api.Pipeline;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.Ref;
import dev.snapdeck.api.ServiceAccount;
import dev.snapdeck.api.Snapshot;
import dev.snapdeck.api.StepRun;

/** The fields each kind of thing shows in lists; the names are the JSON keys scripts read. */
final class Rows {

    static final List<String> PIPELINE_COLUMNS = List.of("id", "name", "latest_run_status",
            "updated");
    static final List<String> RUN_COLUMNS = List.of("id", "name", "pipeline", "status",
            "snapshot", "created");
    static final List<String> SNAPSHOT_COLUMNS = List.of("id", "name", "pipeline", "stack",
            "runnable", "latest_run_status", "created");
    static final List<String> SERVICE_ACCOUNT_COLUMNS = List.of("id", "name", "active",
            "created");
    static final List<String> STEP_COLUMNS = List.of("step", "status", "attempt", "started",
            "ended");

    /** Page size of list commands; more is announced below the table. */
    static final int PAGE_SIZE = 100;

    private Rows() {
    }

    static Map<String, Object> pipeline(Pipeline p) {
        return Output.record("id", p.id(), "name", p.name(), "latest_run_status",
                text(p.latestRunStatus()), "latest_run_id", p.latestRunId(), "tags", p.tags(),
                "created", p.created(), "updated", p.updated());
    }

    static Map<String, Object> run(PipelineRun r) {
        Ref snapshot = r.sourceSnapshot() != null ? r.sourceSnapshot() : r.snapshot();
        return Output.record("id", r.id(), "name", r.name(), "pipeline", name(r.pipeline()),
                "status", text(r.status()), "in_progress", r.inProgress(),
                "snapshot", snapshot == null ? null : snapshot.name() != null ? snapshot.name()
                        : snapshot.id(),
                "snapshot_id", snapshot == null ? null : snapshot.id(),
                "stack", name(r.stack()), "user", name(r.user()), "created", r.created(),
                "updated", r.updated());
    }

    static Map<String, Object> snapshot(Snapshot s) {
        return Output.record("id", s.id(), "name", s.name(), "pipeline", name(s.pipeline()),
                "stack", name(s.stack()), "runnable", s.runnable(),
                "latest_run_status", text(s.latestRunStatus()), "latest_run_id", s.latestRunId(),
                "tags", s.tags(), "user", name(s.user()), "created", s.created(),
                "updated", s.updated());
    }

    static Map<String, Object> serviceAccount(ServiceAccount a) {
        return Output.record("id", a.id(), "name", a.name(), "active", a.active(),
                "description", a.description(), "created", a.created(), "updated", a.updated());
    }

    /** Whose key it is, the start of what the key commands print for scripts. */
    static Map<String, Object> keyOwner(ServiceAccount a) {
        return Output.record("service_account_id", a.id(), "service_account", a.name());
    }

    /** A key's fields; {@code key}, the secret, only where the server just made one. */
    static Map<String, Object> apiKey(ApiKey k) {
        Map<String, Object> row = Output.record("id", k.id(), "name", k.name(),
                "active", k.active(), "created", k.created(), "last_rotated", k.lastRotated());
        if (k.key() != null) {
            row.put("key", k.key());
        }
        return row;
    }

    static Map<String, Object> step(StepRun s) {
        return Output.record("step", s.name(), "id", s.id(), "status", text(s.status()),
                "attempt", s.version(), "started", s.startTime(), "ended", s.endTime());
    }

    /** "Showing 100 of 340." when the page is not everything; empty otherwise. */
    static String more(Page<?> page) {
        return page.hasNext() ? "Showing " + page.items().size() + " of " + page.total() + "."
                : "";
    }

    /** The snapshot's name, or its id when it has none. */
    static String label(Snapshot s) {
        return s.name() != null ? s.name() : s.id().toString();
    }

    static String name(Ref ref) {
        if (ref == null) {
            return null;
        }
        return ref.name() != null ? ref.name() : ref.id() == null ? null : ref.id().toString();
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
