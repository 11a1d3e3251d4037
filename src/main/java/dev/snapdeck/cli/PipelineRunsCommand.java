package dev.snapdeck.cli;

import dev.snapdeck.api.Page;
import dev.snapdeck.api.Pipeline;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.RunQuery;
import dev.snapdeck.service.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code snapdeck pipeline runs PIPELINE}. */
@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        description = "List the runs of one pipeline, newest first.",
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.PROBLEM_LINE, ExitCode.USAGE_LINE,
            ExitCode.AUTH_LINE, ExitCode.UNREACHABLE_LINE, ExitCode.NOT_FOUND_LINE})
final class PipelineRunsCommand extends ConnectedCommand {

    @Parameters(index = "0", paramLabel = "PIPELINE",
            description = "The pipeline's name, id or id prefix.")
    String pipeline;

    PipelineRunsCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    int run(Workspace workspace) {
        Pipeline found = workspace.pipeline(pipeline);
        Page<PipelineRun> page = workspace.runs(new RunQuery().pipeline(found.id())
                .sortBy("desc:created").size(Rows.PAGE_SIZE));
        Output output = output();
        output.rows(Rows.RUN_COLUMNS, page.items().stream().map(Rows::run).toList(),
                "Pipeline " + found.name() + " has no runs.");
        output.line(Rows.more(page));
        return ExitCode.OK;
    }
}
