package dev.snapdeck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.Snapshot;
import dev.snapdeck.api.StepRun;
import dev.snapdeck.service.Workspace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code snapdeck pipeline snapshot run NAME_OR_ID [--config FILE] [--wait]}. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {"Start a run of a snapshot, optionally with a run configuration.",
            "The --config file is checked against the snapshot first; problems print as "
                + "FILE:LINE:COL: error|warning: message, and with an error nothing is sent.",
            "With --wait, each step's status changes are printed until the run ends (and a "
                + "line when the run waits queued for its first step to start), and the exit "
                + "code says how it ended. Ctrl+C stops waiting, not the run; so does an "
                + "outage of the server longer than --outage-grace."},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.PROBLEM_LINE, ExitCode.USAGE_LINE,
            ExitCode.AUTH_LINE, ExitCode.UNREACHABLE_WATCHING_LINE, ExitCode.NOT_FOUND_LINE,
            ExitCode.RUN_FAILED_LINE, ExitCode.RUN_STOPPED_LINE, ExitCode.NOT_SUPPORTED_LINE})
final class SnapshotRunCommand extends ConnectedCommand {

    @Parameters(index = "0", paramLabel = "NAME_OR_ID",
            description = "The snapshot's name, id or id prefix.")
    String snapshot;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Run configuration YAML to apply on top of the snapshot's.")
    Path config;

    @Option(names = "--wait", description = "Wait for the run to end, printing step progress.")
    boolean waitForEnd;

    @Mixin
    WatchOptions watching;

    SnapshotRunCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    int run(Workspace workspace) throws InterruptedException {
        Snapshot found = workspace.snapshot(snapshot);
        ObjectNode runConfiguration = null;
        if (config != null) {
            Optional<ObjectNode> checked = ConfigFiles.check(config, ConfigFiles.spec(found),
                    err());
            if (checked.isEmpty()) {
                return ExitCode.PROBLEM;
            }
            runConfiguration = checked.get();
        }
        if (!workspace.connection().canRunSnapshots()) {
            throw new CliFailure(ExitCode.NOT_SUPPORTED,
                    workspace.connection().whyRunsAreUnavailable());
        }

        PipelineRun run = workspace.triggerRun(found.id(), runConfiguration);
        Output output = output();
        if (!waitForEnd) {
            output.line(started(run, found));
            if (output.isJson()) {
                output.json(Rows.run(run));
            }
            return ExitCode.OK;
        }
        // Installed before anything is printed, so whoever reacts to "Started run" with Ctrl+C
        // is told what became of the run.
        try (RunDetachNotice notice = RunDetachNotice.install(err(), run)) {
            output.line(started(run, found));
            return reportEnd(await(workspace, run), output);
        }
    }

    private static String started(PipelineRun run, Snapshot found) {
        return "Started run " + run.name() + " (" + run.id() + ") of snapshot "
                + Rows.label(found) + ".";
    }

    private PipelineRun await(Workspace workspace, PipelineRun started)
            throws InterruptedException {
        StepProgress progress = new StepProgress(common.json() ? err() : out());
        return watching.watch(started, err(), session()::verbose).untilEnded(workspace,
                session().reopenerFor(workspace), progress::printChanges);
    }

    /**
     * What {@code --wait} has printed: each step's status as it changes, and a line when the run
     * waits in {@code queued}, since until its first step starts there is no step to print. Every
     * run is queued for a moment before its first step starts; the line comes only when a second
     * round in a row finds it still queued, so it tells of a wait of at least one interval.
     */
    private static final class StepProgress {

        private final PrintWriter progress;
        private final Map<String, ExecutionStatus> seen = new HashMap<>();
        private int queuedRounds;

        StepProgress(PrintWriter progress) {
            this.progress = progress;
        }

        void printChanges(Workspace reached, PipelineRun now) {
            queuedRounds = ExecutionStatus.QUEUED.equals(now.status()) ? queuedRounds + 1 : 0;
            if (queuedRounds == 2) {
                progress.println("  Run " + TerminalText.visible(now.name())
                        + " is queued: it waits to start.");
                progress.flush();
            }
            printStepChanges(reached.steps(now.id()));
            progress.flush();
        }

        private void printStepChanges(List<StepRun> steps) {
            for (StepRun step : steps) {
                ExecutionStatus before = seen.put(step.name(), step.status());
                if (step.status() != null && !step.status().equals(before)) {
                    progress.println("  " + step.name() + ": " + step.status());
                }
            }
        }
    }

    private int reportEnd(PipelineRun run, Output output) {
        if (output.isJson()) {
            output.json(Rows.run(run));
        } else {
            String reason = run.statusReason() == null ? "" : " (" + run.statusReason() + ")";
            output.line("Run " + run.name() + " " + run.status() + reason + ".");
        }
        return ExitCode.forRunEnd(run.status());
    }
}
