package dev.snapdeck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The 401 rule: drop the token, one re-login or one prompt, one repeat, never a loop. */
@Timeout(10)
class ZenmlSessionTest {

    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger logins = new AtomicInteger();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private volatile boolean loginAccepted = true;
    private volatile String validToken = "token-2";

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getRequestUrl().encodedPath();
                String auth = request.getHeader("Authorization");
                seen.add(request.getMethod() + " " + path + " " + auth);
                if (path.equals("/api/v1/login")) {
                    return login();
                }
                return ("Bearer " + validToken).equals(auth)
                        ? FixtureServer.fixture(200, "current-user.json")
                        : FixtureServer.fixture(401, "error-401-invalid-token.json");
            }
        });
        server.start();
    }

    private MockResponse login() {
        int n = logins.incrementAndGet();
        if (!loginAccepted) {
            return FixtureServer.fixture(401, "error-401-bad-password.json");
        }
        return FixtureServer.json(200, "{\"access_token\": \"token-" + n + "\", "
                + "\"token_type\": \"bearer\", \"expires_in\": 3600}");
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private ZenmlClient client(Credentials credentials, AuthPrompt prompt) {
        return ZenmlClient.builder(server.url("/").toString()).credentials(credentials)
                .authPrompt(prompt).build();
    }

    private long count(String prefix) {
        return seen.stream().filter(s -> s.startsWith(prefix)).count();
    }

    @Test
    void rejectedTokenIsRenewedOnceAndRequestRepeated() {
        ZenmlClient client = client(Credentials.password("alice", "pw"), null);

        User user = client.currentUser();

        assertEquals("alice@acme.example", user.name());
        assertEquals(List.of("POST /api/v1/login null",
                "GET /api/v1/current-user Bearer token-1",
                "POST /api/v1/login null",
                "GET /api/v1/current-user Bearer token-2"), seen);
    }

    @Test
    void serverRejectingEveryTokenSeesAtMostTwoLogins() {
        validToken = "never";
        ZenmlClient client = client(Credentials.apiKey("ZENKEY_x"), null);

        assertThrows(UnauthorizedException.class, client::currentUser);

        assertEquals(2, logins.get());
        assertEquals(2, count("GET /api/v1/current-user"));
    }

    @Test
    void serverAnsweringOnly401SeesOneLoginAndNoLoop() {
        loginAccepted = false;
        ZenmlClient client = client(Credentials.password("alice", "pw"), null);

        assertThrows(UnauthorizedException.class, client::currentUser);

        assertEquals(1, logins.get());
        assertEquals(1, seen.size());
    }

    @Test
    void expiredTokenWithoutCredentialsAsksPromptOnceAndRepeats() {
        List<String> reasons = new ArrayList<>();
        validToken = "token-1";
        ZenmlClient client = client(Credentials.token("expired"), reason -> {
            reasons.add(reason);
            return Optional.of(Credentials.apiKey("ZENKEY_new"));
        });

        User user = client.currentUser();

        assertEquals("alice@acme.example", user.name());
        assertEquals(List.of("Authentication error: error decoding access token: Signature has "
                + "expired."), reasons);
        assertEquals(List.of("GET /api/v1/current-user Bearer expired",
                "POST /api/v1/login null",
                "GET /api/v1/current-user Bearer token-1"), seen);
    }

    @Test
    void refusedPromptFailsWithoutFurtherRequests() {
        AtomicInteger asked = new AtomicInteger();
        ZenmlClient client = client(Credentials.token("expired"), reason -> {
            asked.incrementAndGet();
            return Optional.empty();
        });

        assertThrows(UnauthorizedException.class, client::currentUser);

        assertEquals(1, asked.get());
        assertEquals(1, seen.size());
        assertFalse(client.hasToken());
    }

    @Test
    void promptIsAskedOnlyOnceEvenWhenItsAnswerIsRejected() {
        validToken = "never";
        AtomicInteger asked = new AtomicInteger();
        ZenmlClient client = client(null, reason -> {
            asked.incrementAndGet();
            return Optional.of(Credentials.token("also-bad"));
        });

        assertThrows(UnauthorizedException.class, client::currentUser);

        assertEquals(1, asked.get());
        assertEquals(List.of("GET /api/v1/current-user null",
                "GET /api/v1/current-user Bearer also-bad"), seen);
    }

    @Test
    void concurrentRejectionsShareOneRelogin() throws Exception {
        validToken = "token-1";
        ZenmlClient client = client(Credentials.apiKey("ZENKEY_x"), null);
        client.currentUser();
        validToken = "token-2";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<User>> calls = new ArrayList<>();

        for (int i = 0; i < 8; i++) {
            calls.add(pool.submit(() -> {
                go.await(5, TimeUnit.SECONDS);
                return client.currentUser();
            }));
        }
        go.countDown();
        for (Future<User> call : calls) {
            assertEquals("alice@acme.example", call.get(5, TimeUnit.SECONDS).name());
        }
        pool.shutdown();

        assertEquals(2, logins.get());
    }
}
