package dev.snapdeck.cli;

import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.api.Page;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.RunQuery;
import dev.snapdeck.service.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code snapdeck run list [--pipeline P] [--status S] [--snapshot S]}. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List runs, newest first.",
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.PROBLEM_LINE, ExitCode.USAGE_LINE,
            ExitCode.AUTH_LINE, ExitCode.UNREACHABLE_LINE, ExitCode.NOT_FOUND_LINE})
final class RunListCommand extends ConnectedCommand {

    @Option(names = "--pipeline", paramLabel = "P",
            description = "Only runs of this pipeline (name, id or id prefix).")
    String pipeline;

    @Option(names = "--status", paramLabel = "S",
            description = "Only runs in this status (e.g. running, completed, failed).")
    String status;

    @Option(names = "--snapshot", paramLabel = "S",
            description = "Only runs started from this snapshot (name, id or id prefix).")
    String snapshot;

    RunListCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    int run(Workspace workspace) {
        RunQuery query = new RunQuery().sortBy("desc:created").size(Rows.PAGE_SIZE);
        if (pipeline != null) {
            query.pipeline(workspace.pipeline(pipeline).id());
        }
        if (status != null) {
            query.status(knownStatus(status));
        }
        if (snapshot != null) {
            query.sourceSnapshot(workspace.snapshot(snapshot).id());
        }
        Page<PipelineRun> page = workspace.runs(query);

        Output output = output();
        output.rows(Rows.RUN_COLUMNS, page.items().stream().map(Rows::run).toList(),
                "No runs.");
        output.line(Rows.more(page));
        return ExitCode.OK;
    }

    private static ExecutionStatus knownStatus(String text) {
        ExecutionStatus parsed = ExecutionStatus.of(text.strip().toLowerCase());
        if (!parsed.isKnown()) {
            throw new CliFailure(ExitCode.USAGE, "'" + text + "' is not a run status; use one "
                    + "of initializing, queued, running, completed, cached, failed, stopped, "
                    + "cancelled (or another ZenML ExecutionStatus).");
        }
        return parsed;
    }
}
