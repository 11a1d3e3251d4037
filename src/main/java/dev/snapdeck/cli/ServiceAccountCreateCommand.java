package dev.snapdeck.cli;

import java.util.Map;

import dev.snapdeck.api.ServiceAccount;
import dev.snapdeck.service.ServiceAccounts;
import dev.snapdeck.service.ServiceAccounts.NewServiceAccount;
import dev.snapdeck.service.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code snapdeck service-account create NAME [--description TEXT]}. */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = {"Create a service account and its first API key, named '"
                + ServiceAccounts.FIRST_KEY + "'.",
            "The key is printed once; the server keeps only a hash of it. Sign in with it: "
                + "snapdeck login URL --api-key-stdin."},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.PROBLEM_LINE, ExitCode.USAGE_LINE,
            ExitCode.AUTH_LINE, ExitCode.UNREACHABLE_LINE})
final class ServiceAccountCreateCommand extends ConnectedCommand {

    @Parameters(index = "0", paramLabel = "NAME",
            description = "The account's name, unique among users and accounts.")
    String name;

    @Option(names = "--description", paramLabel = "TEXT", description = "What it is for.")
    String description;

    ServiceAccountCreateCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    int run(Workspace workspace) {
        NewServiceAccount made = workspace.serviceAccounts().create(name, description);

        ServiceAccount account = made.account();
        Map<String, Object> record = Rows.serviceAccount(account);
        NewKeyOutput.print(output(), err(), "Created service account " + account.name() + " ("
                + account.id() + ") with API key '" + made.key().name() + "'.", record,
                made.key());
        return ExitCode.OK;
    }
}
