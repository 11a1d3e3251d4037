package dev.snapdeck.cli;

import dev.snapdeck.api.ExecutionStatus;

/**
 * The exit codes of every {@code snapdeck} command. The {@code *_LINE} strings are the entries of
 * picocli's {@code exitCodeList}, so {@code --help} and the code cannot disagree.
 */
final class ExitCode {

    static final int OK = 0;
    static final int PROBLEM = 1;
    static final int USAGE = 2;
    static final int AUTH = 3;
    static final int UNREACHABLE = 4;
    static final int NOT_FOUND = 5;
    static final int RUN_FAILED = 6;
    static final int RUN_STOPPED = 7;
    static final int NOT_SUPPORTED = 8;

    static final String OK_LINE = "0:Success.";
    static final String PROBLEM_LINE = "1:A problem was found (invalid configuration, the server "
            + "refused the request, a file could not be read).";
    static final String USAGE_LINE = "2:The command line was wrong (unknown option, missing "
            + "argument).";
    static final String AUTH_LINE = "3:Not signed in, or the server rejected the credentials.";
    static final String UNREACHABLE_LINE = "4:The server could not be reached or did not answer "
            + "in time.";
    static final String UNREACHABLE_WATCHING_LINE = "4:The server could not be reached or did "
            + "not answer in time; with --wait or --follow, for longer than --outage-grace.";
    static final String NOT_FOUND_LINE = "5:No such pipeline, snapshot, run or step, or a name or "
            + "id prefix matched several.";
    static final String RUN_FAILED_LINE = "6:With --wait or --follow: the run failed.";
    static final String RUN_STOPPED_LINE = "7:With --wait or --follow: the run was stopped or "
            + "cancelled.";
    static final String NOT_SUPPORTED_LINE = "8:The server cannot do this (e.g. an open-source "
            + "ZenML server cannot run snapshots).";

    /** {@code snapdeck server} runs until stopped, so it has no code for success. */
    static final String SERVER_FAILED_LINE = "1:The server could not start (the port is taken, "
            + "another server holds the data folder, the data folder cannot be read).";
    static final String SERVER_STOPPED_LINE = "130:Stopped with Ctrl+C, the usual way to stop it "
            + "(143 when stopped with SIGTERM); running steps are killed.";

    static final String HEADING = "%nExit codes:%n";

    private ExitCode() {
    }

    /** How a command that waited for a run to end exits: by the status it ended with. */
    static int forRunEnd(ExecutionStatus status) {
        if (status.isSuccess()) {
            return OK;
        }
        if (status.equals(ExecutionStatus.STOPPED) || status.equals(ExecutionStatus.CANCELLED)) {
            return RUN_STOPPED;
        }
        return RUN_FAILED;
    }
}
