package dev.snapdeck.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
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
