package dev.snapdeck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.snapdeck.runconfig.CheckResult;
import dev.snapdeck.runconfig.RunConfigChecker;
import dev.snapdeck.runconfig.SnapshotSpec;
import dev.snapdeck.service.Workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    /** {@code snapdeck config validate FILE --snapshot SNAPSHOT [--print-json]}. */
    @Command(
            name = "validate",
            mixinStandardHelpOptions = true,
            description = {"Check a run-configuration YAML file against a snapshot, the way a run "
                    + "would apply it.",
                "SNAPSHOT is a file holding a snapshot as the server returns it with "
                    + "hydrate=true, or else a snapshot name, id or id prefix on the connected "
                    + "server.",
                "Problems go to standard error as FILE:LINE:COL: error|warning: message; "
                    + "--print-json writes the JSON that would be sent to standard output.",
                "With --output json, one JSON object goes to standard output instead: the "
                    + "diagnostics and, without errors, the run_configuration."},
            exitCodeListHeading = ExitCode.HEADING,
            exitCodeList = {
                "0:No error (warnings may have been printed).",
                "1:The file has an error, or a file could not be read.",
                ExitCode.USAGE_LINE, ExitCode.AUTH_LINE, ExitCode.UNREACHABLE_LINE,
                ExitCode.NOT_FOUND_LINE
            })
    static final class Validate implements Callable<Integer> {

        private static final Logger LOG = LoggerFactory.getLogger(Validate.class);
        private static final ObjectMapper JSON = new ObjectMapper();

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "FILE", description = "The run-configuration YAML.")
        private Path file;

        @Option(names = "--snapshot", required = true, paramLabel = "SNAPSHOT",
                description = "A hydrated snapshot JSON file, or a snapshot's name, id or id "
                        + "prefix on the server.")
        private String snapshot;

        @Option(names = "--print-json", description = "Also print the run_configuration JSON "
                + "that would be sent.")
        private boolean printJson;

        private final CliEnvironment env;

        Validate(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            SnapshotSpec snapshotSpec = snapshotSpec();
            byte[] yaml = ConfigFiles.read(file, "FILE");

            CheckResult result = new RunConfigChecker().check(yaml, snapshotSpec);

            if (common.json()) {
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(asJson(result)));
                out.flush();
                return result.hasErrors() ? 1 : 0;
            }
            ConfigFiles.print(file, result, err);
            if (printJson && result.hasErrors()) {
                // Nothing would be sent, so a script piping this on must get nothing to send.
                err.println(file + ": no JSON printed: the configuration has errors");
            } else if (printJson && result.runConfiguration().isPresent()) {
                out.println(result.runConfiguration().get().toPrettyString());
            }
            out.flush();
            return result.hasErrors() ? 1 : 0;
        }

        /**
         * The result for scripts: every diagnostic, and the run_configuration that would be sent
         * when there is no error (null otherwise, as nothing would be sent).
         */
        private Map<String, Object> asJson(CheckResult result) {
            List<Map<String, Object>> diagnostics = result.diagnostics().stream()
                    .map(d -> Output.record("severity", d.severity().label(),
                            "line", d.startLine(), "column", d.startColumn(),
                            "end_line", d.endLine(), "end_column", d.endColumn(),
                            "path", d.path(), "message", d.message()))
                    .toList();
            return Output.record("file", file.toString(), "valid", !result.hasErrors(),
                    "diagnostics", diagnostics, "run_configuration", result.hasErrors()
                            ? null : result.runConfiguration().orElse(null));
        }

        private SnapshotSpec snapshotSpec() throws Exception {
            Path asFile = Path.of(snapshot);
            if (Files.isRegularFile(asFile)) {
                return readSnapshot(asFile);
            }
            Session session = new Session(env, common, spec.commandLine().getErr());
            session.verbose("No file named " + snapshot + ": looking it up on the server");
            try (Workspace workspace = session.open()) {
                return ConfigFiles.spec(workspace.snapshot(snapshot));
            }
        }

        private static SnapshotSpec readSnapshot(Path path) {
            JsonNode snapshot;
            try {
                snapshot = JSON.readTree(path.toFile());
            } catch (IOException e) {
                LOG.debug("Cannot read snapshot file {}", path, e);
                throw new CliFailure(ExitCode.PROBLEM, path + ": cannot read the snapshot as "
                        + "JSON (" + e.getClass().getSimpleName() + ": "
                        + firstLine(e.getMessage()) + ")");
            }
            JsonNode holder = snapshot.path("metadata").has("config_schema")
                    ? snapshot.get("metadata") : snapshot;
            if (!holder.has("config_schema")) {
                throw new CliFailure(ExitCode.PROBLEM, path + ": no config_schema in this "
                        + "snapshot; save it from the server with ?hydrate=true.");
            }
            return SnapshotSpec.of(holder.get("config_template"), holder.get("config_schema"));
        }

        private static String firstLine(String message) {
            return message == null ? "" : message.lines().findFirst().orElse("");
        }
    }
}
