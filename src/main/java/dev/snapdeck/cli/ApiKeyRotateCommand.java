package dev.snapdeck.cli;

import dev.snapdeck.api.ApiKey;
import dev.snapdeck.api.ServiceAccount;
import dev.snapdeck.service.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code snapdeck service-account api-key rotate ACCOUNT KEY [--retain MINUTES]}. */
@Command(
        name = "rotate",
        mixinStandardHelpOptions = true,
        description = {"Give an API key a new secret, printed once.",
            "The old secret stops working at once, with every token got with it, unless "
                + "--retain keeps it working a while for the switch-over."},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.PROBLEM_LINE, ExitCode.USAGE_LINE,
            ExitCode.AUTH_LINE, ExitCode.UNREACHABLE_LINE, ExitCode.NOT_FOUND_LINE})
final class ApiKeyRotateCommand extends ConnectedCommand {

    @Parameters(index = "0", paramLabel = "ACCOUNT",
            description = "The service account's name or full id.")
    String account;

    @Parameters(index = "1", paramLabel = "KEY", description = "The key's name or full id.")
    String key;

    @Option(names = "--retain", paramLabel = "MINUTES", defaultValue = "0",
            description = "Minutes the old secret keeps working (default: ${DEFAULT-VALUE}).")
    int retainMinutes;

    ApiKeyRotateCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    int run(Workspace workspace) {
        if (retainMinutes < 0) {
            throw new CliFailure(ExitCode.USAGE, "--retain must be 0 or more minutes, not "
                    + retainMinutes + ".");
        }
        ServiceAccount owner = workspace.serviceAccounts().get(account);
        ApiKey rotated = workspace.serviceAccounts().rotateKey(owner.id(), key, retainMinutes);

        String old = retainMinutes == 0 ? "the old one no longer works"
                : "the old one works for " + retainMinutes + " more minutes";
        NewKeyOutput.print(output(), err(), "Rotated API key '" + rotated.name() + "' of service "
                + "account " + owner.name() + "; " + old + ".", Rows.keyOwner(owner), rotated);
        return ExitCode.OK;
    }
}
