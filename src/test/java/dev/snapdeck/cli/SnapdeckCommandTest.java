package dev.snapdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import dev.snapdeck.Version;

import org.junit.jupiter.api.Test;

class SnapdeckCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return SnapdeckCommand.newCommandLine(new PrintWriter(out), new PrintWriter(err))
                .execute(args);
    }

    @Test
    void helpDescribesTheToolAndItsExitCodes() {
        int code = run("--help");

        assertEquals(0, code);
        assertTrue(out.toString().startsWith("Usage: snapdeck"), out.toString());
        assertTrue(out.toString().contains("Exit codes:"), out.toString());
    }

    @Test
    void versionPrintsTheBuiltVersion() {
        int code = run("--version");

        assertEquals(0, code);
        assertTrue(out.toString().contains("snapdeck " + Version.current()), out.toString());
        assertTrue(!Version.current().contains("${"), "version was not filtered by Maven");
    }

    @Test
    void unknownOptionExitsWithTwoAndSaysWhich() {
        int code = run("--no-such-option");

        assertEquals(2, code);
        assertTrue(err.toString().contains("--no-such-option"), err.toString());
    }
}
