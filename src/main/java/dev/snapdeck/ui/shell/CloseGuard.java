package dev.snapdeck.ui.shell;

import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.api.RunQuery;
import dev.snapdeck.service.Workspace;

/**
 * Closing the dashboard stops the local server it started, and with it every run still going
 * there, whoever started it (the dashboard, the command line, a script). When there is one, the
 * user is asked first.
 */
final class CloseGuard {

    private static final ExecutionStatus[] GOING = {ExecutionStatus.INITIALIZING,
        ExecutionStatus.PROVISIONING, ExecutionStatus.QUEUED, ExecutionStatus.RUNNING,
        ExecutionStatus.RETRYING, ExecutionStatus.STOPPING};

    private CloseGuard() {
    }

    /** How many runs are going on {@code workspace}'s server; blocks on it. */
    static int runsGoing(Workspace workspace) {
        return workspace.runs(new RunQuery().status(GOING).size(1)).total();
    }

    /** Whether the window may close with {@code going} runs going: asks when there are any. */
    static boolean mayClose(int going, DialogService dialogs) {
        if (going == 0) {
            return true;
        }
        String runs = going == 1 ? "1 run is" : going + " runs are";
        return dialogs.confirm("Close Snapdeck", runs + " still going on the local server. "
                + "Closing Snapdeck stops the server and " + (going == 1 ? "that run" : "those runs")
                + " with it; " + (going == 1 ? "its log" : "their logs") + " so far "
                + (going == 1 ? "is" : "are") + " kept.", "Close and stop");
    }
}
