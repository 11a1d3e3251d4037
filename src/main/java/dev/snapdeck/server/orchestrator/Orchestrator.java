package dev.snapdeck.server.orchestrator;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs pipeline steps as OS processes in DAG order. At most {@code maxParallelSteps} steps of all
 * runs execute at once (each holds one worker thread while its process lives); retry delays wait
 * on a separate timer thread and hold no worker. Results of cacheable steps are kept under
 * {@code cacheRoot}.
 */
public final class Orchestrator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);

    private final StepCache cache;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final Set<RunExecution> active = ConcurrentHashMap.newKeySet();

    /** @throws IllegalArgumentException when {@code maxParallelSteps} is below 1 */
    public Orchestrator(Path cacheRoot, int maxParallelSteps) {
        if (maxParallelSteps < 1) {
            throw new IllegalArgumentException("maxParallelSteps must be at least 1");
        }
        this.cache = new StepCache(cacheRoot);
        this.workers = Executors.newFixedThreadPool(maxParallelSteps, threads("snapdeck-step-"));
        this.timers = Executors.newSingleThreadScheduledExecutor(threads("snapdeck-step-timer-"));
    }

    /**
     * Starts a run and returns at once; the steps run on the orchestrator's threads and report to
     * {@code listener}.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public RunHandle submit(RunPlan plan, RunListener listener) {
        if (workers.isShutdown()) {
            throw new IllegalStateException("the orchestrator is closed");
        }
        RunExecution run = new RunExecution(plan, listener == null ? RunListener.NONE : listener, cache,
                workers, timers);
        active.add(run);
        run.completion().whenComplete((status, error) -> active.remove(run));
        LOG.debug("Run {} submitted with {} steps", plan.runId(), plan.steps().size());
        run.start();
        return run;
    }

    /** The status reason of a run that was still going when the server stopped. */
    static final String SHUT_DOWN = "stopped because the local server shut down";

    /** Stops every run immediately (process trees killed) and releases the threads. */
    @Override
    public void close() {
        for (RunExecution run : active) {
            run.stop(false, SHUT_DOWN);
        }
        timers.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Step workers still busy 30 s after close; interrupting them");
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
