package dev.snapdeck.cli;

import dev.snapdeck.api.Page;
import dev.snapdeck.api.ServiceAccount;
import dev.snapdeck.service.Workspace;

import picocli.CommandLine.Command;

/** {@code snapdeck service-account list}. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the server's service accounts, oldest first.",
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.PROBLEM_LINE, ExitCode.USAGE_LINE,
            ExitCode.AUTH_LINE, ExitCode.UNREACHABLE_LINE})
final class ServiceAccountListCommand extends ConnectedCommand {

    ServiceAccountListCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    int run(Workspace workspace) {
        Page<ServiceAccount> page = workspace.serviceAccounts().list(Rows.PAGE_SIZE);

        Output output = output();
        output.rows(Rows.SERVICE_ACCOUNT_COLUMNS,
                page.items().stream().map(Rows::serviceAccount).toList(),
                "No service accounts yet; create one with 'snapdeck service-account create "
                        + "NAME'.");
        output.line(Rows.more(page));
        return ExitCode.OK;
    }
}
