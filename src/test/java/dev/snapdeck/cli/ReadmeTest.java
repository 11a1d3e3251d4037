package dev.snapdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The README's "Command line" section documents the exit codes the commands really use. */
class ReadmeTest {

    @Test
    void exitCodeTableListsEveryCode() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Command line"));

        for (int code : new int[] {ExitCode.OK, ExitCode.PROBLEM, ExitCode.USAGE,
            ExitCode.AUTH, ExitCode.UNREACHABLE, ExitCode.NOT_FOUND, ExitCode.RUN_FAILED,
            ExitCode.RUN_STOPPED, ExitCode.NOT_SUPPORTED}) {
            assertTrue(section.contains("\n| " + code + " | "), "README lacks exit code " + code);
        }
    }

    @Test
    void everyCommandTheReadmeShowsExists() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Command line"));

        section.lines().map(String::strip).filter(line -> line.startsWith("snapdeck "))
                .forEach(line -> {
                    String[] words = line.split("\\s+");
                    CliHarness.Result help = new CliHarness(Path.of("target"))
                            .run(helpFor(words));
                    assertEquals(0, help.code(), line + " -> " + help.err());
                });
    }

    /** The command words of a README line (up to the first argument), then --help. */
    private static String[] helpFor(String[] words) {
        List<String> args = new ArrayList<>();
        for (int i = 1; i < words.length && words[i].matches("[a-z][a-z-]*"); i++) {
            args.add(words[i]);
        }
        args.add("--help");
        return args.toArray(String[]::new);
    }
}
