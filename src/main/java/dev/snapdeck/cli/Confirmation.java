package dev.snapdeck.cli;

import java.util.Locale;

/** Asks the person at the terminal before something is deleted; scripts pass --yes instead. */
final class Confirmation {

    private Confirmation() {
    }

    /**
     * True when the person answered yes to deleting {@code what} (e.g. "snapshot nightly (id)").
     *
     * @throws CliFailure with the usage exit code when there is no terminal to ask at
     */
    static boolean toDelete(CliEnvironment env, String what) {
        if (!env.terminal().present()) {
            throw new CliFailure(ExitCode.USAGE, "not deleting " + what + " without --yes: "
                    + "there is no terminal to confirm at.");
        }
        String answer = env.terminal().readLine("Delete " + what + "? [y/N] ").orElse("");
        return answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    }
}
