package dev.snapdeck.cli;

import java.io.PrintWriter;

import dev.snapdeck.Version;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the {@code snapdeck} command line. */
@Command(
        name = "snapdeck",
        mixinStandardHelpOptions = true,
        versionProvider = SnapdeckCommand.VersionProvider.class,
        subcommands = {ConfigCommand.class, ServerCommand.class, TokenCommand.class},
        description = "Run ML pipelines from snapshots: against a ZenML server or Snapdeck's own "
                + "local server.%nWith no arguments, snapdeck.jar opens the dashboard.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Success.",
            "1:The command ran and found a problem (invalid configuration, failed run).",
            "2:The command line was wrong (unknown option, missing argument)."
        })
public final class SnapdeckCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and returns its exit code; never calls {@code System.exit}. */
    public static int execute(String... args) {
        return newCommandLine().execute(args);
    }

    /** The command line with Snapdeck's subcommands, writing to the process's console. */
    public static CommandLine newCommandLine() {
        return new CommandLine(new SnapdeckCommand());
    }

    /** Same as {@link #newCommandLine()}, writing to the given writers (for tests and embedding). */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = newCommandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"snapdeck " + Version.current(),
                "Java " + System.getProperty("java.version")};
        }
    }
}
