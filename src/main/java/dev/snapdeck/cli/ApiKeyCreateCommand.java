package dev.snapdeck.cli;

import dev.snapdeck.api.ApiKey;
import dev.snapdeck.api.ServiceAccount;
import dev.snapdeck.service.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code snapdeck service-account api-key create ACCOUNT NAME [--description TEXT]}. */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = {"Give a service account another API key.",
            "The key is printed once; the server keeps only a hash of it."},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.PROBLEM_LINE, ExitCode.USAGE_LINE,
            ExitCode.AUTH_LINE, ExitCode.UNREACHABLE_LINE, ExitCode.NOT_FOUND_LINE})
final class ApiKeyCreateCommand extends ConnectedCommand {

    @Parameters(index = "0", paramLabel = "ACCOUNT",
            description = "The service account's name or full id.")
    String account;

    @Parameters(index = "1", paramLabel = "NAME",
            description = "The key's name, unique within the account.")
    String name;

    @Option(names = "--description", paramLabel = "TEXT", description = "What it is for.")
    String description;

    ApiKeyCreateCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    int run(Workspace workspace) {
        ServiceAccount owner = workspace.serviceAccounts().get(account);
        ApiKey key = workspace.serviceAccounts().createKey(owner.id(), name, description);

        NewKeyOutput.print(output(), err(), "Created API key '" + key.name() + "' of service "
                + "account " + owner.name() + ".", Rows.keyOwner(owner), key);
        return ExitCode.OK;
    }
}
