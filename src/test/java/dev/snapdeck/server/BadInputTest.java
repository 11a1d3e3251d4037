package dev.snapdeck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.snapdeck.testing.RawApi;
import dev.snapdeck.testing.RawApi.Answer;

import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Bad input gets ZenML's error shapes with a message that says what and where, and changes nothing. */
class BadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private LocalServer server;
    private RawApi api;

    @BeforeEach
    void startServer() throws Exception {
        server = LocalServer.start(new ServerOptions(null, 0, dataDir, null, () -> "pw", null));
        api = RawApi.asAdmin(server.url(), "pw");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aBadRetainPeriodIsA422AtItsLocationAndTheKeyIsNotRotated() throws Exception {
        api.ok("POST", "/api/v1/service_accounts", "{\"name\": \"ci\"}");
        String key = api.ok("POST", "/api/v1/service_accounts/ci/api_keys", "{\"name\": \"main\"}")
                .get("body").get("key").asText();
        String rotate = "/api/v1/service_accounts/ci/api_keys/main/rotate";

        Answer negative = api.call("PUT", rotate, "{\"retain_period_minutes\": -5}");
        Answer text = api.call("PUT", rotate, "{\"retain_period_minutes\": \"ten\"}");
        Answer huge = api.call("PUT", rotate, "{\"retain_period_minutes\": 99999999999999999999}");
        Answer tooLong = api.call("PUT", rotate, "{\"retain_period_minutes\": 100000000}");

        for (Answer answer : new Answer[] {negative, text, huge, tooLong}) {
            assertEquals(422, answer.status(), answer.json().toString());
            assertEquals("ValueError", answer.json().get(0).asText());
            assertTrue(answer.json().get(1).asText().contains("'loc': ('body', 'retain_period_minutes')"),
                    answer.json().toString());
        }
        assertTrue(negative.json().get(1).asText().contains("greater than or equal to 0"));
        assertTrue(text.json().get(1).asText().contains("valid integer"));
        assertEquals(200, api.login(null, key).status(), "a refused rotation must leave the key working");
    }

    @Test
    void aDateRangeThatIsNoDateIsA422OnEveryList() throws Exception {
        List<String> lists = List.of("runs", "steps", "pipeline_snapshots", "pipelines", "projects",
                "service_accounts");

        for (String list : lists) {
            for (String filter : List.of("in:x,y", "in:,", "notadate", "in:2024-01-01%2000:00:00,nope")) {
                Answer answer = api.call("GET", "/api/v1/" + list + "?created=" + filter, null);

                assertEquals(422, answer.status(), list + " " + filter + ": " + answer.json());
                assertTrue(answer.json().toString().contains("created"), answer.json().toString());
            }
        }
    }

    @Test
    void tagsGivenAsAStringAreA422AndNoSnapshotIsMade() throws Exception {
        Answer create = api.call("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots",
                "{\"name\": \"tagged\", \"tags\": \"nightly\"}");
        Answer numberTag = api.call("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots",
                "{\"name\": \"tagged\", \"tags\": [\"ok\", 7]}");
        String id = api.ok("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots",
                "{\"name\": \"plain\", \"tags\": [\"a\"]}").get("id").asText();
        Answer update = api.call("PUT", "/api/v1/pipeline_snapshots/" + id, "{\"add_tags\": \"b\"}");

        assertEquals(422, create.status());
        assertTrue(create.json().get(1).asText().contains("'loc': ('body', 'tags')"), create.json().toString());
        assertTrue(create.json().get(1).asText().contains("valid list"), create.json().toString());
        assertEquals(422, numberTag.status());
        assertTrue(numberTag.json().get(1).asText().contains("'loc': ('body', 'tags', 1)"),
                numberTag.json().toString());
        assertEquals(422, update.status());
        assertTrue(update.json().get(1).asText().contains("'loc': ('body', 'add_tags')"), update.json().toString());
        assertEquals(1, api.ok("GET", "/api/v1/pipeline_snapshots", null).get("total").asInt());
        JsonNode tags = api.ok("GET", "/api/v1/pipeline_snapshots/" + id, null).get("resources").get("tags");
        assertEquals(1, tags.size());
    }

    @Test
    void aNegativeOrNonNumericLogOffsetIsA422InShapeD() throws Exception {
        String snapshotId = api.ok("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots", "{}")
                .get("id").asText();
        String runId = api.ok("POST", "/api/v1/pipeline_snapshots/" + snapshotId + "/runs", "{}").get("id").asText();

        Answer negative = api.call("GET", "/api/v1/runs/" + runId + "/logs?offset=-1", null);
        Answer word = api.call("GET", "/api/v1/runs/" + runId + "/logs?offset=start", null);
        Answer zero = api.call("GET", "/api/v1/runs/" + runId + "/logs?offset=0", null);

        assertEquals(422, negative.status());
        assertEquals("ValueError", negative.json().get("detail").get(0).asText());
        assertTrue(negative.json().get("detail").get(1).asText().contains("'offset'"), negative.json().toString());
        assertEquals(422, word.status());
        assertTrue(word.json().get("detail").get(1).asText().contains("'start'"), word.json().toString());
        assertEquals(200, zero.status());
    }

    @Test
    void runLogEntriesCarryTheTimeTheirLineWasWritten() throws Exception {
        String snapshotId = api.ok("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots", "{}")
                .get("id").asText();
        String runId = api.ok("POST", "/api/v1/pipeline_snapshots/" + snapshotId + "/runs", "{}").get("id").asText();
        awaitRunEnd(runId);

        JsonNode entries = api.ok("GET", "/api/v1/runs/" + runId + "/logs", null);

        assertTrue(entries.size() > 2, entries.toString());
        for (JsonNode entry : entries) {
            String written = entry.get("message").asText().split(" ")[0];
            assertEquals(written.endsWith(".000000") ? written.substring(0, 19) : written,
                    entry.get("timestamp").asText(), entry.toString());
        }
    }

    @Test
    void tenFailedLoginsForOneNameWithinAMinuteGet429WithRetryAfter() throws Exception {
        for (int i = 0; i < 12; i++) {
            assertEquals(200, api.login("admin", "pw").status(), "successful logins are never throttled");
        }
        for (int i = 0; i < 10; i++) {
            assertEquals(401, api.login("admin", "wrong-" + i).status());
        }

        Request request = new Request.Builder().url(server.url() + "/api/v1/login")
                .post(new FormBody.Builder().add("username", "admin").add("password", "pw").build()).build();
        int status;
        String retryAfter;
        JsonNode body;
        try (Response response = new OkHttpClient().newCall(request).execute()) {
            status = response.code();
            retryAfter = response.header("Retry-After");
            body = JSON.readTree(response.body().string());
        }
        Answer otherName = api.login("someone-else", "guess");

        assertEquals(429, status);
        assertTrue(Long.parseLong(retryAfter) >= 1 && Long.parseLong(retryAfter) <= 60, retryAfter);
        assertTrue(body.get("detail").asText().contains("Too many failed logins for user 'admin'"), body.toString());
        assertEquals(401, otherName.status());
    }

    private void awaitRunEnd(String runId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (api.ok("GET", "/api/v1/runs/" + runId, null).get("body").get("in_progress").asBoolean()
                && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
    }

    @Test
    void aBodyWithTrailingTextOrBytesThatAreNotUtf8StartsNoRun() throws Exception {
        String id = api.ok("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots", "{\"name\": \"s\"}")
                .get("id").asText();
        String runs = "/api/v1/pipeline_snapshots/" + id + "/runs";

        Answer trailing = api.call("POST", runs, "{\"run_configuration\": {}} garbage");
        Answer notUtf8;
        try (Response response = new OkHttpClient().newCall(new Request.Builder().url(server.url() + runs)
                .header("Authorization", "Bearer " + api.token())
                .post(okhttp3.RequestBody.create(new byte[] {'{', '"', 'r', (byte) 0xff, '"', ':', '1', '}'},
                        okhttp3.MediaType.get("application/json"))).build()).execute()) {
            notUtf8 = new Answer(response.code(), JSON.readTree(response.body().string()));
        }

        assertEquals(422, trailing.status(), String.valueOf(trailing.json()));
        assertTrue(trailing.json().toString().contains("JSON decode error"), trailing.json().toString());
        assertEquals(422, notUtf8.status(), String.valueOf(notUtf8.json()));
        assertTrue(notUtf8.json().toString().contains("not UTF-8"), notUtf8.json().toString());
        assertEquals(0, api.ok("GET", "/api/v1/runs", null).get("total").asInt(), "no run may have started");
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedAtOnce() throws Exception {
        try (java.net.Socket socket = new java.net.Socket(server.url().getHost(), server.url().getPort())) {
            socket.setSoTimeout(10_000);
            String request = "POST /api/v1/pipeline_snapshots/" + java.util.UUID.randomUUID() + "/runs HTTP/1.1\r\n"
                    + "Host: " + server.url().getHost() + "\r\n"
                    + "Authorization: Bearer " + api.token() + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: 999999999999\r\n\r\n{}";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();

            assertEquals("HTTP/1.1 413 Payload Too Large", statusLine);
        }
    }

    @Test
    void retriesBeyondTheServersLimitsAreRefusedBeforeARunExists() throws Exception {
        String id = api.ok("POST", "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots", "{\"name\": \"r\"}")
                .get("id").asText();

        Answer endless = api.call("POST", "/api/v1/pipeline_snapshots/" + id + "/runs",
                "{\"run_configuration\": {\"steps\": {\"train_model\": {\"retry\": {\"max_retries\": 1000000}}}}}");

        assertEquals(400, endless.status(), String.valueOf(endless.json()));
        assertTrue(endless.json().toString().contains("max_retries"), endless.json().toString());
        assertEquals(0, api.ok("GET", "/api/v1/runs", null).get("total").asInt());
    }

    @Test
    void aRequestAddressedToAnotherHostNameIsRefused() throws Exception {
        try (Response foreign = new OkHttpClient().newCall(new Request.Builder().url(server.url() + "/api/v1/info")
                .header("Host", "rebound.example:" + server.url().getPort()).build()).execute();
             Response local = new OkHttpClient().newCall(new Request.Builder().url(server.url() + "/api/v1/info")
                     .header("Host", "localhost:" + server.url().getPort()).build()).execute()) {

            assertEquals(400, foreign.code());
            assertTrue(foreign.body().string().contains("rebound.example"));
            assertEquals(200, local.code());
        }
    }
}
