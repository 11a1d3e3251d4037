package dev.snapdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path snapshot;

    @BeforeEach
    void copySnapshotFixture() throws IOException {
        snapshot = dir.resolve("snapshot.json");
        try (InputStream in = getClass().getResourceAsStream(
                "/dev/snapdeck/fixtures/snapshot-hydrated.json")) {
            Files.copy(in, snapshot);
        }
    }

    private int run(String... args) {
        return SnapdeckCommand.newCommandLine(new PrintWriter(out), new PrintWriter(err))
                .execute(args);
    }

    private Path yaml(String text) throws IOException {
        return Files.writeString(dir.resolve("override.yaml"), text, StandardCharsets.UTF_8);
    }

    @Test
    void cleanFileExitsZeroAndPrintsTheJsonToSend() throws IOException {
        Path file = yaml("enable_cache: false\nsteps:\n  train_model:\n    parameters:\n"
                + "      epochs: 25\n");

        int code = run("config", "validate", file.toString(), "--snapshot", snapshot.toString(),
                "--print-json");

        assertEquals(0, code, err.toString());
        assertEquals("", err.toString());
        assertEquals(new ObjectMapper().readTree("{\"enable_cache\":false,\"steps\":"
                + "{\"train_model\":{\"parameters\":{\"epochs\":25}}}}"),
                new ObjectMapper().readTree(out.toString()));
    }

    @Test
    void jsonOutputIsOneObjectWithTheDiagnosticsAndTheConfigurationToSend() throws IOException {
        Path file = yaml("steps:\n  train_model:\n    parameters:\n      epochs: 25\n"
                + "      optimizer: x\n");

        int code = run("config", "validate", file.toString(), "--snapshot", snapshot.toString(),
                "--output", "json");
        JsonNode withError = new ObjectMapper().readTree(out.toString());
        out.getBuffer().setLength(0);
        int cleanCode = run("config", "validate", yaml("enable_cache: false\n").toString(),
                "--snapshot", snapshot.toString(), "--output", "json");
        JsonNode clean = new ObjectMapper().readTree(out.toString());

        assertEquals(1, code);
        assertEquals("", err.toString());
        assertEquals(false, withError.get("valid").asBoolean());
        JsonNode problem = withError.get("diagnostics").get(0);
        assertEquals("error", problem.get("severity").asText());
        assertEquals(5, problem.get("line").asInt());
        assertEquals(7, problem.get("column").asInt());
        assertEquals("steps.train_model.parameters.optimizer", problem.get("path").asText());
        assertTrue(withError.get("run_configuration").isNull(), withError.toString());
        assertEquals(0, cleanCode);
        assertEquals(0, clean.get("diagnostics").size(), clean.toString());
        assertEquals(new ObjectMapper().readTree("{\"enable_cache\":false}"),
                clean.get("run_configuration"));
    }

    @Test
    void errorIsPrintedWithFileLineAndColumnAndExitsOne() throws IOException {
        Path file = yaml("steps:\n  train_model:\n    parameters:\n      epochs: 5000\n");

        int code = run("config", "validate", file.toString(), "--snapshot", snapshot.toString());

        assertEquals(1, code);
        assertEquals(file + ":4:15: error: `epochs` must be at most 1000; it is the number 5000."
                + System.lineSeparator(), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void aFileWithoutEndIsReadOnlyUpToTheLimitAndRefused() {
        Path endless = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(endless),
                "needs a device that never ends");

        int code = run("config", "validate", endless.toString(), "--snapshot",
                snapshot.toString());

        assertEquals(ExitCode.PROBLEM, code);
        assertTrue(err.toString().startsWith("error: /dev/zero: the file is too large (over "),
                err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
    }

    @Test
    void printJsonPrintsNothingToSendWhenThereAreErrors() throws IOException {
        Path file = yaml("steps:\n  train_model:\n    parameters:\n      epochs: 5000\n");

        int code = run("config", "validate", file.toString(), "--snapshot", snapshot.toString(), "--print-json");

        assertEquals(1, code);
        assertEquals("", out.toString());
        assertTrue(err.toString().endsWith(file + ": no JSON printed: the configuration has errors"
                + System.lineSeparator()), err.toString());
    }

    @Test
    void warningsAloneExitZero() throws IOException {
        Path file = yaml("run_name: ~\n");

        int code = run("config", "validate", file.toString(), "--snapshot", snapshot.toString());

        assertEquals(0, code);
        assertTrue(err.toString().startsWith(file + ":1:11: warning: `~` is sent as null"),
                err.toString());
    }

    @Test
    void fileThatIsNotUtf8IsReportedAtTheBadByte() throws IOException {
        Path file = Files.write(dir.resolve("latin1.yaml"),
                "run_name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        int code = run("config", "validate", file.toString(), "--snapshot", snapshot.toString());

        assertEquals(1, code);
        assertTrue(err.toString().startsWith(file + ":1:14: error: The file is not UTF-8: byte "
                + "0xE9"), err.toString());
    }

    @Test
    void snapshotWithoutSchemaIsRefusedWithExitOne() throws IOException {
        Path file = yaml("enable_cache: true\n");
        Path bare = Files.writeString(dir.resolve("bare.json"), "{\"id\": \"x\"}");

        int code = run("config", "validate", file.toString(), "--snapshot", bare.toString());

        assertEquals(1, code);
        assertTrue(err.toString().contains("no config_schema"), err.toString());
    }

    @Test
    void missingSnapshotOptionIsAUsageErrorWithExitTwo() throws IOException {
        Path file = yaml("enable_cache: true\n");

        int code = run("config", "validate", file.toString());

        assertEquals(2, code);
        assertTrue(err.toString().contains("--snapshot"), err.toString());
    }

    @Test
    void helpListsTheOptionsAndExitCodes() {
        int code = run("config", "validate", "--help");

        assertEquals(0, code);
        assertTrue(out.toString().startsWith("Usage: snapdeck config validate"), out.toString());
        assertTrue(out.toString().contains("--print-json"), out.toString());
        assertTrue(out.toString().contains("Exit codes:"), out.toString());
    }

    @Test
    void missingFileIsNamedAndExitsOne() {
        Path missing = dir.resolve("nowhere.yaml");

        int code = run("config", "validate", missing.toString(), "--snapshot",
                snapshot.toString());

        assertEquals(1, code);
        assertEquals("error: " + missing + ": no such file" + System.lineSeparator(),
                err.toString());
    }

    @Test
    void aFileThatMayNotBeReadSaysPermissionDenied() throws IOException {
        Path file = yaml("enable_cache: false\n");
        assumeTrue(Files.getFileStore(file).supportsFileAttributeView("posix"), "POSIX modes");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(file), "root reads a file of any mode");

        int code = run("config", "validate", file.toString(), "--snapshot",
                snapshot.toString());

        assertEquals(1, code);
        assertEquals("error: " + file + ": cannot read it (permission denied)."
                + System.lineSeparator(), err.toString());
    }
}
