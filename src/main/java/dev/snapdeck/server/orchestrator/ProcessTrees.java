package dev.snapdeck.server.orchestrator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ending a step's process together with everything it started. A step is often a shell or an
 * interpreter that starts children of its own, and killing only the top process would leave them
 * running with nobody waiting for them.
 */
public final class ProcessTrees {

    private ProcessTrees() {
    }

    /** Kills {@code root} and its descendants at once (SIGKILL on Unix); does not wait. */
    public static void kill(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        root.descendants().forEach(tree::add);
        root.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * The live process {@code pid}, but only when it is the one that started at {@code started}
     * (compared to the millisecond): a pid recorded by an earlier server may since have been given
     * to an unrelated process, which must be left alone.
     */
    public static Optional<ProcessHandle> find(long pid, Instant started) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().startInstant()
                        .map(instant -> instant.toEpochMilli() == started.toEpochMilli())
                        .orElse(false));
    }

    /**
     * Kills {@code root} and its descendants and waits up to {@code patience} for {@code root} to
     * be gone.
     *
     * @return whether it ended within that time
     */
    public static boolean killAndWait(ProcessHandle root, Duration patience) {
        kill(root);
        try {
            root.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !root.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !root.isAlive();
        }
    }
}
