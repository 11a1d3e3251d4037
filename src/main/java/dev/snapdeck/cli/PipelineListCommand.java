package dev.snapdeck.cli;

import dev.snapdeck.api.Page;
import dev.snapdeck.api.Pipeline;
import dev.snapdeck.api.PipelineQuery;
import dev.snapdeck.service.Workspace;

import picocli.CommandLine.Command;

/** {@code snapdeck pipeline list}. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the server's pipelines, most recently updated first.",
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.PROBLEM_LINE, ExitCode.USAGE_LINE,
            ExitCode.AUTH_LINE, ExitCode.UNREACHABLE_LINE})
final class PipelineListCommand extends ConnectedCommand {

    PipelineListCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    int run(Workspace workspace) {
        Page<Pipeline> page = workspace.pipelines(new PipelineQuery().sortBy("desc:updated")
                .size(Rows.PAGE_SIZE));
        Output output = output();
        output.rows(Rows.PIPELINE_COLUMNS, page.items().stream().map(Rows::pipeline).toList(),
                "No pipelines.");
        output.line(Rows.more(page));
        return ExitCode.OK;
    }
}
