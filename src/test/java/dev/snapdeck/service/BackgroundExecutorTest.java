package dev.snapdeck.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BackgroundExecutorTest {

    private final ExecutorService uiThread = Executors.newSingleThreadExecutor(
            runnable -> new Thread(runnable, "fake-ui"));
    private final BackgroundExecutor executor = BackgroundExecutor.create(uiThread);

    @AfterEach
    void shutDown() {
        executor.close();
        uiThread.shutdownNow();
    }

    @Test
    void runsWorkOffTheCallingThreadAndCallsBackOnTheCallbackExecutor() throws Exception {
        AtomicReference<String> workThread = new AtomicReference<>();
        AtomicReference<String> callbackThread = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);

        executor.submit(() -> {
            workThread.set(Thread.currentThread().getName());
            return 42;
        }).onSuccess(value -> {
            callbackThread.set(Thread.currentThread().getName() + ":" + value);
            done.countDown();
        });

        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertNotEquals(Thread.currentThread().getName(), workThread.get());
        assertTrue(workThread.get().startsWith("snapdeck-worker-"));
        assertEquals("fake-ui:42", callbackThread.get());
    }

    @Test
    void failureReachesTheFailureHandlerOnly() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);

        executor.submit(() -> {
            throw new IllegalStateException("server said no");
        }).onSuccess(value -> seen.add("success")).onFailure(error -> {
            seen.add(error.getMessage());
            done.countDown();
        });

        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("server said no"), seen);
    }

    @Test
    void cancelledTaskNeverCallsBack() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> seen = new CopyOnWriteArrayList<>();
        Task<String> task = executor.submit(() -> {
            started.countDown();
            release.await();
            return "stale";
        }).onSuccess(seen::add).onFailure(error -> seen.add("failed"));
        assertTrue(started.await(5, TimeUnit.SECONDS));

        task.cancel();
        release.countDown();
        CountDownLatch later = new CountDownLatch(1);
        executor.submit(() -> "later").onSuccess(value -> later.countDown());

        assertTrue(later.await(5, TimeUnit.SECONDS));
        assertTrue(seen.isEmpty(), seen.toString());
        assertTrue(task.isCancelled());
    }

    @Test
    void handlerAddedAfterTheEndStillRunsOnce() {
        BackgroundExecutor inline = BackgroundExecutor.sameThread();
        List<String> seen = new CopyOnWriteArrayList<>();

        Task<String> task = inline.submit(() -> "ready");
        task.onSuccess(seen::add);

        assertTrue(task.isDone());
        assertEquals(List.of("ready"), seen);
    }
}
