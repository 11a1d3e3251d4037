package dev.snapdeck.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.snapdeck.api.LogEntry;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.StepRun;
import dev.snapdeck.service.NoSuchThingException;
import dev.snapdeck.service.StepLogCursor;
import dev.snapdeck.service.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code snapdeck run logs RUN [--step STEP] [--follow]}. */
@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        description = {"Print the logs of a run's steps (all steps in order, or one with --step).",
            "With --follow, new lines are printed as the steps write them until the run ends, "
                + "and the exit code says how it ended. Ctrl+C stops following, not the run; so "
                + "does an outage of the server longer than --outage-grace."},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.PROBLEM_LINE, ExitCode.USAGE_LINE,
            ExitCode.AUTH_LINE, ExitCode.UNREACHABLE_WATCHING_LINE, ExitCode.NOT_FOUND_LINE,
            ExitCode.RUN_FAILED_LINE, ExitCode.RUN_STOPPED_LINE})
final class RunLogsCommand extends ConnectedCommand {

    @Parameters(index = "0", paramLabel = "RUN", description = "The run's name, id or id prefix.")
    String run;

    @Option(names = "--step", paramLabel = "STEP", description = "Only this step's log.")
    String step;

    @Option(names = {"-f", "--follow"},
            description = "Keep printing new lines until the run ends (no JSON form).")
    boolean follow;

    @Mixin
    WatchOptions watching;

    /** Where --follow has got to in each step's log, in the order the steps started. */
    private final Map<UUID, StepLogCursor> cursors = new LinkedHashMap<>();

    /** The step whose lines --follow printed last, so another step's lines get a heading. */
    private String shownStep;

    RunLogsCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    int run(Workspace workspace) throws InterruptedException {
        PipelineRun found = workspace.run(run);
        if (!follow) {
            return printOnce(workspace, found);
        }
        if (common.json()) {
            throw new CliFailure(ExitCode.USAGE, "--follow prints lines as they come and has no "
                    + "JSON form; after the run ended, 'snapdeck run logs " + found.name()
                    + " --output json' prints them all.");
        }
        try (RunDetachNotice notice = RunDetachNotice.install(err(), found)) {
            return follow(workspace, found);
        }
    }

    private int printOnce(Workspace workspace, PipelineRun found) {
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
                    "entries", new StepLogCursor().next(workspace, s))).toList());
            return ExitCode.OK;
        }
        boolean headings = steps.size() > 1;
        for (StepRun s : steps) {
            if (headings) {
                out().println("==> " + TerminalText.visible(s.name()) + " (" + s.status() + ") <==");
            }
            print(new StepLogCursor().next(workspace, s));
        }
        return ExitCode.OK;
    }

    /**
     * The watch reads the run's status before each round's logs, so the round that sees the run
     * ended also prints the last lines the steps wrote.
     */
    private int follow(Workspace workspace, PipelineRun found) throws InterruptedException {
        PipelineRun ended = watching.watch(found, err(), session()::verbose)
                .untilEnded(workspace, session().reopenerFor(workspace), this::printNewLines);
        return reportEnd(ended, cursors.isEmpty());
    }

    /** One round: what each step wrote since the last (a read that fails moves no cursor). */
    private void printNewLines(Workspace workspace, PipelineRun now) {
        for (StepRun s : workspace.steps(now.id())) {
            if (step == null || s.name().equals(step)) {
                StepLogCursor cursor = cursors.computeIfAbsent(s.id(), id -> new StepLogCursor());
                shownStep = printFresh(cursor.next(workspace, s), s.name(), shownStep);
            }
        }
    }

    /** Prints the entries, under a heading when they are another step's than the last ones. */
    private String printFresh(List<LogEntry> fresh, String stepName, String shownStep) {
        if (fresh.isEmpty()) {
            return shownStep;
        }
        if (step == null && !stepName.equals(shownStep)) {
            out().println("==> " + TerminalText.visible(stepName) + " <==");
        }
        print(fresh);
        out().flush();
        return stepName;
    }

    private int reportEnd(PipelineRun ended, boolean noStepSeen) {
        if (step != null && noStepSeen) {
            throw new NoSuchThingException("step of run " + ended.name(), step);
        }
        int code = ExitCode.forRunEnd(ended.status());
        if (code != ExitCode.OK) {
            String reason = ended.statusReason() == null ? "" : " (" + ended.statusReason() + ")";
            err().println("Run " + TerminalText.visible(ended.name()) + " " + ended.status() + reason + ".");
        }
        return code;
    }

    /** The entries' messages, at a terminal without the control characters that would steer it. */
    private void print(List<LogEntry> entries) {
        boolean terminal = env.terminal().present();
        for (LogEntry entry : entries) {
            out().println(terminal ? TerminalText.logLine(entry.message()) : entry.message());
        }
    }
}
