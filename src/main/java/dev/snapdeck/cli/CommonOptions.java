package dev.snapdeck.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Options every command that talks to a server shares (a picocli mixin). */
final class CommonOptions {

    @Option(names = "--profile", paramLabel = "NAME",
            description = "The saved connection to use (default: the active one, see "
                    + "'snapdeck login').")
    String profile;

    @Option(names = {"-v", "--verbose"},
            description = "Print what happens on the way (requests, polling) to standard error.")
    boolean verbose;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default) or json: stable field names for scripts.")
    OutputFormat output;

    /** Points the command at another data folder (tests, portable installs). */
    @Option(names = "--home", hidden = true, paramLabel = "DIR")
    Path home;

    boolean json() {
        return output == OutputFormat.json;
    }
}
