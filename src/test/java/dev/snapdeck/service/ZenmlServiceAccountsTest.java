package dev.snapdeck.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import dev.snapdeck.api.ConflictException;
import dev.snapdeck.api.Credentials;
import dev.snapdeck.api.ZenmlClient;
import dev.snapdeck.testing.Fixtures;

import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Creating an account with its first key leaves nothing half-made when the key fails. */
@Timeout(10)
class ZenmlServiceAccountsTest {

    private static final String ACCOUNT = "5e1c9a3d-7b2f-4c8e-9a6d-1f3b5c7d9e0a";

    private final MockWebServer server = new MockWebServer();
    private ZenmlClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = ZenmlClient.builder(server.url("/").toString())
                .credentials(Credentials.token("t")).build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.shutdown();
    }

    @Test
    void anAccountWhoseFirstKeyFailsIsDeletedAgain() throws InterruptedException {
        server.enqueue(Fixtures.json(200, "{\"id\": \"" + ACCOUNT + "\", \"name\": \"ci\","
                + " \"body\": {\"active\": true}}"));
        server.enqueue(Fixtures.fixture(409, "error-409.json"));
        server.enqueue(Fixtures.json(200, "null"));

        assertThrows(ConflictException.class,
                () -> new ZenmlServiceAccounts(client).create("ci", null));

        assertEquals("POST /api/v1/service_accounts", line(server.takeRequest(1, TimeUnit.SECONDS)));
        assertEquals("POST /api/v1/service_accounts/" + ACCOUNT + "/api_keys",
                line(server.takeRequest(1, TimeUnit.SECONDS)));
        assertEquals("DELETE /api/v1/service_accounts/" + ACCOUNT,
                line(server.takeRequest(1, TimeUnit.SECONDS)));
    }

    private static String line(RecordedRequest request) {
        return request.getMethod() + " " + request.getRequestUrl().encodedPath();
    }
}
