package dev.snapdeck.cli;

import dev.snapdeck.api.ServiceAccount;
import dev.snapdeck.service.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code snapdeck service-account delete NAME_OR_ID [--yes]}. */
@Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        description = {"Delete a service account and its API keys; whatever signs in with them "
                + "stops working.",
            "At a terminal it asks first; without a terminal (scripts, CI) --yes is required."},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.PROBLEM_LINE, ExitCode.USAGE_LINE,
            ExitCode.AUTH_LINE, ExitCode.UNREACHABLE_LINE, ExitCode.NOT_FOUND_LINE})
final class ServiceAccountDeleteCommand extends ConnectedCommand {

    @Parameters(index = "0", paramLabel = "NAME_OR_ID",
            description = "The account's name or full id.")
    String account;

    @Option(names = {"-y", "--yes"}, description = "Delete without asking.")
    boolean yes;

    ServiceAccountDeleteCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    int run(Workspace workspace) {
        ServiceAccount found = workspace.serviceAccounts().get(account);
        String label = "service account " + found.name() + " (" + found.id() + ")";
        if (!yes && !Confirmation.toDelete(env, label)) {
            output().line("Kept " + label + ".");
            return ExitCode.PROBLEM;
        }

        workspace.serviceAccounts().delete(found.id());

        Output output = output();
        if (output.isJson()) {
            output.json(Output.record("id", found.id(), "name", found.name(), "deleted", true));
        } else {
            output.line("Deleted " + label + " and its API keys.");
        }
        return ExitCode.OK;
    }
}
