package dev.snapdeck.cli;

import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.service.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code snapdeck run stop RUN [--graceful]}. */
@Command(
        name = "stop",
        mixinStandardHelpOptions = true,
        description = "Ask the server to stop a run. Returns once the server accepted; the run "
                + "reads 'stopping' until its steps have ended.",
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.PROBLEM_LINE, ExitCode.USAGE_LINE,
            ExitCode.AUTH_LINE, ExitCode.UNREACHABLE_LINE, ExitCode.NOT_FOUND_LINE})
final class RunStopCommand extends ConnectedCommand {

    @Parameters(index = "0", paramLabel = "RUN", description = "The run's name, id or id prefix.")
    String run;

    @Option(names = "--graceful", description = "Let running steps finish; start no new ones.")
    boolean graceful;

    RunStopCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    int run(Workspace workspace) {
        PipelineRun found = workspace.run(run);

        workspace.stopRun(found.id(), graceful);

        Output output = output();
        if (output.isJson()) {
            output.json(Output.record("id", found.id(), "name", found.name(),
                    "graceful", graceful, "stop_requested", true));
        } else {
            output.line("Asked to stop run " + found.name() + (graceful
                    ? " gracefully (running steps finish)." : "."));
        }
        return ExitCode.OK;
    }
}
