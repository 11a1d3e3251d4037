package dev.snapdeck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Capability detection of reference §12: openapi.json first, the trigger probe second. */
@Timeout(10)
class CapabilitiesTest {

    private static final String PROBE =
            "/api/v1/pipeline_snapshots/00000000-0000-0000-0000-000000000000/runs";

    /** The trigger route as ZenML's OpenAPI document names it. */
    private static final String TRIGGER_TEMPLATE = "/api/v1/pipeline_snapshots/{snapshot_id}/runs";

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

    private void openapi(String... paths) {
        StringBuilder json = new StringBuilder("{\"openapi\": \"3.1.0\", \"paths\": {");
        for (int i = 0; i < paths.length; i++) {
            String[] pathAndMethod = paths[i].split(" ");
            json.append(i > 0 ? "," : "").append('"').append(pathAndMethod[1]).append("\": {\"")
                    .append(pathAndMethod[0].toLowerCase()).append("\": {}}");
        }
        String body = json.append("}}").toString();
        server.route("GET", "/openapi.json", () -> FixtureServer.json(200, body));
    }

    @Test
    void proServerWithTriggerRouteCanRunSnapshots() throws Exception {
        server.route("GET", "/api/v1/info", 200, "info.json");
        openapi("GET /api/v1/pipeline_snapshots", "POST " + TRIGGER_TEMPLATE,
                "GET /api/v1/run_templates");

        ServerCapabilities caps = client.capabilities();

        assertEquals(new ServerCapabilities(true, false, true, "0.96.0", true, "EXTERNAL",
                "openapi"), caps);
        RecordedRequest openapi = server.only("GET", "/openapi.json");
        assertNull(openapi.getHeader("Authorization"));
    }

    @Test
    void ossServerWithoutTriggerRouteCannotRunSnapshots() {
        server.route("GET", "/api/v1/info", 200, "info-oss.json");
        openapi("GET /api/v1/pipeline_snapshots", "GET /api/v1/pipeline_snapshots/{snapshot_id}");

        ServerCapabilities caps = client.capabilities();

        assertTrue(caps.hasSnapshots());
        assertFalse(caps.canRunSnapshots());
        assertFalse(caps.pro());
        assertEquals("OAUTH2_PASSWORD_BEARER", caps.authScheme());
        assertFalse(caps.workloadManagerMissing());
    }

    @Test
    void olderServerHasOnlyRunTemplates() {
        server.route("GET", "/api/v1/info", 200, "info-oss.json");
        openapi("GET /api/v1/run_templates", "POST /api/v1/run_templates/{template_id}/runs");

        ServerCapabilities caps = client.capabilities();

        assertFalse(caps.hasSnapshots());
        assertTrue(caps.onlyRunTemplates());
        assertFalse(caps.canRunSnapshots());
    }

    @Test
    void probesTriggerRouteWhenOpenapiIsBlocked() throws Exception {
        server.route("GET", "/api/v1/info", 200, "info.json");
        server.route("POST", PROBE, 404, "error-404.json");

        ServerCapabilities caps = client.capabilities();

        assertTrue(caps.canRunSnapshots());
        assertEquals("probe", caps.detectedBy());
        RecordedRequest probe = server.only("POST", PROBE);
        assertEquals("{}", probe.getBody().readUtf8());
        assertEquals("Bearer test-token", probe.getHeader("Authorization"));
    }

    @Test
    void probeAnswered405MeansNoWorkloadManager() {
        server.route("GET", "/api/v1/info", 200, "info.json");
        server.route("POST", PROBE, 405, "error-405-no-workload-manager.json");

        ServerCapabilities caps = client.capabilities();

        assertFalse(caps.canRunSnapshots());
        assertTrue(caps.workloadManagerMissing());
    }
}
