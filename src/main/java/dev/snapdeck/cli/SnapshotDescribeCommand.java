package dev.snapdeck.cli;

import java.util.Map;

import dev.snapdeck.api.Snapshot;
import dev.snapdeck.runconfig.TemplateRenderer;
import dev.snapdeck.service.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code snapdeck pipeline snapshot describe NAME_OR_ID}. */
@Command(
        name = "describe",
        mixinStandardHelpOptions = true,
        description = {"Show a snapshot: its pipeline, stack, steps and versions, and its "
                + "configuration template as YAML, ready to edit and pass to "
                + "'snapshot run --config'."},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.PROBLEM_LINE, ExitCode.USAGE_LINE,
            ExitCode.AUTH_LINE, ExitCode.UNREACHABLE_LINE, ExitCode.NOT_FOUND_LINE})
final class SnapshotDescribeCommand extends ConnectedCommand {

    @Parameters(index = "0", paramLabel = "NAME_OR_ID",
            description = "The snapshot's name, id or id prefix.")
    String snapshot;

    SnapshotDescribeCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    int run(Workspace workspace) {
        Snapshot found = workspace.snapshot(snapshot);
        String template = TemplateRenderer.render(ConfigFiles.spec(found));
        String serverVersion = workspace.connection().version();

        Map<String, Object> record = Rows.snapshot(found);
        record.put("description", found.description());
        record.put("steps", found.stepNames());
        record.put("made_on_version", found.serverVersion());
        record.put("version_warning", found.madeOnOtherVersion(serverVersion)
                ? "Made on server version " + found.serverVersion() + ", this server runs "
                        + serverVersion + ": consider creating it again."
                : null);
        Output output = output();
        if (output.isJson()) {
            record.put("config_template", found.configTemplate());
            record.put("config_template_yaml", template);
            output.json(record);
            return ExitCode.OK;
        }
        output.details(record);
        out().println();
        out().println("Config template:");
        out().print(template);
        return ExitCode.OK;
    }
}
