package dev.snapdeck.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command groups: each prints its usage when called without a subcommand. */
final class Groups {

    private Groups() {
    }

    /** Base of a group: {@code snapdeck pipeline} alone shows its subcommands. */
    abstract static class Group implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getOut());
            return ExitCode.OK;
        }
    }

    @Command(name = "pipeline", mixinStandardHelpOptions = true,
            description = "Pipelines, their runs, and their snapshots.",
            subcommands = {PipelineListCommand.class, PipelineRunsCommand.class,
                Snapshot.class})
    static final class Pipeline extends Group {
    }

    @Command(name = "snapshot", mixinStandardHelpOptions = true,
            description = "Pipeline snapshots: create, run, list, describe, delete.",
            subcommands = {SnapshotCreateCommand.class, SnapshotRunCommand.class,
                SnapshotListCommand.class, SnapshotDescribeCommand.class,
                SnapshotDeleteCommand.class})
    static final class Snapshot extends Group {
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Pipeline runs: list, describe, logs, stop.",
            subcommands = {RunListCommand.class, RunDescribeCommand.class, RunLogsCommand.class,
                RunStopCommand.class})
    static final class Run extends Group {
    }

    @Command(name = "service-account", mixinStandardHelpOptions = true,
            description = "Service accounts (users for machines, e.g. CI) and their API keys.",
            subcommands = {ServiceAccountCreateCommand.class, ServiceAccountListCommand.class,
                ServiceAccountDeleteCommand.class, ApiKey.class})
    static final class ServiceAccount extends Group {
    }

    @Command(name = "api-key", mixinStandardHelpOptions = true,
            description = "A service account's API keys: create, rotate, delete.",
            subcommands = {ApiKeyCreateCommand.class, ApiKeyRotateCommand.class,
                ApiKeyDeleteCommand.class})
    static final class ApiKey extends Group {
    }
}
