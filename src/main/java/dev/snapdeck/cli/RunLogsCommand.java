package dev.snapdeck.cli;

import java.util.List;

import dev.snapdeck.api.LogEntry;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.StepRun;
import dev.snapdeck.service.NoSuchThingException;
import dev.snapdeck.service.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code snapdeck run logs RUN [--step STEP]}. */
@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        description = "Print the logs of a run's steps (all steps in order, or one with --step).",
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.PROBLEM_LINE, ExitCode.USAGE_LINE,
            ExitCode.AUTH_LINE, ExitCode.UNREACHABLE_LINE, ExitCode.NOT_FOUND_LINE})
final class RunLogsCommand extends ConnectedCommand {

    @Parameters(index = "0", paramLabel = "RUN", description = "The run's name, id or id prefix.")
    String run;

    @Option(names = "--step", paramLabel = "STEP", description = "Only this step's log.")
    String step;

    RunLogsCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    int run(Workspace workspace) {
        PipelineRun found = workspace.run(run);
        List<StepRun> steps = workspace.steps(found.id());
        if (step != null) {
            steps = steps.stream().filter(s -> s.name().equals(step)).toList();
            if (steps.isEmpty()) {
                throw new NoSuchThingException("step of run " + found.name(), step);
            }
        }

        Output output = output();
        if (output.isJson()) {
            output.json(steps.stream().map(s -> Output.record("step", s.name(),
                    "entries", workspace.stepLog(s))).toList());
            return ExitCode.OK;
        }
        boolean headings = steps.size() > 1;
        for (StepRun s : steps) {
            print(s, workspace.stepLog(s), headings);
        }
        return ExitCode.OK;
    }

    private void print(StepRun s, List<LogEntry> entries, boolean heading) {
        if (heading) {
            out().println("==> " + s.name() + " (" + s.status() + ") <==");
        }
        for (LogEntry entry : entries) {
            out().println(entry.message());
        }
    }
}
