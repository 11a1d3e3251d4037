package dev.snapdeck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.snapdeck.runconfig.CheckResult;
import dev.snapdeck.runconfig.Diagnostic;
import dev.snapdeck.runconfig.Limits;
import dev.snapdeck.runconfig.RunConfigChecker;
import dev.snapdeck.runconfig.SnapshotSpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code snapdeck config}: work with run-configuration files. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "Check run-configuration YAML files against a snapshot.",
        subcommands = ConfigCommand.Validate.class)
public final class ConfigCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code snapdeck config validate FILE --snapshot SNAPSHOT_JSON_FILE [--print-json]}. */
    @Command(
            name = "validate",
            mixinStandardHelpOptions = true,
            description = {"Check a run-configuration YAML file against a snapshot, the way a run "
                    + "would apply it.",
                "Problems go to standard error as FILE:LINE:COL: error|warning: message; "
                    + "--print-json writes the JSON that would be sent to standard output."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:No error (warnings may have been printed).",
                "1:The file has an error, or a file could not be read.",
                "2:The command line was wrong."
            })
    static final class Validate implements Callable<Integer> {

        private static final Logger LOG = LoggerFactory.getLogger(Validate.class);
        private static final ObjectMapper JSON = new ObjectMapper();

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The run-configuration YAML.")
        private Path file;

        // TODO: SNAPSHOT may only be a file for now; taking a snapshot name or id and fetching it
        // from the configured server needs the service layer's connection profiles (issue 3 §6).
        @Option(names = "--snapshot", required = true, paramLabel = "SNAPSHOT_JSON_FILE",
                description = "A snapshot as the server returns it with hydrate=true (it must "
                        + "hold config_template and config_schema).")
        private Path snapshot;

        @Option(names = "--print-json", description = "Also print the run_configuration JSON "
                + "that would be sent.")
        private boolean printJson;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            SnapshotSpec snapshotSpec;
            byte[] yaml;
            try {
                snapshotSpec = readSnapshot(snapshot);
                yaml = readLimited(file);
            } catch (NoSuchFileException e) {
                LOG.debug("Missing input", e);
                err.println("error: " + e.getFile() + ": no such file");
                err.flush();
                return 1;
            } catch (IOException | IllegalArgumentException e) {
                LOG.debug("Cannot read input", e);
                err.println("error: " + e.getMessage());
                err.flush();
                return 1;
            }
            CheckResult result = new RunConfigChecker().check(yaml, snapshotSpec);
            for (Diagnostic d : result.diagnostics()) {
                err.printf("%s:%d:%d: %s: %s%n", file, d.startLine(), d.startColumn(),
                        d.severity().label(), d.message());
            }
            if (printJson && result.runConfiguration().isPresent()) {
                out.println(result.runConfiguration().get().toPrettyString());
            }
            out.flush();
            err.flush();
            return result.hasErrors() ? 1 : 0;
        }

        /** Reads the file unless it is clearly past the size limit (4 bytes per character). */
        private static byte[] readLimited(Path path) throws IOException {
            long limit = 4L * Limits.DEFAULT.maxChars();
            if (Files.size(path) > limit) {
                throw new IOException(path + ": the file is too large (" + Files.size(path)
                        + " bytes; the limit is " + Limits.DEFAULT.maxChars() + " characters)");
            }
            return Files.readAllBytes(path);
        }

        private static SnapshotSpec readSnapshot(Path path) throws IOException {
            JsonNode snapshot;
            try {
                snapshot = JSON.readTree(path.toFile());
            } catch (IOException e) {
                throw new IOException(path + ": cannot read the snapshot as JSON ("
                        + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()) + ")", e);
            }
            JsonNode holder = snapshot.path("metadata").has("config_schema")
                    ? snapshot.get("metadata") : snapshot;
            if (!holder.has("config_schema")) {
                throw new IllegalArgumentException(path + ": no config_schema in this snapshot; "
                        + "save it from the server with ?hydrate=true.");
            }
            return SnapshotSpec.of(holder.get("config_template"), holder.get("config_schema"));
        }

        private static String firstLine(String message) {
            return message == null ? "" : message.lines().findFirst().orElse("");
        }
    }
}
