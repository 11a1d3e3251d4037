package dev.snapdeck.server.orchestrator;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Turns a step's argv into what is started: interpreters resolved, code paths made absolute. */
final class Commands {

    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
            .startsWith("windows");

    /**
     * util-linux {@code setsid}, when this machine has it. Started by us it is never a process
     * group leader, so it calls setsid(2) and execs the step in place: the step keeps the pid we
     * record and kill by, but gets a session and process group of its own.
     */
    private static final Path SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid").map(Path::of)
            .filter(Files::isExecutable).findFirst().orElse(null);

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

    /**
     * {@code command} prefixed so that it starts in a session and process group of its own. In
     * the server's group, a step that signals its whole group (the common {@code trap 'kill 0'
     * EXIT}) would signal the server too. A program that cannot be found is left unprefixed, so
     * that starting it fails with Java's own "cannot run program" error rather than in setsid.
     */
    static List<String> inOwnSession(List<String> command, Path workDir, String searchPath) {
        // TODO: macOS and Windows have no setsid binary, so there a step still shares the
        // server's process group and a step signalling its group (kill 0) ends the server; on
        // macOS a small helper that calls setsid(2) before exec would close this.
        if (SETSID == null || !isExecutable(command.get(0), workDir, searchPath)) {
            return command;
        }
        List<String> prefixed = new ArrayList<>(command.size() + 1);
        prefixed.add(SETSID.toString());
        prefixed.addAll(command);
        return prefixed;
    }

    private static boolean isExecutable(String program, Path workDir, String searchPath) {
        try {
            if (program.contains("/")) {
                return Files.isExecutable(workDir.resolve(program));
            }
            return searchPath != null && Arrays.stream(searchPath.split(File.pathSeparator))
                    .filter(folder -> !folder.isEmpty())
                    .anyMatch(folder -> Files.isExecutable(Path.of(folder, program)));
        } catch (InvalidPathException e) {
            return false;
        }
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
