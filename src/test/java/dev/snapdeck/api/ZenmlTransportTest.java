package dev.snapdeck.api;

import static dev.snapdeck.api.FixtureServer.S_PROD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lost connections, slow servers and the rule that nothing but a read is ever re-sent. */
@Timeout(10)
class ZenmlTransportTest {

    private static final UUID PROD = UUID.fromString(S_PROD);

    private final MockWebServer server = new MockWebServer();
    private ZenmlClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = ZenmlClient.builder(server.url("/").toString())
                .credentials(Credentials.token("t"))
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofMillis(300)).build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.shutdown();
    }

    private static MockResponse dropped(SocketPolicy policy) {
        return FixtureServer.fixture(200, "snapshot-run-created.json").setSocketPolicy(policy);
    }

    @Test
    void triggerIsNotResentWhenConnectionDrops() {
        server.enqueue(dropped(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(FixtureServer.fixture(200, "snapshot-run-created.json"));

        assertThrows(ServerUnreachableException.class, () -> client.triggerRun(PROD, null));

        assertEquals(1, server.getRequestCount());
    }

    @Test
    void triggerIsNotResentWhenConnectionClosesMidResponse() {
        server.enqueue(dropped(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        server.enqueue(FixtureServer.fixture(200, "snapshot-run-created.json"));

        assertThrows(ServerUnreachableException.class, () -> client.triggerRun(PROD, null));

        assertEquals(1, server.getRequestCount());
    }

    @Test
    void triggerIsNotResentOn408() {
        server.enqueue(new MockResponse().setResponseCode(408));
        server.enqueue(FixtureServer.fixture(200, "snapshot-run-created.json"));

        ZenmlException e = assertThrows(ZenmlException.class, () -> client.triggerRun(PROD, null));

        assertEquals(408, e.status());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void readIsRetriedOnceAfterConnectionDrop() {
        server.enqueue(dropped(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(FixtureServer.fixture(200, "version.json"));

        String version = client.version();

        assertEquals("0.96.0", version);
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void readClosedMidResponseTwiceIsUnreachable() {
        server.enqueue(dropped(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        server.enqueue(dropped(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        server.enqueue(FixtureServer.fixture(200, "run-hydrated.json"));

        assertThrows(ServerUnreachableException.class,
                () -> client.run(UUID.fromString(FixtureServer.R12)));

        assertEquals(2, server.getRequestCount());
    }

    @Test
    void slowAnswerTimesOutWithoutRetry() {
        server.enqueue(FixtureServer.fixture(200, "run-hydrated.json")
                .setBodyDelay(3, TimeUnit.SECONDS));
        server.enqueue(FixtureServer.fixture(200, "run-hydrated.json"));

        assertThrows(ServerTimeoutException.class,
                () -> client.run(UUID.fromString(FixtureServer.R12)));

        assertEquals(1, server.getRequestCount());
    }

    @Test
    void serverNotListeningIsUnreachable() throws IOException {
        String url = server.url("/").toString();
        server.shutdown();
        ZenmlClient closed = ZenmlClient.builder(url).build();

        ServerUnreachableException e = assertThrows(ServerUnreachableException.class,
                closed::info);

        assertEquals(0, e.status());
        assertTrue(e.getMessage().startsWith("GET /api/v1/info: Failed to connect to "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(":" + server.getPort() + " (connection refused)"),
                e.getMessage());
        assertFalse(e.getMessage().contains("java.net"), e.getMessage());
        assertFalse(e.getMessage().contains("to /"), "no stray slash: " + e.getMessage());
    }

    @Test
    void rejectsTextThatIsNoUrl() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ZenmlClient.builder("zenml.example.com"));

        assertEquals("Not an http(s) server URL: 'zenml.example.com' (expected e.g. "
                + "https://zenml.example.com or http://127.0.0.1:8237)", e.getMessage());
    }
}
