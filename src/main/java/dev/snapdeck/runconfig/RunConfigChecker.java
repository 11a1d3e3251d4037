package dev.snapdeck.runconfig;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and checks a run-configuration override against a snapshot: YAML that means something
 * else than it looks ({@link ScalarRule}, duplicate keys, aliases, tabs, limits), keys and steps
 * the snapshot does not have, fields a run may not change, and the snapshot's
 * {@code config_schema} applied to the template deep-merged with the override.
 *
 * <p>Stateless and thread-safe; call it from any thread, but not the JavaFX thread for large
 * texts. It never throws for bad input: every problem is a {@link Diagnostic}.
 */
public final class RunConfigChecker {

    private static final Logger LOG = LoggerFactory.getLogger(RunConfigChecker.class);
    private static final Comparator<Diagnostic> TEXT_ORDER = Comparator
            .comparingInt(Diagnostic::startLine).thenComparingInt(Diagnostic::startColumn);

    /** The most diagnostics one check reports, with one more that counts the rest. */
    static final int MAX_DIAGNOSTICS = 200;

    private final Limits limits;

    /** A checker with {@link Limits#DEFAULT}. */
    public RunConfigChecker() {
        this(Limits.DEFAULT);
    }

    /** A checker with the given limits. */
    public RunConfigChecker(Limits limits) {
        this.limits = limits;
    }

    /** Checks YAML text (already decoded) against {@code spec}. */
    public CheckResult check(String yamlText, SnapshotSpec spec) {
        PositionedYamlReader.Result read = PositionedYamlReader.read(yamlText, limits);
        List<Diagnostic> diagnostics = new ArrayList<>(read.diagnostics());
        ObjectNode template = (ObjectNode) spec.configTemplate();
        if (!read.readable()) {
            return finish(diagnostics, Optional.empty(), template.deepCopy());
        }
        JsonNode json = read.json().orElseThrow();
        YamlNode root = read.root().orElse(null);
        if (!json.isObject()) {
            diagnostics.add(Diagnostic.at(Severity.ERROR, root == null ? Span.START : root.span(),
                    "", "A run configuration is a mapping of settings (`key: value` lines), but "
                    + "this is " + ScalarRule.describe(json) + "."));
            return finish(diagnostics, Optional.empty(), template.deepCopy());
        }
        ObjectNode effective = (ObjectNode) DeepMerge.merge(template, json);
        SnapshotRules.check(root, spec, diagnostics);
        SchemaDiagnostics.check(effective, root, spec, diagnostics);
        AmbiguityAdvice.apply(root, spec, diagnostics);
        return finish(diagnostics, Optional.of((ObjectNode) json), effective);
    }

    /**
     * Checks raw bytes: they must be UTF-8 (a byte-order mark is allowed); otherwise the result
     * holds one error at the first byte that is not.
     */
    public CheckResult check(byte[] yamlBytes, SnapshotSpec spec) {
        Optional<Diagnostic> encoding = TextChecks.utf8Problem(yamlBytes);
        if (encoding.isPresent()) {
            return new CheckResult(List.of(encoding.get()), Optional.empty(),
                    ((ObjectNode) spec.configTemplate()).deepCopy());
        }
        return check(new String(yamlBytes, StandardCharsets.UTF_8), spec);
    }

    /**
     * A value such as {@code NO} in a text parameter gets the ambiguity warning and a type error
     * on the same span; the error then offers the warning's fix too, so acting on the error
     * (which blocks the run) needs no hunting for the warning. The warnings are looked up by
     * place, so a text with tens of thousands of problems takes time in proportion.
     */
    private static void offerQuotingOnTypeErrors(List<Diagnostic> diagnostics) {
        Map<Place, QuickFix> quoting = new HashMap<>();
        for (Diagnostic warning : diagnostics) {
            if (warning.severity() == Severity.WARNING && warning.quickFix().isPresent()
                    && warning.quickFix().get().title().equals(PositionedYamlReader.QUOTE_AS_TEXT)) {
                quoting.putIfAbsent(Place.of(warning), warning.quickFix().get());
            }
        }
        if (quoting.isEmpty()) {
            return;
        }
        diagnostics.replaceAll(error -> {
            QuickFix fix = error.severity() == Severity.ERROR && error.quickFix().isEmpty()
                    ? quoting.get(Place.of(error)) : null;
            return fix == null ? error : new Diagnostic(error.severity(), error.startLine(),
                    error.startColumn(), error.endLine(), error.endColumn(), error.path(),
                    error.message() + " To send the text, write " + fix.replacement() + ".",
                    Optional.of(fix));
        });
    }

    /** Where a diagnostic points: its span and path. */
    private record Place(Span span, String path) {

        static Place of(Diagnostic diagnostic) {
            return new Place(diagnostic.span(), diagnostic.path());
        }
    }

    /**
     * The first {@link #MAX_DIAGNOSTICS} in text order and one line that counts the rest, so a
     * pasted or generated override full of mistakes gives an answer of bounded size. The count
     * is an error when any of the rest is, so the result blocks a run as the full list would.
     */
    static List<Diagnostic> capped(List<Diagnostic> sorted) {
        if (sorted.size() <= MAX_DIAGNOSTICS) {
            return sorted;
        }
        List<Diagnostic> rest = sorted.subList(MAX_DIAGNOSTICS, sorted.size());
        boolean errors = rest.stream().anyMatch(d -> d.severity() == Severity.ERROR);
        Diagnostic first = rest.get(0);
        List<Diagnostic> kept = new ArrayList<>(sorted.subList(0, MAX_DIAGNOSTICS));
        kept.add(Diagnostic.at(errors ? Severity.ERROR : Severity.WARNING, first.span(), "",
                "... and " + rest.size() + " more problems from line " + first.startLine()
                + " on; fix these first."));
        return kept;
    }

    private static CheckResult finish(List<Diagnostic> diagnostics, Optional<ObjectNode> json,
            ObjectNode effective) {
        offerQuotingOnTypeErrors(diagnostics);
        diagnostics.sort(TEXT_ORDER);
        LOG.debug("Run configuration checked: {} diagnostics", diagnostics.size());
        return new CheckResult(capped(diagnostics), json, effective);
    }
}
