package dev.snapdeck.runconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;

/** Assertions on diagnostics that say what was found when they fail. */
final class Expect {

    private Expect() {
    }

    /** The only diagnostic at {@code path} with this severity; fails if none or several. */
    static Diagnostic one(CheckResult result, Severity severity, String path) {
        List<Diagnostic> found = result.diagnostics().stream()
                .filter(d -> d.severity() == severity && d.path().equals(path)).toList();
        if (found.size() != 1) {
            fail("expected one " + severity + " at " + path + ", got:\n" + dump(result));
        }
        return found.get(0);
    }

    static void span(Diagnostic d, int startLine, int startColumn, int endLine, int endColumn) {
        assertEquals(new Span(startLine, startColumn, endLine, endColumn), d.span(), d.message());
    }

    /** The JSON that would be sent equals {@code json}. */
    static void sends(CheckResult result, String json) {
        assertEquals(Specs.json(json), result.runConfiguration().orElseThrow(), dump(result));
    }

    static void count(CheckResult result, int expected) {
        assertEquals(expected, result.diagnostics().size(), dump(result));
    }

    static String dump(CheckResult result) {
        return result.diagnostics().stream().map(Diagnostic::toString)
                .collect(Collectors.joining("\n"));
    }
}
