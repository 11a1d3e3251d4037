package dev.snapdeck.cli;

import dev.snapdeck.api.ServiceAccount;
import dev.snapdeck.service.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code snapdeck service-account api-key delete ACCOUNT KEY [--yes]}. */
@Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        description = {"Delete an API key; it and the tokens got with it stop working at once.",
            "At a terminal it asks first; without a terminal (scripts, CI) --yes is required."},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.PROBLEM_LINE, ExitCode.USAGE_LINE,
            ExitCode.AUTH_LINE, ExitCode.UNREACHABLE_LINE, ExitCode.NOT_FOUND_LINE})
final class ApiKeyDeleteCommand extends ConnectedCommand {

    @Parameters(index = "0", paramLabel = "ACCOUNT",
            description = "The service account's name or full id.")
    String account;

    @Parameters(index = "1", paramLabel = "KEY", description = "The key's name or full id.")
    String key;

    @Option(names = {"-y", "--yes"}, description = "Delete without asking.")
    boolean yes;

    ApiKeyDeleteCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    int run(Workspace workspace) {
        ServiceAccount owner = workspace.serviceAccounts().get(account);
        String label = "API key '" + key + "' of service account " + owner.name();
        if (!yes && !Confirmation.toDelete(env, label)) {
            output().line("Kept " + label + ".");
            return ExitCode.PROBLEM;
        }

        workspace.serviceAccounts().deleteKey(owner.id(), key);

        Output output = output();
        if (output.isJson()) {
            output.json(Output.record("service_account", owner.name(), "api_key", key,
                    "deleted", true));
        } else {
            output.line("Deleted " + label + ".");
        }
        return ExitCode.OK;
    }
}
