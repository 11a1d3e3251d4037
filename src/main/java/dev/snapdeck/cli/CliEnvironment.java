package dev.snapdeck.cli;

import java.io.InputStream;
import java.time.Clock;
import java.util.Objects;

import dev.snapdeck.SnapdeckHome;
import dev.snapdeck.service.LocalServerLauncher;

/**
 * What the commands take from the process around them, so tests can hand in their own: the data
 * folder, standard input, the terminal, the clock, and how to start the in-process local server.
 *
 * @param home        the data folder (profiles, secrets); {@code --home} overrides it
 * @param stdin       where {@code --password-stdin} and friends read from
 * @param terminal    the person at the keyboard, or {@link Terminal#NONE}
 * @param clock       for relative times in tables
 * @param localServer the local server to use when no connection is active; null for the one
 *                    already running on the data folder (commands never start one)
 */
record CliEnvironment(SnapdeckHome home, InputStream stdin, Terminal terminal, Clock clock,
        LocalServerLauncher localServer) {

    CliEnvironment {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(clock, "clock");
    }

    /** This process: its environment's data folder, its standard input and console. */
    static CliEnvironment system() {
        return new CliEnvironment(SnapdeckHome.resolve(), System.in, Terminal.system(),
                Clock.systemUTC(), null);
    }

    CliEnvironment withHome(SnapdeckHome newHome) {
        return new CliEnvironment(newHome, stdin, terminal, clock, localServer);
    }
}
