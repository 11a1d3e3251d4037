package dev.snapdeck.api;

import static dev.snapdeck.api.FixtureServer.S_PROD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs the README's Java SDK example against the fixtures and keeps README and code in step. */
@Timeout(10)
class JavaSdkExampleTest {

    private FixtureServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FixtureServer().withProjectScope();
        server.route("POST", "/api/v1/login", 200, "login-token.json");
        ObjectNode onlyProd = (ObjectNode) FixtureServer.tree("snapshots-page.json");
        onlyProd.withArray("items").remove(1);
        onlyProd.put("total", 1);
        server.route("GET", "/api/v1/pipeline_snapshots",
                () -> FixtureServer.json(200, onlyProd.toString()));
        server.route("GET", "/api/v1/pipeline_snapshots/" + S_PROD, 200,
                "snapshot-hydrated.json");
        server.route("POST", "/api/v1/pipeline_snapshots/" + S_PROD + "/runs", 200,
                "snapshot-run-created.json");
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void exampleTriggersSnapshotWithOneParameterChanged() throws Exception {
        PipelineRun run = JavaSdkExample.runWithRandomForest(server.url(), "ZENKEY_example");

        assertEquals(ExecutionStatus.INITIALIZING, run.status());
        ObjectNode expected = FixtureServer.tree("snapshot-hydrated.json")
                .path("metadata").path("config_template").deepCopy();
        ((ObjectNode) expected.path("steps").path("train_model").path("parameters"))
                .put("model_type", "random_forest");
        JsonNode sent = FixtureServer.MAPPER.readTree(server.only("POST",
                "/api/v1/pipeline_snapshots/" + S_PROD + "/runs").getBody().readUtf8());
        assertEquals(expected, sent.path("run_configuration"));
    }

    @Test
    void readmeShowsExactlyTheCompiledExample() throws IOException {
        String source = Files.readString(
                Path.of("src/test/java/dev/snapdeck/api/JavaSdkExample.java"));
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);

        String example = source.substring(source.indexOf("// README-BEGIN") + 15,
                source.indexOf("// README-END"));

        assertTrue(normalise(readme).contains(normalise(example)),
                "README.md's Java SDK block differs from JavaSdkExample.java");
    }

    private static String normalise(String code) {
        return Arrays.stream(code.split("\n")).map(String::strip).filter(l -> !l.isEmpty())
                .collect(Collectors.joining("\n"));
    }
}
