package dev.snapdeck.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.snapdeck.SnapdeckHome;

/** The real command line in a JVM of its own, for what only a process shows: signals, exits. */
final class ChildCli {

    private final Process process;
    private final BufferedReader out;

    private ChildCli(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
    }

    /** Starts {@code snapdeck ARGS} over the data folder {@code home}, with these variables. */
    static ChildCli start(Path home, Map<String, String> environment, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.snapdeck.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put(SnapdeckHome.ENVIRONMENT_VARIABLE, home.toString());
        builder.environment().putAll(environment);
        return new ChildCli(builder.start());
    }

    /** Reads standard output up to the first line holding {@code text}, and answers it. */
    String readUntil(String text) throws IOException {
        List<String> seen = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.contains(text)) {
                return line;
            }
            seen.add(line);
        }
        throw new AssertionError("the child ended without printing '" + text + "': " + seen);
    }

    /** Sends a signal ({@code INT}, {@code TERM}) as a terminal or a service manager would. */
    void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                .inheritIO().start();
        assertTrue(kill.waitFor(30, TimeUnit.SECONDS) && kill.exitValue() == 0,
                "kill -" + name + " failed");
    }

    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Standard error, read once the process has ended. */
    String err() throws IOException {
        return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
