package dev.snapdeck.server.orchestrator;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a step's argv into what is started: interpreters resolved, code paths made absolute. */
final class Commands {

    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
            .startsWith("windows");

    private Commands() {
    }

    /**
     * {@code java} becomes the java binary of the JDK running us; {@code python}/{@code python3}
     * become {@code python3 -u} (unbuffered); any relative argument naming an existing file
     * under {@code codeDir} becomes its absolute path, since steps run in their own work folder.
     */
    static List<String> resolve(List<String> command, Path codeDir) {
        List<String> resolved = new ArrayList<>();
        String program = command.get(0);
        if (program.equals("java")) {
            resolved.add(javaBinary().toString());
        } else if (program.equals("python") || program.equals("python3")) {
            resolved.add(WINDOWS ? "python" : "python3");
            resolved.add("-u");
        } else {
            resolved.add(codePath(program, codeDir));
        }
        for (String argument : command.subList(1, command.size())) {
            resolved.add(codePath(argument, codeDir));
        }
        return resolved;
    }

    static Path javaBinary() {
        Path home = Path.of(System.getProperty("java.home"));
        return home.resolve("bin").resolve(WINDOWS ? "java.exe" : "java");
    }

    private static String codePath(String argument, Path codeDir) {
        if (argument.isEmpty() || argument.startsWith("-") || argument.contains("\n")) {
            return argument;
        }
        try {
            Path path = Path.of(argument);
            if (path.isAbsolute()) {
                return argument;
            }
            Path candidate = codeDir.resolve(path).normalize();
            return candidate.startsWith(codeDir.normalize()) && Files.isRegularFile(candidate)
                    ? candidate.toAbsolutePath().toString() : argument;
        } catch (InvalidPathException e) {
            return argument;
        }
    }
}
