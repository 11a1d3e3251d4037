package dev.snapdeck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import dev.snapdeck.api.Snapshot;
import dev.snapdeck.runconfig.CheckResult;
import dev.snapdeck.runconfig.Diagnostic;
import dev.snapdeck.runconfig.Limits;
import dev.snapdeck.runconfig.RunConfigChecker;
import dev.snapdeck.runconfig.SnapshotSpec;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads a {@code --config} file and checks it against a snapshot before anything is sent. */
final class ConfigFiles {

    private ConfigFiles() {
    }

    /**
     * Checks {@code file} against the snapshot and prints every problem to {@code err} as
     * {@code FILE:LINE:COL: error|warning: message}.
     *
     * @return the run configuration to send; empty when there was an error (already printed)
     * @throws CliFailure when the file cannot be read
     */
    static Optional<ObjectNode> check(Path file, SnapshotSpec spec, PrintWriter err) {
        CheckResult result = new RunConfigChecker().check(read(file, "--config"), spec);
        print(file, result, err);
        if (result.hasErrors() || result.runConfiguration().isEmpty()) {
            return Optional.empty();
        }
        return result.runConfiguration();
    }

    static void print(Path file, CheckResult result, PrintWriter err) {
        for (Diagnostic d : result.diagnostics()) {
            err.printf("%s:%d:%d: %s: %s%n", file, d.startLine(), d.startColumn(),
                    d.severity().label(), d.message());
        }
        err.flush();
    }

    /** What the checker needs from a hydrated snapshot; a missing schema allows anything. */
    static SnapshotSpec spec(Snapshot snapshot) {
        ObjectNode anything = JsonNodeFactory.instance.objectNode().put("type", "object");
        return SnapshotSpec.of(snapshot.configTemplate(),
                snapshot.configSchema() != null ? snapshot.configSchema() : anything);
    }

    /**
     * A snapshot that allows any configuration: for a file frozen into a new snapshot, where only
     * the YAML itself can be checked before the server has built the schema.
     */
    static SnapshotSpec anySnapshot() {
        return SnapshotSpec.of(null, JsonNodeFactory.instance.objectNode().put("type", "object"));
    }

    /**
     * The file's bytes, unless it is clearly past the size limit (4 bytes per character).
     * Read as a stream, never more than the limit: a pipe ({@code --config <(…)}) or a device
     * has no size to check beforehand and may never end. {@code option} names where the file was
     * given, for the usage error an empty name gets (which would otherwise read as the current
     * folder).
     */
    static byte[] read(Path file, String option) {
        if (file.toString().isBlank()) {
            throw new CliFailure(ExitCode.USAGE, option + " needs a file name; it was empty.");
        }
        int limit = 4 * Limits.DEFAULT.maxChars();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new CliFailure(ExitCode.PROBLEM, file + ": the file is too large (over "
                        + limit + " bytes; the limit is " + Limits.DEFAULT.maxChars()
                        + " characters).");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new CliFailure(ExitCode.PROBLEM, file + ": no such file");
        } catch (IOException e) {
            throw new CliFailure(ExitCode.PROBLEM, file + ": cannot read it ("
                    + Failures.reason(e) + ").");
        }
    }
}
