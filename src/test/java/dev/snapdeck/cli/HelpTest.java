package dev.snapdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import picocli.CommandLine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --help} of every command, read back: usage line, exit codes, key options. */
class HelpTest {

    @TempDir
    Path home;

    static Stream<List<String>> everyCommand() {
        List<List<String>> paths = new ArrayList<>();
        collect(SnapdeckCommand.newCommandLine(), new ArrayList<>(), paths);
        return paths.stream();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> all) {
        all.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) {
                List<String> deeper = new ArrayList<>(path);
                deeper.add(name);
                collect(sub, deeper, all);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("everyCommand")
    void helpPrintsUsageToStandardOutput(List<String> path) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");

        CliHarness.Result result = new CliHarness(home).run(args.toArray(String[]::new));

        assertEquals(0, result.code(), result.err());
        String usage = "Usage: snapdeck" + (path.isEmpty() ? "" : " " + String.join(" ", path));
        assertTrue(result.out().startsWith(usage), result.out());
        assertEquals("", result.err());
    }

    @ParameterizedTest
    @MethodSource("everyCommand")
    void everyLeafCommandDocumentsItsExitCodes(List<String> path) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");

        CliHarness.Result result = new CliHarness(home).run(args.toArray(String[]::new));

        boolean group = result.out().contains("Commands:");
        assertTrue(group || result.out().contains("Exit codes:"), result.out());
        assertTrue(group || Pattern.compile("\n  2 +The command line was wrong")
                .matcher(result.out()).find(), result.out());
    }

    @Test
    void serverHelpSaysHowItEnds() {
        CliHarness.Result result = new CliHarness(home).run("server", "--help");

        assertTrue(result.out().contains("  1     The server could not start"), result.out());
        assertTrue(result.out().contains("  130   Stopped with Ctrl+C"), result.out());
    }

    @Test
    void tokenHelpListsTheSignInAndUnreachableCodes() {
        CliHarness.Result result = new CliHarness(home).run("token", "--help");

        assertTrue(result.out().contains("  3   Not signed in, or the server rejected"),
                result.out());
        assertTrue(result.out().contains("  4   The server could not be reached"), result.out());
    }

    @Test
    void snapshotRunHelpExplainsWaitAndTheRunEndCodes() {
        CliHarness.Result result = new CliHarness(home).run("pipeline", "snapshot", "run",
                "--help");

        assertTrue(result.out().contains("--config=FILE"), result.out());
        assertTrue(result.out().contains("--wait"), result.out());
        assertTrue(result.out().contains("6   With --wait or --follow: the run failed."), result.out());
        assertTrue(result.out().contains("7   With --wait or --follow: the run was stopped"), result.out());
        assertTrue(result.out().contains("--output=FORMAT"), result.out());
        assertTrue(!result.out().contains("--home"), "hidden option shown: " + result.out());
    }

    @ParameterizedTest
    @CsvSource({"pipeline snapshot run", "run logs"})
    void watchingCommandsDocumentTheOutageGrace(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");

        CliHarness.Result result = new CliHarness(home).run(args.toArray(String[]::new));

        assertTrue(result.out().contains("--outage-grace=DURATION"), result.out());
        assertTrue(result.out().contains("(default: 5m)"), result.out());
        assertTrue(Pattern.compile("\n  4 +The server could not be reached or did not answer in "
                + "time; with --wait or\\s+--follow, for longer than --outage-grace\\.")
                .matcher(result.out()).find(), result.out());
    }

    @Test
    void loginHelpNamesEverySecretSource() {
        CliHarness.Result result = new CliHarness(home).run("login", "--help");

        assertTrue(result.out().contains("--password-stdin"), result.out());
        assertTrue(result.out().contains("--api-key-stdin"), result.out());
        assertTrue(result.out().contains("--token-stdin"), result.out());
    }

    @Test
    void groupWithoutSubcommandPrintsItsCommands() {
        CliHarness.Result result = new CliHarness(home).run("pipeline", "snapshot");

        assertEquals(0, result.code());
        assertTrue(result.out().contains("create"), result.out());
        assertTrue(result.out().contains("delete"), result.out());
    }
}
