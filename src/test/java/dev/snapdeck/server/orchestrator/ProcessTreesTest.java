package dev.snapdeck.server.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Finding a recorded step process again, never mistaking another process for it, and ending a tree. */
class ProcessTreesTest {

    private static final ProcessHandle SELF = ProcessHandle.current();

    @Test
    void findsTheProcessWithItsPidAndStartInstant() {
        Instant started = SELF.info().startInstant().orElseThrow();

        Optional<ProcessHandle> found = ProcessTrees.find(SELF.pid(), started);

        assertEquals(Optional.of(SELF.pid()), found.map(ProcessHandle::pid));
    }

    @Test
    void aPidThatStartedAtAnotherInstantIsAnotherProcess() {
        Instant earlier = SELF.info().startInstant().orElseThrow().minusSeconds(60);

        Optional<ProcessHandle> found = ProcessTrees.find(SELF.pid(), earlier);

        assertTrue(found.isEmpty());
    }

    @Test
    void killAndWaitEndsAProcessAndWhatItStarted() throws Exception {
        assumeFalse(System.getProperty("os.name").toLowerCase().startsWith("windows"), "uses sh and sleep");
        Process shell = new ProcessBuilder("sh", "-c", "sleep 600 & echo started; wait").start();
        try {
            shell.getInputStream().read();
            ProcessHandle child = shell.descendants().findFirst().orElseThrow();

            boolean ended = ProcessTrees.killAndWait(shell.toHandle(), Duration.ofSeconds(30));
            child.onExit().get(30, TimeUnit.SECONDS);

            assertTrue(ended);
            assertFalse(shell.isAlive());
            assertFalse(child.isAlive());
        } finally {
            shell.descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly();
        }
    }
}
