package dev.snapdeck.cli;

import java.io.PrintWriter;

import dev.snapdeck.api.PipelineRun;

/**
 * While a command watches a run ({@code snapshot run --wait}, {@code run logs --follow}), makes
 * Ctrl+C say what becomes of the run: it is left to the server (which may be out of reach, so
 * nothing is promised about it), and here is how to follow or stop it. The JVM runs its
 * shutdown hooks on SIGINT and SIGTERM, so a hook prints that one line to standard error; the
 * process then exits with the signal's code (130 for Ctrl+C, 143 for SIGTERM). Closing the
 * notice, once watching ended normally, removes the hook.
 */
final class RunDetachNotice implements AutoCloseable {

    private final Thread hook;

    private RunDetachNotice(Thread hook) {
        this.hook = hook;
    }

    static RunDetachNotice install(PrintWriter err, PipelineRun run) {
        String line = message(run);
        Thread hook = new Thread(() -> {
            err.println(line);
            err.flush();
        }, "snapdeck-run-detach-notice");
        Runtime.getRuntime().addShutdownHook(hook);
        return new RunDetachNotice(hook);
    }

    static String message(PipelineRun run) {
        return "Stopped watching; run " + run.name() + " (" + run.id() + ") is left to the "
                + "server. Follow it: snapdeck run logs " + run.id() + " -f. Stop it: snapdeck "
                + "run stop " + run.id();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down, and the hook is printing its line.
        }
    }
}
