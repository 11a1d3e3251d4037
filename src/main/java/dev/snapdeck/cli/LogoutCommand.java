package dev.snapdeck.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import dev.snapdeck.service.ConnectionProfile;
import dev.snapdeck.service.ProfileStore;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code snapdeck logout [PROFILE]}: forgets a saved connection and its secret. */
@Command(
        name = "logout",
        mixinStandardHelpOptions = true,
        description = "Forget a saved connection and its secret (default: the active one). "
                + "The dashboard stops offering it too.",
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.PROBLEM_LINE, ExitCode.USAGE_LINE,
            ExitCode.AUTH_LINE})
final class LogoutCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROFILE",
            description = "The connection to forget (default: --profile, else the active one).")
    String profile;

    private final CliEnvironment env;

    LogoutCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        ProfileStore profiles = new Session(env, common, spec.commandLine().getErr()).profiles();
        String name = profile != null ? profile : common.profile;
        Output output = new Output(spec.commandLine().getOut(), common.output, env.clock());
        Optional<ConnectionProfile> found = name == null ? profiles.active() : profiles.find(name);
        if (found.isEmpty() && name != null && profiles.secret(name).isPresent()) {
            return forgetLeftoverSecret(profiles, name, output);
        }
        ConnectionProfile target = found.orElseThrow(() -> new CliFailure(ExitCode.AUTH,
                name == null ? "No connection is active, so there is nothing to sign out of."
                        : "There is no connection named '" + name + "'."));

        profiles.remove(target.name());

        if (output.isJson()) {
            output.json(Output.record("profile", target.name(), "url", target.url(),
                    "removed", true));
        } else {
            output.line("Signed out of '" + target.name() + "' (" + target.url()
                    + ") and forgot its secret.");
        }
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    /**
     * A secret whose connection is gone (left by an earlier version, which could lose a
     * connection saved at the same moment as another) is removed all the same.
     */
    private int forgetLeftoverSecret(ProfileStore profiles, String name, Output output) {
        profiles.remove(name);
        if (output.isJson()) {
            output.json(Output.record("profile", name, "removed", true));
        } else {
            output.line("There was no connection named '" + name + "', only its secret: "
                    + "forgot it.");
        }
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
