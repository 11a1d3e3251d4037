package dev.snapdeck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The service-account calls against ZenML's routes (reference §4.3): what is sent and what is
 * read. The fixtures hold no service-account answers, so the bodies here follow ZenML's
 * {@code ServiceAccountResponse} and {@code APIKeyResponse} envelopes field for field.
 */
@Timeout(10)
class ServiceAccountsContractTest {

    private static final String ACCOUNT = "5e1c9a3d-7b2f-4c8e-9a6d-1f3b5c7d9e0a";
    private static final String KEY = "2b4d6f8a-0c1e-4a3b-8d5f-7a9b1c3d5e7f";
    private static final String ACCOUNT_JSON = "{\"id\": \"" + ACCOUNT + "\", \"name\": \"ci\","
            + " \"body\": {\"created\": \"2026-06-30T14:03:11.482917\","
            + " \"updated\": \"2026-06-30T14:03:11.482917\", \"active\": true},"
            + " \"metadata\": {\"description\": \"Nightly builds\"}, \"resources\": null}";
    private static final String KEY_JSON = "{\"id\": \"" + KEY + "\", \"name\": \"default\","
            + " \"body\": {\"created\": \"2026-06-30T14:05:00\", \"updated\": \"2026-06-30T14:05:00\","
            + " \"key\": \"ZENKEY_secret\", \"active\": true},"
            + " \"metadata\": {\"description\": \"\", \"retain_period_minutes\": 0,"
            + " \"last_login\": null, \"last_rotated\": null}, \"resources\": null}";

    private FixtureServer server;
    private ZenmlClient client;

    @BeforeEach
    void start() throws IOException {
        server = new FixtureServer();
        client = server.client();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    @Test
    void createsAnActiveAccountWithItsDescription() throws Exception {
        server.route("POST", "/api/v1/service_accounts", () -> FixtureServer.json(200,
                ACCOUNT_JSON));

        ServiceAccount account = client.createServiceAccount("ci", "Nightly builds");

        assertEquals(UUID.fromString(ACCOUNT), account.id());
        assertEquals("ci", account.name());
        assertTrue(account.active());
        assertEquals("Nightly builds", account.description());
        assertEquals(Instant.parse("2026-06-30T14:03:11.482917Z"), account.created());
        RecordedRequest sent = server.only("POST", "/api/v1/service_accounts");
        assertEquals(FixtureServer.MAPPER.readTree("{\"name\": \"ci\", \"description\":"
                + " \"Nightly builds\", \"active\": true}"),
                FixtureServer.MAPPER.readTree(sent.getBody().readUtf8()));
        assertEquals("Bearer " + FixtureServer.TOKEN, sent.getHeader("Authorization"));
    }

    @Test
    void listsAccountsWithoutAProjectScope() throws Exception {
        server.route("GET", "/api/v1/service_accounts", () -> FixtureServer.json(200,
                "{\"index\": 1, \"max_size\": 20, \"total_pages\": 1, \"total\": 1, \"items\": ["
                        + ACCOUNT_JSON + "]}"));

        Page<ServiceAccount> page = client.serviceAccounts(new ServiceAccountQuery().size(50));

        assertEquals(1, page.total());
        assertEquals("ci", page.items().get(0).name());
        RecordedRequest sent = server.only("GET", "/api/v1/service_accounts");
        assertNull(sent.getRequestUrl().queryParameter("project"));
        assertEquals("50", sent.getRequestUrl().queryParameter("size"));
    }

    @Test
    void getsAnAccountByNameAndSaysWhenThereIsNone() {
        server.route("GET", "/api/v1/service_accounts/ci", () -> FixtureServer.json(200,
                ACCOUNT_JSON));

        assertEquals(UUID.fromString(ACCOUNT), client.serviceAccount("ci").id());
        assertThrows(NotFoundException.class, () -> client.serviceAccount("nobody"));
    }

    @Test
    void createsAKeyWhoseSecretIsInTheAnswerButNotInItsText() throws Exception {
        server.route("POST", "/api/v1/service_accounts/" + ACCOUNT + "/api_keys",
                () -> FixtureServer.json(200, KEY_JSON));

        ApiKey key = client.createApiKey(UUID.fromString(ACCOUNT), "default", null);

        assertEquals("ZENKEY_secret", key.key());
        assertEquals("default", key.name());
        assertFalse(key.toString().contains("ZENKEY_secret"), key.toString());
        RecordedRequest sent = server.only("POST",
                "/api/v1/service_accounts/" + ACCOUNT + "/api_keys");
        assertEquals("{\"name\":\"default\"}", sent.getBody().readUtf8());
    }

    @Test
    void rotatesAKeyByNameWithARetainPeriod() throws Exception {
        String path = "/api/v1/service_accounts/" + ACCOUNT + "/api_keys/default/rotate";
        server.route("PUT", path, () -> FixtureServer.json(200, KEY_JSON));

        ApiKey rotated = client.rotateApiKey(UUID.fromString(ACCOUNT), "default", 30);

        assertEquals("ZENKEY_secret", rotated.key());
        assertEquals("{\"retain_period_minutes\":30}",
                server.only("PUT", path).getBody().readUtf8());
    }

    @Test
    void deletesKeysAndAccountsByTheirRoutes() throws Exception {
        String keyPath = "/api/v1/service_accounts/" + ACCOUNT + "/api_keys/default";
        server.route("DELETE", keyPath, () -> FixtureServer.json(200, "null"));
        server.route("DELETE", "/api/v1/service_accounts/" + ACCOUNT,
                () -> FixtureServer.json(200, "null"));

        client.deleteApiKey(UUID.fromString(ACCOUNT), "default");
        client.deleteServiceAccount(UUID.fromString(ACCOUNT));

        assertEquals(2, server.requests().stream()
                .filter(r -> r.getMethod().equals("DELETE")).count());
    }
}
