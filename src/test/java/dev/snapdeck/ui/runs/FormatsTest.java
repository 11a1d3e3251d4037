package dev.snapdeck.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.Ref;

class FormatsTest {

    private static PipelineRun run(Ref own, Ref source) {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        return new PipelineRun(UUID.randomUUID(), "r", now, now, ExecutionStatus.COMPLETED, false,
                null, 1, null, null, own, source, null, null, List.of(), List.of(), null, null,
                null, null);
    }

    @Test
    void aRunIsNamedAfterTheSnapshotItWasStartedFromEvenOnceItsOwnIsNamed() {
        // Started from iris-nightly; then New Snapshot from this run named its own prod-training.
        PipelineRun run = run(new Ref(UUID.randomUUID(), "prod-training"),
                new Ref(UUID.randomUUID(), "iris-nightly"));

        assertEquals("iris-nightly", Formats.snapshotName(run));
    }

    @Test
    void aRunStartedOtherwiseIsNamedAfterItsOwnSnapshotIfItHasAName() {
        assertEquals("prod-training", Formats.snapshotName(run(new Ref(UUID.randomUUID(),
                "prod-training"), null)));
        assertEquals("", Formats.snapshotName(run(new Ref(UUID.randomUUID(), null), null)));
    }
}
