package dev.snapdeck.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.snapdeck.api.NotFoundException;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.Ref;
import dev.snapdeck.api.Snapshot;
import dev.snapdeck.api.Stack;
import dev.snapdeck.service.Workspace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code snapdeck pipeline snapshot create SOURCE --name NAME}: freezes a pipeline folder of the
 * local server, or names the snapshot of an existing run ({@code --from-run}) on any server.
 */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = {"Create a named snapshot.",
            "SOURCE is a pipeline folder name on Snapdeck's local server; the folder is frozen "
                + "as it is now. With --from-run instead, the snapshot of that run gets the name "
                + "(works on any server)."},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.PROBLEM_LINE, ExitCode.USAGE_LINE,
            ExitCode.AUTH_LINE, ExitCode.UNREACHABLE_LINE, ExitCode.NOT_FOUND_LINE,
            ExitCode.NOT_SUPPORTED_LINE})
final class SnapshotCreateCommand extends ConnectedCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SOURCE",
            description = "The pipeline folder's name on the local server, e.g. "
                    + "training_pipeline.")
    String source;

    @Option(names = "--from-run", paramLabel = "RUN",
            description = "Name the snapshot of this run (name, id or id prefix) instead.")
    String fromRun;

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "The snapshot's name, unique per pipeline.")
    String name;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Run configuration YAML frozen into the snapshot (with SOURCE only).")
    Path config;

    @Option(names = "--stack", paramLabel = "STACK",
            description = "The stack (name, id or id prefix) to freeze it for. With --from-run "
                    + "it must be the run's own stack: a run's snapshot keeps its stack.")
    String stack;

    @Option(names = "--description", paramLabel = "TEXT", description = "What it is for.")
    String description;

    @Option(names = "--replace",
            description = "Take the name from another snapshot of the pipeline that has it.")
    boolean replace;

    SnapshotCreateCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    int run(Workspace workspace) {
        checkArguments();
        Snapshot created = fromRun != null ? fromRun(workspace) : fromFolder(workspace);

        Output output = output();
        if (output.isJson()) {
            output.json(Rows.snapshot(created));
        } else {
            output.line("Created snapshot " + Rows.label(created) + " (" + created.id()
                    + ") of pipeline " + Rows.name(created.pipeline()) + ".");
        }
        return ExitCode.OK;
    }

    private void checkArguments() {
        if ((source == null) == (fromRun == null)) {
            throw new CliFailure(ExitCode.USAGE, "give either SOURCE (a pipeline folder on the "
                    + "local server) or --from-run RUN, not both or neither.");
        }
        if (fromRun != null && config != null) {
            throw new CliFailure(ExitCode.USAGE, "--config does not apply with --from-run: the "
                    + "run's snapshot keeps its configuration.");
        }
    }

    private Snapshot fromRun(Workspace workspace) {
        PipelineRun run = workspace.run(fromRun);
        if (stack != null) {
            requireRunsStack(run, workspace.stack(stack));
        }
        return workspace.snapshotFromRun(run.id(), name, description, List.of(), replace);
    }

    /** ZenML names a run's snapshot as it is; nothing can move it to another stack. */
    private static void requireRunsStack(PipelineRun run, Stack wanted) {
        Ref ran = run.stack();
        if (ran == null || !wanted.id().equals(ran.id())) {
            throw new CliFailure(ExitCode.NOT_SUPPORTED, "run " + run.name() + " ran on stack "
                    + (ran == null ? "(unknown)" : Rows.name(ran)) + ", and its snapshot keeps "
                    + "that stack; to have one for " + wanted.name() + ", run the pipeline "
                    + "there and name that run's snapshot.");
        }
    }

    private Snapshot fromFolder(Workspace workspace) {
        UUID stackId = stack == null ? null : workspace.stack(stack).id();
        ObjectNode frozen = null;
        if (config != null) {
            Optional<ObjectNode> checked = ConfigFiles.check(config, ConfigFiles.anySnapshot(),
                    err());
            if (checked.isEmpty()) {
                throw new CliFailure(ExitCode.PROBLEM, config + " has errors; no snapshot was "
                        + "created.");
            }
            frozen = checked.get();
        }
        try {
            return workspace.snapshotFromFolder(source, name, description, frozen, stackId,
                    replace);
        } catch (NotFoundException e) {
            if (!workspace.connection().local() && e.exceptionClass() == null) {
                throw new CliFailure(ExitCode.NOT_SUPPORTED, "this server cannot create a "
                        + "snapshot from a pipeline folder (only Snapdeck's local server can); "
                        + "use --from-run RUN.");
            }
            throw e;
        }
    }
}
