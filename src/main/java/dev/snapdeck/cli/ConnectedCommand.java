package dev.snapdeck.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.snapdeck.service.Workspace;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * A command that works on a connected server: opens the chosen connection, runs, closes it.
 * Failures propagate to {@link Failures}, which prints one line and picks the exit code.
 */
abstract class ConnectedCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    final CliEnvironment env;

    ConnectedCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public final Integer call() throws Exception {
        int code;
        try (Workspace workspace = session().open()) {
            code = run(workspace);
        } finally {
            out().flush();
            err().flush();
        }
        return code;
    }

    /** Does the work; returns the exit code. */
    abstract int run(Workspace workspace) throws Exception;

    Session session() {
        return new Session(env, common, err());
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    Output output() {
        return new Output(out(), common.output, env.clock());
    }
}
