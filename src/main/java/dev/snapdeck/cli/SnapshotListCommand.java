package dev.snapdeck.cli;

import dev.snapdeck.api.Page;
import dev.snapdeck.api.Snapshot;
import dev.snapdeck.api.SnapshotQuery;
import dev.snapdeck.service.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code snapdeck pipeline snapshot list}. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List named snapshots, newest first.",
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.PROBLEM_LINE, ExitCode.USAGE_LINE,
            ExitCode.AUTH_LINE, ExitCode.UNREACHABLE_LINE, ExitCode.NOT_FOUND_LINE})
final class SnapshotListCommand extends ConnectedCommand {

    @Option(names = "--pipeline", paramLabel = "PIPELINE",
            description = "Only snapshots of this pipeline (name, id or id prefix).")
    String pipeline;

    SnapshotListCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    int run(Workspace workspace) {
        SnapshotQuery query = new SnapshotQuery().namedOnly().sortBy("desc:created")
                .size(Rows.PAGE_SIZE);
        if (pipeline != null) {
            query.pipeline(workspace.pipeline(pipeline).id().toString());
        }
        Page<Snapshot> page = workspace.snapshots(query);
        Output output = output();
        output.rows(Rows.SNAPSHOT_COLUMNS, page.items().stream().map(Rows::snapshot).toList(),
                "No snapshots. Create one with 'snapdeck pipeline snapshot create'.");
        output.line(Rows.more(page));
        return ExitCode.OK;
    }
}
