package dev.snapdeck.cli;

import dev.snapdeck.api.Snapshot;
import dev.snapdeck.service.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code snapdeck pipeline snapshot delete NAME_OR_ID [--yes]}. */
@Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        description = {"Delete a snapshot. Its runs stay.",
            "At a terminal it asks first; without a terminal (scripts, CI) --yes is required."},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.PROBLEM_LINE, ExitCode.USAGE_LINE,
            ExitCode.AUTH_LINE, ExitCode.UNREACHABLE_LINE, ExitCode.NOT_FOUND_LINE})
final class SnapshotDeleteCommand extends ConnectedCommand {

    @Parameters(index = "0", paramLabel = "NAME_OR_ID",
            description = "The snapshot's name, id or id prefix.")
    String snapshot;

    @Option(names = {"-y", "--yes"}, description = "Delete without asking.")
    boolean yes;

    SnapshotDeleteCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    int run(Workspace workspace) {
        Snapshot found = workspace.snapshot(snapshot);
        if (!yes && !Confirmation.toDelete(env, "snapshot " + Rows.label(found) + " ("
                + found.id() + ")")) {
            output().line("Kept snapshot " + Rows.label(found) + ".");
            return ExitCode.PROBLEM;
        }

        workspace.deleteSnapshot(found.id());

        Output output = output();
        if (output.isJson()) {
            output.json(Output.record("id", found.id(), "name", found.name(), "deleted", true));
        } else {
            output.line("Deleted snapshot " + Rows.label(found) + " (" + found.id() + ").");
        }
        return ExitCode.OK;
    }
}
