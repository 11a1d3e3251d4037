package dev.snapdeck.cli;

import dev.snapdeck.service.ConnectionInfo;
import dev.snapdeck.service.Workspace;

import picocli.CommandLine.Command;

/** {@code snapdeck status}: which server, who, and whether snapshots can run there. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show the connected server (URL, version, whether it is a Snapdeck local "
                + "server, whoever started it), the signed-in user, and whether snapshots can be "
                + "run there, and if not, why.",
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.PROBLEM_LINE, ExitCode.USAGE_LINE,
            ExitCode.AUTH_LINE, ExitCode.UNREACHABLE_LINE})
final class StatusCommand extends ConnectedCommand {

    StatusCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    int run(Workspace workspace) {
        ConnectionInfo info = workspace.connection();
        String why = info.whyRunsAreUnavailable();
        output().details(Output.record(
                "connection", info.profile(),
                "server_url", info.url(),
                "server_name", info.server().name(),
                "version", info.version(),
                "local", info.local(),
                "pro", info.server().isPro(),
                "user", info.user().name(),
                "can_run_snapshots", info.canRunSnapshots(),
                "why_not", why.isEmpty() ? null : why));
        return ExitCode.OK;
    }
}
