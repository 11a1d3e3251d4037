package dev.snapdeck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.snapdeck.testing.RawApi;

/**
 * Guesses sent all at once meet the same limit as guesses sent one after another: no more than
 * ten are checked within a minute, for one user name or one client address.
 */
@Timeout(120)
class SignInBurstTest {

    private static final int BURST = 40;

    @TempDir
    Path dataDir;

    private LocalServer server;
    private RawApi api;
    private ExecutorService senders;

    @BeforeEach
    void startServer() throws Exception {
        server = LocalServer.start(new ServerOptions(null, 0, dataDir, null, () -> "pw", null));
        api = RawApi.asAdmin(server.url(), "pw");
        senders = Executors.newFixedThreadPool(BURST);
    }

    @AfterEach
    void stopServer() {
        senders.shutdownNow();
        server.close();
    }

    @Test
    void wrongPasswordsForOneNameSentAtOnce() throws Exception {
        Map<Integer, Integer> answers = sendAtOnce(i -> () -> api.login("admin", "guess-" + i)
                .status());

        assertEquals(Map.of(401, 10, 429, BURST - 10), answers);
    }

    @Test
    void wrongApiKeysFromOneAddressSentAtOnce() throws Exception {
        Map<Integer, Integer> answers = sendAtOnce(i -> () -> api.login(null,
                "ZENKEY_guess_" + i).status());

        assertEquals(Map.of(401, 10, 429, BURST - 10), answers);
    }

    /** Sends {@link #BURST} sign-ins released together; how many got each status. */
    private Map<Integer, Integer> sendAtOnce(IntFunction<Callable<Integer>> signIn)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            Callable<Integer> attempt = signIn.apply(i);
            sent.add(senders.submit(() -> {
                go.await();
                return attempt.call();
            }));
        }
        go.countDown();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (Future<Integer> answer : sent) {
            byStatus.merge(answer.get(60, TimeUnit.SECONDS), 1, Integer::sum);
        }
        return byStatus;
    }
}
