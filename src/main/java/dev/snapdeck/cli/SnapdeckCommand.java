package dev.snapdeck.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;

import dev.snapdeck.Version;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the {@code snapdeck} command line. */
@Command(
        name = "snapdeck",
        mixinStandardHelpOptions = true,
        versionProvider = SnapdeckCommand.VersionProvider.class,
        subcommands = {LoginCommand.class, LogoutCommand.class, StatusCommand.class,
            Groups.Pipeline.class, Groups.Run.class, Groups.ServiceAccount.class,
            ConfigCommand.class, ServerCommand.class, TokenCommand.class},
        description = "Run ML pipelines from snapshots: against a ZenML server or Snapdeck's own "
                + "local server.%nWith no arguments, snapdeck.jar opens the dashboard.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.OK_LINE, ExitCode.PROBLEM_LINE, ExitCode.USAGE_LINE,
            ExitCode.AUTH_LINE, ExitCode.UNREACHABLE_LINE, ExitCode.NOT_FOUND_LINE,
            ExitCode.RUN_FAILED_LINE, ExitCode.RUN_STOPPED_LINE, ExitCode.NOT_SUPPORTED_LINE})
public final class SnapdeckCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and returns its exit code; never calls {@code System.exit}. */
    public static int execute(String... args) {
        return newCommandLine().execute(args);
    }

    /** The command line with Snapdeck's subcommands, writing to the process's console. */
    public static CommandLine newCommandLine() {
        return newCommandLine(CliEnvironment.system());
    }

    /** Same as {@link #newCommandLine()}, writing to the given writers (for tests and embedding). */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = newCommandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine;
    }

    /** The command line over {@code env}: its data folder, input, terminal and local server. */
    static CommandLine newCommandLine(CliEnvironment env) {
        CommandLine commandLine = new CommandLine(new SnapdeckCommand(), new Factory(env));
        commandLine.setExecutionExceptionHandler(new Failures());
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Creates commands, handing the environment to those whose constructor takes it. */
    private static final class Factory implements CommandLine.IFactory {

        private final CliEnvironment env;

        Factory(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> withEnv = type.getDeclaredConstructor(CliEnvironment.class);
                withEnv.setAccessible(true);
                return withEnv.newInstance(env);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"snapdeck " + Version.current(),
                "Java " + System.getProperty("java.version")};
        }
    }
}
