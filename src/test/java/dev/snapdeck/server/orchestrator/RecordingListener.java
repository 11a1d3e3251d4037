package dev.snapdeck.server.orchestrator;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Keeps every callback so tests can assert on the sequence. */
final class RecordingListener implements RunListener {

    final List<String> events = new CopyOnWriteArrayList<>();
    final Map<String, String> finalStatus = new ConcurrentHashMap<>();
    final Map<String, Integer> exitCodes = new ConcurrentHashMap<>();
    final Map<String, String> cacheKeys = new ConcurrentHashMap<>();
    final Map<String, Instant> startTimes = new ConcurrentHashMap<>();
    final Map<String, Long> pids = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> started = new ConcurrentHashMap<>();
    volatile String runStatus;
    volatile String runReason;

    @Override
    public void stepStarted(String runId, String stepName, int attempt, Path logFile, Instant start) {
        events.add(stepName + " started " + attempt);
        startTimes.put(stepName, start);
        latch(stepName).countDown();
    }

    @Override
    public void processStarted(String runId, String stepName, long pid, Instant processStart) {
        pids.put(stepName, pid);
    }

    @Override
    public void stepFinished(String runId, String stepName, int attempt, String status, Integer exitCode,
            Instant end, String cacheKey) {
        events.add(stepName + " " + status + " " + attempt);
        finalStatus.put(stepName, status);
        if (exitCode != null) {
            exitCodes.put(stepName, exitCode);
        }
        if (cacheKey != null) {
            cacheKeys.put(stepName, cacheKey);
        }
    }

    @Override
    public void runFinished(String runId, String status, String reason) {
        events.add("run " + status);
        runStatus = status;
        runReason = reason;
    }

    boolean awaitStarted(String stepName) throws InterruptedException {
        return latch(stepName).await(30, TimeUnit.SECONDS);
    }

    private CountDownLatch latch(String stepName) {
        return started.computeIfAbsent(stepName, name -> new CountDownLatch(1));
    }
}
