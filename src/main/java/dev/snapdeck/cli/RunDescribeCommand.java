package dev.snapdeck.cli;

import java.util.List;
import java.util.Map;

import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.service.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code snapdeck run describe RUN}. */
@Command(
        name = "describe",
        mixinStandardHelpOptions = true,
        description = "Show a run: status, pipeline, snapshot, times, and each step's status.",
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.PROBLEM_LINE, ExitCode.USAGE_LINE,
            ExitCode.AUTH_LINE, ExitCode.UNREACHABLE_LINE, ExitCode.NOT_FOUND_LINE})
final class RunDescribeCommand extends ConnectedCommand {

    @Parameters(index = "0", paramLabel = "RUN", description = "The run's name, id or id prefix.")
    String run;

    RunDescribeCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    int run(Workspace workspace) {
        PipelineRun found = workspace.run(run);
        List<Map<String, Object>> steps = workspace.steps(found.id()).stream()
                .map(Rows::step).toList();

        Map<String, Object> record = Rows.run(found);
        record.put("status_reason", found.statusReason());
        record.put("started", found.startTime());
        record.put("ended", found.endTime());
        Output output = output();
        if (output.isJson()) {
            record.put("steps", steps);
            output.json(record);
            return ExitCode.OK;
        }
        output.details(record);
        out().println();
        output.rows(Rows.STEP_COLUMNS, steps, "No step has started yet.");
        return ExitCode.OK;
    }
}
