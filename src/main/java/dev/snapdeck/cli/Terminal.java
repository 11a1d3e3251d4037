package dev.snapdeck.cli;

import java.io.Console;
import java.util.Optional;

/** The user at a terminal, when there is one: asks for text, passwords and confirmations. */
interface Terminal {

    /** A terminal that is not there: every question is refused. */
    Terminal NONE = new Terminal() {
        @Override
        public boolean present() {
            return false;
        }

        @Override
        public Optional<String> readLine(String prompt) {
            return Optional.empty();
        }

        @Override
        public Optional<char[]> readPassword(String prompt) {
            return Optional.empty();
        }
    };

    /** True when a person can answer (standard input and output are a console). */
    boolean present();

    /** Asks for a line; empty at end of input or without a terminal. */
    Optional<String> readLine(String prompt);

    /** Asks for a secret without echoing it; empty at end of input or without a terminal. */
    Optional<char[]> readPassword(String prompt);

    /** The process's console ({@link System#console()}), or {@link #NONE} when there is none. */
    static Terminal system() {
        Console console = System.console();
        if (console == null) {
            return NONE;
        }
        return new Terminal() {
            @Override
            public boolean present() {
                return true;
            }

            @Override
            public Optional<String> readLine(String prompt) {
                return Optional.ofNullable(console.readLine("%s", prompt));
            }

            @Override
            public Optional<char[]> readPassword(String prompt) {
                return Optional.ofNullable(console.readPassword("%s", prompt));
            }
        };
    }
}
