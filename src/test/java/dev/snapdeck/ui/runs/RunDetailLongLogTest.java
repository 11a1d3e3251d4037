package dev.snapdeck.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.snapdeck.server.LocalServer;
import dev.snapdeck.server.ServerOptions;
import dev.snapdeck.service.ConnectionProfile;
import dev.snapdeck.service.Connector;
import dev.snapdeck.service.FileSecretStore;
import dev.snapdeck.service.ProfileStore;
import dev.snapdeck.service.Workspace;
import dev.snapdeck.testing.RawApi;
import dev.snapdeck.ui.testing.Eventually;
import dev.snapdeck.ui.testing.FakeShell;

/**
 * The log of a step that writes more than the local server answers at once (1 MiB), followed
 * live against a real local server: the step writes {@value #LINES} numbered lines, starts one
 * more line, waits at a gate (a file the test creates), then ends that line and exits.
 */
@Timeout(240)
class RunDetailLongLogTest {

    private static final String PASSWORD = "long-log-admin";
    private static final int LINES = 30_000;
    private static final String CHATTY_STEP = String.join("\n",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "public class Chatty {",
            "    public static void main(String[] args) throws Exception {",
            "        StringBuilder lines = new StringBuilder();",
            "        for (int i = 1; i <= " + LINES + "; i++) {",
            "            lines.append(String.format(\"line %05d of a log longer than a MiB%n\", i));",
            "        }",
            "        System.out.print(lines);",
            "        System.out.print(\"half a line \");",
            "        System.out.flush();",
            "        Path gate = Path.of(System.getenv(\"SNAPDECK_PARAM_GATE\"));",
            "        while (!Files.exists(gate)) {",
            "            Thread.sleep(20);",
            "        }",
            "        System.out.println(\"and its end\");",
            "    }",
            "}", "");

    @TempDir
    Path root;

    private LocalServer server;
    private Workspace workspace;
    private RunDetailViewModel viewModel;
    private final List<String> logLines = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Path pipeline = Files.createDirectories(root.resolve("pipelines").resolve("chatty"));
        Files.writeString(pipeline.resolve("Chatty.java"), CHATTY_STEP);
        Files.writeString(pipeline.resolve("pipeline.yaml"), String.join("\n",
                "name: chatty",
                "steps:",
                "  talk:",
                "    run: [java, Chatty.java]",
                "    enable_cache: false",
                "    parameters:",
                "      gate: {type: string, default: none}", ""));
        server = LocalServer.start(new ServerOptions(null, 0, root.resolve("data"),
                root.resolve("pipelines"), () -> PASSWORD, null));
        ProfileStore profiles = new ProfileStore(root.resolve("profiles.json"),
                new FileSecretStore(root.resolve("secrets.json")));
        workspace = new Connector(profiles, null, reason -> Optional.empty()).connect(
                new ConnectionProfile("long-log", server.url().toString(),
                        ConnectionProfile.SignIn.PASSWORD, "admin"), PASSWORD);
    }

    @AfterEach
    void stop() {
        if (viewModel != null) {
            viewModel.dispose();
        }
        workspace.close();
        server.close();
    }

    @Test
    void followsALogPastItsFirstMebibyteAndJoinsALineWrittenInTwoGoes() throws Exception {
        Path gate = root.resolve("gate-open");
        UUID runId = startRun(gate);
        viewModel = new RunDetailViewModel(new FakeShell().context(workspace), runId);
        viewModel.setLogSink(logLines::addAll, logLines::clear);
        viewModel.load();

        Eventually.await("all numbered lines", Duration.ofSeconds(120),
                () -> stepLines().size() >= LINES);
        Files.createFile(gate);
        Eventually.await("the last line", Duration.ofSeconds(120),
                () -> stepLines().size() > LINES);
        Eventually.await("the step to end", Duration.ofSeconds(120),
                () -> !workspace.run(runId).inProgress());

        List<String> expected = new ArrayList<>(IntStream.rangeClosed(1, LINES)
                .mapToObj(i -> String.format("line %05d of a log longer than a MiB", i)).toList());
        expected.add("half a line and its end");
        List<String> shown = stepLines();
        assertEquals(firstDifference(expected, expected), firstDifference(expected, shown));
    }

    /** Where two logs part, so a failure names one line instead of printing 30,000. */
    private static String firstDifference(List<String> expected, List<String> shown) {
        for (int i = 0; i < Math.max(expected.size(), shown.size()); i++) {
            String want = i < expected.size() ? expected.get(i) : "(nothing)";
            String got = i < shown.size() ? shown.get(i) : "(nothing)";
            if (!want.equals(got)) {
                return "line " + (i + 1) + " is '" + got + "', expected '" + want + "'";
            }
        }
        return "the same " + shown.size() + " lines";
    }

    private UUID startRun(Path gate) throws Exception {
        RawApi api = RawApi.asAdmin(server.url(), PASSWORD);
        String config = "{\"steps\": {\"talk\": {\"parameters\": {\"gate\": "
                + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(gate.toString())
                + "}}}}";
        String snapshotId = api.ok("POST", "/api/v1/x-snapdeck/pipelines/chatty/snapshots", "{}")
                .get("id").asText();
        return UUID.fromString(api.ok("POST", "/api/v1/pipeline_snapshots/" + snapshotId + "/runs",
                "{\"run_configuration\": " + config + "}").get("id").asText());
    }

    /** The log as shown, without the local orchestrator's own "[snapdeck] attempt" line. */
    private List<String> stepLines() {
        return logLines.stream().filter(line -> !line.startsWith("[snapdeck]")).toList();
    }
}
