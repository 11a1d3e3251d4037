package dev.snapdeck.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.api.Pipeline;
import dev.snapdeck.ui.runs.RunsWorkspace;
import dev.snapdeck.ui.testing.FakeShell;

class CloseGuardTest {

    private final RunsWorkspace workspace = new RunsWorkspace();
    private final Pipeline training = workspace.addPipeline("training");
    private final FakeShell shell = new FakeShell();

    @Test
    void countsOnlyTheRunsStillGoing() {
        workspace.addRun(training, "done", ExecutionStatus.COMPLETED);
        workspace.addRun(training, "broken", ExecutionStatus.FAILED);
        workspace.addRun(training, "training", ExecutionStatus.RUNNING);
        workspace.addRun(training, "starting", ExecutionStatus.INITIALIZING);

        assertEquals(2, CloseGuard.runsGoing(workspace));
    }

    @Test
    void closesWithoutAskingWhenNothingIsGoing() {
        assertTrue(CloseGuard.mayClose(0, shell));
        assertEquals(List.of(), shell.questions);
    }

    @Test
    void asksWhenRunsAreGoingAndStaysOpenOnNo() {
        shell.answers.add(false);

        boolean closes = CloseGuard.mayClose(1, shell);

        assertFalse(closes);
        assertEquals(List.of("1 run is still going on the local server. Closing Snapdeck stops the "
                + "server and that run with it; its log so far is kept."), shell.questions);
    }

    @Test
    void closesWhenTheUserSaysSo() {
        shell.answers.add(true);

        assertTrue(CloseGuard.mayClose(3, shell));
        assertTrue(shell.questions.get(0).startsWith("3 runs are still going"), shell.questions.get(0));
    }
}
