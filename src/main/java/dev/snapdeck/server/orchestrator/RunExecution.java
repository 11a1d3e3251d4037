package dev.snapdeck.server.orchestrator;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run's state machine. Every state change and every listener call happens under this
 * object's lock, so listener calls for a run are ordered; processes are awaited outside it.
 */
final class RunExecution implements RunHandle {

    private static final Logger LOG = LoggerFactory.getLogger(RunExecution.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PENDING = "pending";
    private static final String QUEUED = "queued";
    private static final String RUNNING = "running";
    /**
     * Linux refuses to start a process with any one environment string over 128 KiB; a longer
     * parameter reaches the step only through its parameters file.
     */
    private static final int MAX_ENVIRONMENT_VALUE_BYTES = 100 * 1024;

    private final RunPlan plan;
    private final RunListener listener;
    private final StepCache cache;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final CompletableFuture<String> completion = new CompletableFuture<>();
    private final Map<String, String> statuses = new LinkedHashMap<>();
    private final Map<String, String> cacheKeys = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private String codeHash;
    private boolean stopRequested;
    private String stopReason;
    private boolean killRequested;
    private String failureReason;

    RunExecution(RunPlan plan, RunListener listener, StepCache cache, ExecutorService workers,
            ScheduledExecutorService timers) {
        this.plan = plan;
        this.listener = listener;
        this.cache = cache;
        this.workers = workers;
        this.timers = timers;
        plan.steps().forEach(step -> statuses.put(step.name(), PENDING));
    }

    @Override
    public String runId() {
        return plan.runId();
    }

    @Override
    public CompletableFuture<String> completion() {
        return completion;
    }

    @Override
    public synchronized Map<String, String> stepStatuses() {
        return Map.copyOf(statuses);
    }

    synchronized void start() {
        if (plan.steps().isEmpty()) {
            finishRun();
            return;
        }
        startReadySteps();
    }

    @Override
    public synchronized void stop(boolean graceful, String reason) {
        if (completion.isDone()) {
            return;
        }
        if (!stopRequested) {
            stopReason = reason;
        }
        stopRequested = true;
        killRequested |= !graceful;
        LOG.info("Run {}: stop requested ({})", runId(), graceful ? "graceful" : "immediate");
        for (StepPlan step : plan.steps()) {
            String status = statuses.get(step.name());
            if (status.equals(PENDING) || status.equals(QUEUED)) {
                report(step.name(), 0, ExecutionStatus.SKIPPED, null, null);
            } else if (status.equals(ExecutionStatus.RETRIED)) {
                report(step.name(), 0, ExecutionStatus.STOPPED, null, null);
            }
        }
        if (killRequested) {
            processes.values().forEach(process -> ProcessTrees.kill(process.toHandle()));
        }
        finishRunIfDone();
    }

    private void startReadySteps() {
        for (StepPlan step : plan.steps()) {
            if (!statuses.get(step.name()).equals(PENDING)) {
                continue;
            }
            boolean ready = step.upstream().stream().allMatch(up -> ExecutionStatus.succeeded(statuses.get(up)));
            boolean blocked = step.upstream().stream().anyMatch(up -> ExecutionStatus.FINAL.contains(statuses.get(up))
                    && !ExecutionStatus.succeeded(statuses.get(up)));
            if (blocked || (ready && (stopRequested || (plan.stopOnFailure() && failureReason != null)))) {
                report(step.name(), 0, ExecutionStatus.SKIPPED, null, null);
                return;
            }
            if (ready) {
                statuses.put(step.name(), QUEUED);
                submit(step, 1);
            }
        }
    }

    private void submit(StepPlan step, int attempt) {
        try {
            workers.execute(() -> runAttempt(step, attempt));
        } catch (RejectedExecutionException e) {
            failureReason = "orchestrator closed";
            report(step.name(), attempt, ExecutionStatus.STOPPED, null, null);
        }
    }

    private void runAttempt(StepPlan step, int attempt) {
        Path stepDir = plan.runDir().resolve(step.name());
        Path log = stepDir.resolve("step.log");
        String key;
        synchronized (this) {
            String status = statuses.get(step.name());
            if (!status.equals(QUEUED) && !status.equals(ExecutionStatus.RETRIED)) {
                return;
            }
            statuses.put(step.name(), RUNNING);
        }
        try {
            key = prepare(step, stepDir, attempt);
            if (stoppedBeforeStart(step, attempt)) {
                return;
            }
            if (key != null && attempt == 1 && cache.restore(key, stepDir.resolve("outputs"), log)) {
                synchronized (this) {
                    notifyStarted(step.name(), attempt, log);
                    report(step.name(), attempt, ExecutionStatus.CACHED, null, key);
                }
                return;
            }
            execute(step, attempt, stepDir, log, key);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Run {}: step {} could not run", runId(), step.name(), e);
            appendQuietly(log, "[snapdeck] the step could not run: " + e + "\n");
            synchronized (this) {
                processes.remove(step.name());
                failureReason = "step '" + step.name() + "' could not run: " + e.getMessage();
                report(step.name(), attempt, ExecutionStatus.FAILED, null, null);
            }
        }
    }

    // TODO: folders, parameters.json and the log header cost about 0.4 ms before each process
    // starts, and a one-step run of `true` takes 1.6-2x a direct spawn in OrchestratorBenchmark,
    // above the 1.2x aim (real steps such as `java -version` measure 1.0x); preparing a step's
    // folders while its upstream steps still run would hide most of it.
    private String prepare(StepPlan step, Path stepDir, int attempt) throws IOException {
        Files.createDirectories(stepDir.resolve("work"));
        Files.createDirectories(stepDir.resolve("outputs"));
        if (attempt > 1) {
            return cacheKeyOf(step.name());
        }
        ObjectNode file = JSON.createObjectNode();
        file.set("parameters", step.parameters());
        ObjectNode inputs = file.putObject("inputs");
        for (String upstream : step.upstream()) {
            inputs.put(upstream, outputsOf(upstream).toString());
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(stepDir.resolve("parameters.json").toFile(), file);
        String key = computeCacheKey(step);
        synchronized (this) {
            cacheKeys.put(step.name(), key);
        }
        return key;
    }

    private synchronized String cacheKeyOf(String stepName) {
        return cacheKeys.get(stepName);
    }

    private String computeCacheKey(StepPlan step) throws IOException {
        if (!step.enableCache()) {
            return null;
        }
        Map<String, String> upstreamKeys = new LinkedHashMap<>();
        synchronized (this) {
            for (String upstream : step.upstream()) {
                String upstreamKey = cacheKeys.get(upstream);
                if (upstreamKey == null) {
                    return null;
                }
                upstreamKeys.put(upstream, upstreamKey);
            }
        }
        return StepCache.key(codeHash(), step.command(), step.parameters(), upstreamKeys);
    }

    private synchronized String codeHash() throws IOException {
        if (codeHash == null) {
            codeHash = StepCache.folderHash(plan.codeDir());
        }
        return codeHash;
    }

    private void execute(StepPlan step, int attempt, Path stepDir, Path log, String key) throws IOException {
        List<String> command = Commands.resolve(step.command(), plan.codeDir());
        String header = String.format(Locale.ROOT, "[snapdeck] attempt %d of %d: %s%n", attempt,
                step.retry().maxRetries() + 1, String.join(" ", command));
        Files.write(log, header.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                attempt == 1 ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
        Path workDir = stepDir.resolve("work");
        ProcessBuilder builder = new ProcessBuilder().directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile()));
        for (String name : environment(builder.environment(), step, stepDir)) {
            appendQuietly(log, "[snapdeck] parameter '" + name + "' is too long for an environment variable; "
                    + "read it from SNAPDECK_PARAMETERS_FILE\n");
        }
        builder.command(Commands.inOwnSession(command, workDir, builder.environment().get("PATH")));

        Process process;
        synchronized (this) {
            if (stoppedBeforeStart(step, attempt)) {
                appendQuietly(log, "[snapdeck] not started: the run was stopped first\n");
                return;
            }
            notifyStarted(step.name(), attempt, log);
            process = builder.start();
            processes.put(step.name(), process);
            notifyProcessStarted(step.name(), process);
        }
        process.getOutputStream().close();
        boolean timedOut = !waitFor(process, step);
        finishAttempt(step, attempt, log, key, process, timedOut);
    }

    /**
     * Whether a stop, graceful or not, came after this attempt left the queue but before it
     * started; such an attempt must not start (a stopped run starts nothing new) and is reported
     * here: a first attempt as {@code skipped}, a retry as {@code stopped}.
     */
    private synchronized boolean stoppedBeforeStart(StepPlan step, int attempt) {
        if (!stopRequested) {
            return false;
        }
        if (attempt == 1) {
            report(step.name(), 0, ExecutionStatus.SKIPPED, null, null);
        } else {
            report(step.name(), attempt, ExecutionStatus.STOPPED, null, cacheKeyOf(step.name()));
        }
        return true;
    }

    /** Waits for the process; false when its timeout ran out and its tree was killed. */
    private boolean waitFor(Process process, StepPlan step) {
        try {
            if (step.timeout() == null) {
                process.waitFor();
                return true;
            }
            if (process.waitFor(step.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            ProcessTrees.kill(process.toHandle());
            process.onExit().join();
            return false;
        } catch (InterruptedException e) {
            LOG.warn("Run {}: interrupted while step {} ran; killing it", runId(), step.name());
            ProcessTrees.kill(process.toHandle());
            process.onExit().join();
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void finishAttempt(StepPlan step, int attempt, Path log, String key, Process process,
            boolean timedOut) {
        int exit = process.exitValue();
        synchronized (this) {
            processes.remove(step.name());
            if (killRequested) {
                appendQuietly(log, "[snapdeck] stopped: the run was stopped and the process killed\n");
                report(step.name(), attempt, ExecutionStatus.STOPPED, exit, key);
                return;
            }
        }
        if (!timedOut && exit == 0) {
            storeInCache(step, log, key);
            synchronized (this) {
                report(step.name(), attempt, ExecutionStatus.COMPLETED, 0, key);
            }
            return;
        }
        String why = timedOut ? "timed out after " + step.timeout().toMillis() / 1000.0 + " s; process tree killed"
                : "exit code " + exit;
        appendQuietly(log, "[snapdeck] " + why + "\n");
        synchronized (this) {
            if (attempt <= step.retry().maxRetries() && !stopRequested) {
                report(step.name(), attempt, ExecutionStatus.RETRIED, timedOut ? null : exit, key);
                long delay = step.retry().delayBefore(attempt).toMillis();
                timers.schedule(() -> retry(step, attempt + 1), delay, TimeUnit.MILLISECONDS);
                return;
            }
            failureReason = "step '" + step.name() + "' failed: " + why;
            report(step.name(), attempt, ExecutionStatus.FAILED, timedOut ? null : exit, key);
        }
    }

    private synchronized void retry(StepPlan step, int attempt) {
        if (statuses.get(step.name()).equals(ExecutionStatus.RETRIED)) {
            submit(step, attempt);
        }
    }

    private void storeInCache(StepPlan step, Path log, String key) {
        if (key == null) {
            return;
        }
        try {
            cache.store(key, plan.runDir().resolve(step.name()).resolve("outputs"), log);
        } catch (IOException e) {
            LOG.warn("Run {}: could not cache the outputs of {}", runId(), step.name(), e);
        }
    }

    /** Fills in the step contract's variables; returns the parameters left out for their length. */
    private List<String> environment(Map<String, String> env, StepPlan step, Path stepDir) {
        dropSnapdeckVariables(env);
        env.put("SNAPDECK_RUN_ID", runId());
        env.put("SNAPDECK_STEP_NAME", step.name());
        env.put("SNAPDECK_CODE_DIR", plan.codeDir().toAbsolutePath().toString());
        env.put("SNAPDECK_OUTPUT_DIR", stepDir.resolve("outputs").toAbsolutePath().toString());
        env.put("SNAPDECK_PARAMETERS_FILE", stepDir.resolve("parameters.json").toAbsolutePath().toString());
        env.put("PYTHONUNBUFFERED", "1");
        for (String upstream : step.upstream()) {
            env.put("SNAPDECK_INPUT_" + envName(upstream), outputsOf(upstream).toString());
        }
        List<String> tooLong = new ArrayList<>();
        step.parameters().fields().forEachRemaining(field -> {
            String value = field.getValue().isTextual() ? field.getValue().textValue() : field.getValue().toString();
            if (value.getBytes(StandardCharsets.UTF_8).length > MAX_ENVIRONMENT_VALUE_BYTES) {
                tooLong.add(field.getKey());
            } else {
                env.put("SNAPDECK_PARAM_" + envName(field.getKey()), value);
            }
        });
        return tooLong;
    }

    /**
     * Removes every inherited {@code SNAPDECK_} variable: the server's own include the admin
     * password and API keys, which a step's code must not see, and those that describe a step
     * would be stale when the server itself was started by one. What is left of the namespace is
     * then exactly the step contract set below.
     */
    static void dropSnapdeckVariables(Map<String, String> env) {
        env.keySet().removeIf(name -> name.startsWith("SNAPDECK_"));
    }

    private Path outputsOf(String stepName) {
        return plan.runDir().resolve(stepName).resolve("outputs").toAbsolutePath();
    }

    static String envName(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    }

    private void notifyStarted(String stepName, int attempt, Path log) {
        try {
            listener.stepStarted(runId(), stepName, attempt, log, Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("Run listener failed on stepStarted for {}", stepName, e);
        }
    }

    private void notifyProcessStarted(String stepName, Process process) {
        try {
            listener.processStarted(runId(), stepName, process.pid(),
                    process.info().startInstant().orElse(null));
        } catch (RuntimeException e) {
            LOG.warn("Run listener failed on processStarted for {}", stepName, e);
        }
    }

    /** Records a step's status, tells the listener, then moves the run on. Caller holds the lock. */
    private void report(String stepName, int attempt, String status, Integer exit, String key) {
        statuses.put(stepName, status);
        LOG.debug("Run {}: step {} attempt {} {}", runId(), stepName, attempt, status);
        try {
            listener.stepFinished(runId(), stepName, attempt, status, exit, Instant.now(), key);
        } catch (RuntimeException e) {
            LOG.warn("Run listener failed on stepFinished for {}", stepName, e);
        }
        if (ExecutionStatus.FINAL.contains(status)) {
            startReadySteps();
            finishRunIfDone();
        }
    }

    private void finishRunIfDone() {
        if (completion.isDone() || !statuses.values().stream().allMatch(ExecutionStatus.FINAL::contains)) {
            return;
        }
        finishRun();
    }

    private void finishRun() {
        String status = stopRequested ? ExecutionStatus.STOPPED
                : failureReason != null ? ExecutionStatus.FAILED : ExecutionStatus.COMPLETED;
        String reason = stopRequested ? stopReason : failureReason;
        LOG.info("Run {} {}{}", runId(), status, reason == null ? "" : ": " + reason);
        try {
            listener.runFinished(runId(), status, reason);
        } catch (RuntimeException e) {
            LOG.warn("Run listener failed on runFinished", e);
        }
        completion.complete(status);
    }

    /** Appends the server's note to a step's log, on a line of its own. */
    private static void appendQuietly(Path log, String text) {
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            // A step killed or failing mid-line leaves its last line open; the note must not
            // finish it.
            String note = size > 0 && lastByte(channel, size) != '\n' ? "\n" + text : text;
            channel.write(ByteBuffer.wrap(note.getBytes(StandardCharsets.UTF_8)), size);
        } catch (IOException e) {
            LOG.warn("Could not append to {}", log, e);
        }
    }

    private static byte lastByte(FileChannel channel, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0);
    }
}
