package dev.snapdeck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.snapdeck.cli.SnapdeckCommand;
import dev.snapdeck.testing.RawApi;
import dev.snapdeck.testing.RawApi.Answer;

/** A pipelines folder of our own: a step that fails once and is retried, a broken pipeline, the token command. */
class CustomPipelinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private LocalServer server;
    private RawApi api;

    @BeforeEach
    void startServer() throws Exception {
        Path pipelines = root.resolve("pipelines");
        Path flaky = pipelines.resolve("flaky");
        Files.createDirectories(flaky);
        Files.writeString(flaky.resolve("pipeline.yaml"), """
                name: flaky
                steps:
                  wobble:
                    run: [java, Wobble.java]
                    retry: {max_retries: 2, delay: 0, backoff: 1}
                    enable_cache: false
                    parameters:
                      marker: {type: string, default: none}
                """);
        Files.writeString(flaky.resolve("Wobble.java"), """
                import java.nio.file.*;
                public class Wobble {
                    public static void main(String[] args) throws Exception {
                        Path marker = Path.of(System.getenv("SNAPDECK_PARAM_MARKER"));
                        if (Files.exists(marker)) {
                            System.out.println("second try succeeds");
                            return;
                        }
                        Files.writeString(marker, "tried");
                        System.out.println("first try fails");
                        System.exit(3);
                    }
                }
                """);
        Path nap = pipelines.resolve("nap");
        Files.createDirectories(nap);
        Files.writeString(nap.resolve("pipeline.yaml"), """
                name: nap
                steps:
                  doze:
                    run: [java, Doze.java]
                    enable_cache: false
                """);
        Files.writeString(nap.resolve("Doze.java"), """
                public class Doze {
                    public static void main(String[] args) throws Exception {
                        System.out.println("dozing off");
                        Thread.sleep(600_000);
                    }
                }
                """);
        Files.createDirectories(pipelines.resolve("broken"));
        Files.writeString(pipelines.resolve("broken").resolve("pipeline.yaml"), "name: broken\nsteps:\n  a:\n"
                + "    after: [nowhere]\n    run: [java, A.java]\n");
        server = LocalServer.start(new ServerOptions(null, 0, root.resolve("data"), pipelines, () -> "pw", null));
        api = RawApi.withToken(server.url(), tokenFromCommand());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private String tokenFromCommand() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream("pw\n".getBytes(StandardCharsets.UTF_8)));
        try {
            int code = SnapdeckCommand.newCommandLine(new PrintWriter(out), new PrintWriter(err))
                    .execute("token", "--url", server.url().toString());
            assertEquals(0, code, err.toString());
        } finally {
            System.setIn(original);
        }
        return out.toString().trim();
    }

    private JsonNode awaitRunEnd(String runId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        JsonNode run = api.ok("GET", "/api/v1/runs/" + runId, null);
        while (run.get("body").get("in_progress").asBoolean() && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
            run = api.ok("GET", "/api/v1/runs/" + runId, null);
        }
        return run;
    }

    @Test
    void anImmediateStopOverridesAGracefulOneAndKillsTheRunningStep() throws Exception {
        String snapshotId = api.ok("POST", "/api/v1/x-snapdeck/pipelines/nap/snapshots", "{}").get("id").asText();
        String runId = api.ok("POST", "/api/v1/pipeline_snapshots/" + snapshotId + "/runs", "{}").get("id").asText();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (api.ok("GET", "/api/v1/runs/" + runId + "/steps?status=running", null).get("total").asInt() == 0
                && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }

        Answer graceful = api.call("POST", "/api/v1/runs/" + runId + "/stop?graceful=true", "");
        Answer gracefulAgain = api.call("POST", "/api/v1/runs/" + runId + "/stop?graceful=true", "");
        String statusWhileStopping = api.ok("GET", "/api/v1/runs/" + runId + "/status", null).asText();
        Answer immediate = api.call("POST", "/api/v1/runs/" + runId + "/stop?graceful=false", "");
        JsonNode run = awaitRunEnd(runId);
        JsonNode step = api.ok("GET", "/api/v1/runs/" + runId + "/steps", null).get("items").get(0);
        JsonNode logs = api.ok("GET", "/api/v1/steps/" + step.get("id").asText() + "/logs", null);

        assertEquals(200, graceful.status(), graceful.json().toString());
        assertEquals(403, gracefulAgain.status());
        assertEquals("Run is already being stopped.", gracefulAgain.json().get("detail").get(1).asText());
        assertEquals("stopping", statusWhileStopping);
        assertEquals(200, immediate.status(), immediate.json().toString());
        assertEquals("stopped", run.get("body").get("status").asText());
        assertEquals("stopped", step.get("body").get("status").asText());
        assertTrue(logs.toString().contains("the process killed"), logs.toString());
    }

    @Test
    void aFailedAttemptIsRetriedAndTheStepVersionCountsAttempts() throws Exception {
        Path marker = root.resolve("marker.txt");
        String snapshotId = api.ok("POST", "/api/v1/x-snapdeck/pipelines/flaky/snapshots", "{}").get("id").asText();
        String body = "{\"run_configuration\": {\"steps\": {\"wobble\": {\"parameters\": {\"marker\": "
                + JSON.writeValueAsString(marker.toString()) + "}}}}}";

        String runId = api.ok("POST", "/api/v1/pipeline_snapshots/" + snapshotId + "/runs", body).get("id").asText();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        JsonNode run = api.ok("GET", "/api/v1/runs/" + runId, null);
        while (run.get("body").get("in_progress").asBoolean() && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
            run = api.ok("GET", "/api/v1/runs/" + runId, null);
        }
        JsonNode step = api.ok("GET", "/api/v1/runs/" + runId + "/steps", null).get("items").get(0);
        JsonNode logs = api.ok("GET", "/api/v1/steps/" + step.get("id").asText() + "/logs", null);

        assertEquals("completed", run.get("body").get("status").asText());
        assertEquals("completed", step.get("body").get("status").asText());
        assertEquals(2, step.get("body").get("version").asInt());
        assertTrue(logs.toString().contains("second try succeeds"), logs.toString());
    }

    @Test
    void aParameterWithANulCharacterIsRefusedBeforeARunExists() throws Exception {
        String snapshotId = api.ok("POST", "/api/v1/x-snapdeck/pipelines/flaky/snapshots", "{}").get("id").asText();
        String body = "{\"run_configuration\": {\"steps\": {\"wobble\": {\"parameters\": "
                + "{\"marker\": \"a\\u0000b\"}}}}}";

        Answer refused = api.call("POST", "/api/v1/pipeline_snapshots/" + snapshotId + "/runs", body);

        assertEquals(400, refused.status(), refused.json().toString());
        assertTrue(refused.json().toString().contains("'marker' of step 'wobble'"), refused.json().toString());
        assertEquals(0, api.ok("GET", "/api/v1/runs", null).get("total").asInt());
    }

    @Test
    void aFolderWithASymbolicLinkIsA400AndItsProblemIsListed() throws Exception {
        Path linked = root.resolve("pipelines").resolve("linked");
        Files.createDirectories(linked.resolve("data"));
        Files.writeString(linked.resolve("pipeline.yaml"), "name: linked\nsteps:\n  a:\n    run: [java, A.java]\n");
        Files.createSymbolicLink(linked.resolve("data").resolve("elsewhere"), root);

        Answer create = api.call("POST", "/api/v1/x-snapdeck/pipelines/linked/snapshots", "{}");
        JsonNode listed = api.ok("GET", "/api/v1/x-snapdeck/pipelines", null).get("items").get(2);

        assertEquals(400, create.status(), create.json().toString());
        assertTrue(create.json().toString().contains("symbolic link, which a snapshot cannot archive: data/elsewhere"),
                create.json().toString());
        assertEquals("linked", listed.get("folder").asText());
        assertTrue(listed.get("problem").asText().contains("data/elsewhere"), listed.toString());
        assertEquals(0, api.ok("GET", "/api/v1/pipeline_snapshots", null).get("total").asInt());
    }

    @Test
    void listsFolderPipelinesWithTheirProblems() throws Exception {
        JsonNode folders = api.ok("GET", "/api/v1/x-snapdeck/pipelines", null);

        JsonNode broken = folders.get("items").get(0);
        assertEquals("broken", broken.get("folder").asText());
        assertTrue(broken.get("problem").asText().contains("nowhere"), broken.toString());
        assertEquals("flaky", folders.get("items").get(1).get("name").asText());
        assertTrue(folders.get("items").get(1).get("problem").isNull());
    }
}
