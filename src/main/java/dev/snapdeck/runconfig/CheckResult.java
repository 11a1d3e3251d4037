package dev.snapdeck.runconfig;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What {@link RunConfigChecker#check} found.
 *
 * @param diagnostics       every problem, in text order
 * @param runConfiguration  exactly the JSON to send as {@code run_configuration}; empty when the
 *                          text could not be read (syntax error, a limit, not a mapping)
 * @param effective         the snapshot's configuration with the override deep-merged onto it
 *                          (the template alone when the text could not be read)
 */
public record CheckResult(List<Diagnostic> diagnostics, Optional<ObjectNode> runConfiguration,
        ObjectNode effective) {

    public CheckResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** Whether any diagnostic is an error (a run should not be started). */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }
}
