package dev.snapdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import dev.snapdeck.SnapdeckHome;
import dev.snapdeck.service.LocalServerLauncher;

/** Runs {@code snapdeck} commands in-process over a data folder of the test's own. */
final class CliHarness {

    /** The outcome of one command. */
    record Result(int code, String out, String err) {

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private final Path home;
    private final Clock clock;
    private LocalServerLauncher localServer;
    private Terminal terminal = Terminal.NONE;

    CliHarness(Path home) {
        this(home, Clock.fixed(Instant.parse("2026-07-01T12:00:00Z"), ZoneOffset.UTC));
    }

    CliHarness(Path home, Clock clock) {
        this.home = home;
        this.clock = clock;
    }

    CliHarness localServer(LocalServerLauncher launcher) {
        this.localServer = launcher;
        return this;
    }

    /**
     * Signs in with a password read from standard input, saving the profile {@code profile};
     * fails the test if the server refuses.
     */
    CliHarness signedIn(String url, String profile, String user, String password) {
        Result login = runWithInput(password + "\n", "login", url, "--name", profile,
                "--username", user, "--password-stdin");
        assertEquals(0, login.code(), login.err());
        return this;
    }

    /** A terminal whose person gives these answers, in order. */
    CliHarness terminalAnswering(String... answers) {
        Deque<String> queue = new ArrayDeque<>(List.of(answers));
        this.terminal = new Terminal() {
            @Override
            public boolean present() {
                return true;
            }

            @Override
            public Optional<String> readLine(String prompt) {
                return Optional.ofNullable(queue.poll());
            }

            @Override
            public Optional<char[]> readPassword(String prompt) {
                return Optional.ofNullable(queue.poll()).map(String::toCharArray);
            }
        };
        return this;
    }

    SnapdeckHome home() {
        return new SnapdeckHome(home);
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    /**
     * Starts a command on a thread of its own, so a test can act on what it printed so far
     * ({@link Running#awaitOutput}) before it ends.
     */
    Running start(String... args) {
        Running running = new Running();
        running.thread = new Thread(() -> {
            CliEnvironment env = new CliEnvironment(home(), new ByteArrayInputStream(new byte[0]),
                    terminal, clock, localServer);
            var commandLine = SnapdeckCommand.newCommandLine(env);
            commandLine.setOut(new PrintWriter(running.out, true));
            commandLine.setErr(new PrintWriter(running.err, true));
            running.finish(commandLine.execute(args));
        }, "cli-harness-command");
        running.thread.start();
        return running;
    }

    /** A command started by {@link #start}; its output grows while it runs. */
    static final class Running {

        private final WatchedWriter out = new WatchedWriter();
        private final WatchedWriter err = new WatchedWriter();
        private Thread thread;
        private Integer code;

        /** Waits until standard output holds {@code text} (the test's timeout bounds it). */
        void awaitOutput(String text) throws InterruptedException {
            out.await(text);
        }

        /** Waits until standard error holds {@code text} (the test's timeout bounds it). */
        void awaitError(String text) throws InterruptedException {
            err.await(text);
        }

        String outSoFar() {
            return out.text();
        }

        Result join() throws InterruptedException {
            thread.join();
            synchronized (this) {
                return new Result(code, out.text(), err.text());
            }
        }

        private void finish(int exitCode) {
            synchronized (this) {
                code = exitCode;
            }
            out.end();
            err.end();
        }
    }

    /** A writer that lets another thread wait for a piece of text to appear in it. */
    private static final class WatchedWriter extends Writer {

        private final StringBuilder text = new StringBuilder();
        private boolean ended;

        @Override
        public synchronized void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
            notifyAll();
        }

        /** Waits for {@code wanted}; fails if the command ends without printing it. */
        synchronized void await(String wanted) throws InterruptedException {
            while (text.indexOf(wanted) < 0) {
                if (ended) {
                    throw new AssertionError("ended without printing '" + wanted + "': " + text);
                }
                wait();
            }
        }

        synchronized void end() {
            ended = true;
            notifyAll();
        }

        synchronized String text() {
            return text.toString();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    Result runWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment env = new CliEnvironment(home(),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), terminal,
                clock, localServer);
        var commandLine = SnapdeckCommand.newCommandLine(env);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
