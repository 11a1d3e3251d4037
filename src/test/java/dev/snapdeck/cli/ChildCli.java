package dev.snapdeck.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
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
    private final BufferedReader errors;
    private final StringBuilder errorsRead = new StringBuilder();

    private ChildCli(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        this.errors = new BufferedReader(new InputStreamReader(process.getErrorStream(),
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
        return readUntil(out, text, new StringBuilder());
    }

    /** Reads standard error up to the first line holding {@code text}, and answers it. */
    String readErrorUntil(String text) throws IOException {
        return readUntil(errors, text, errorsRead);
    }

    private static String readUntil(BufferedReader reader, String text, StringBuilder seen)
            throws IOException {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            seen.append(line).append('\n');
            if (line.contains(text)) {
                return line;
            }
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

    /** All of standard error ({@link #readErrorUntil}'s lines too), once the process ended. */
    String err() throws IOException {
        StringWriter rest = new StringWriter();
        errors.transferTo(rest);
        return errorsRead + rest.toString();
    }
}
