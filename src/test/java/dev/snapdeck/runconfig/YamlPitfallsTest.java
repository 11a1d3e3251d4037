package dev.snapdeck.runconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** YAML that means something other than it looks, odd bytes, and the hard limits. */
class YamlPitfallsTest {

    private final RunConfigChecker checker = new RunConfigChecker();
    private final SnapshotSpec spec = Specs.fixture();

    @ParameterizedTest(name = "{0} is sent as {1}")
    @CsvSource(delimiter = '|', value = {
        "yes    | true    | the boolean true",
        "Off    | false   | the boolean false",
        "on     | true    | the boolean true",
        "1_000  | 1000    | the number 1000",
        "0755   | 493     | the number 493",
        "0008   | '\"0008\"' | the text \"0008\"",
        "1e3    | '\"1e3\"'  | the text \"1e3\"",
        "~      | null    | null",
        "1.10   | 1.1     | the number 1.1"})
    void ambiguousPlainScalarWarnsQuotingTypedSentAndHowToQuote(String typed, String json,
            String words) {
        String text = "extra:\n  value: " + typed + "\n";

        CheckResult result = checker.check(text, spec);

        Diagnostic d = Expect.one(result, Severity.WARNING, "extra.value");
        Expect.span(d, 2, 10, 2, 10 + typed.length());
        assertTrue(d.message().startsWith("`" + typed + "` is sent as " + words), d.message());
        assertTrue(d.message().contains("write \"" + typed + "\""), d.message());
        assertEquals("\"" + typed + "\"", d.quickFix().orElseThrow().replacement());
        assertEquals(Specs.json(json), result.runConfiguration().get().at("/extra/value"));
        Expect.count(result, 1);
    }

    @ParameterizedTest(name = "{0} is not ambiguous")
    @CsvSource(delimiter = '|', value = {
        "y              | '\"y\"'",
        "n              | '\"n\"'",
        "true           | true",
        "10             | 10",
        "0.5            | 0.5",
        "1.0e+3         | 1000.0",
        "'\"NO\"'       | '\"NO\"'",
        "hello          | '\"hello\"'",
        "s3://bucket/x  | '\"s3://bucket/x\"'"})
    void plainOrQuotedScalarsThatReadTheSameEverywhereDoNotWarn(String typed, String json) {
        CheckResult result = checker.check("extra:\n  value: " + typed + "\n", spec);

        Expect.count(result, 0);
        assertEquals(Specs.json(json), result.runConfiguration().orElseThrow().at("/extra/value"));
    }

    @Test
    void keyOnIsReadAsTheBooleanTrueAndSentAsTheKeyTrueWithAWarning() {
        CheckResult result = checker.check("extra:\n  on: 1\n", spec);

        Diagnostic d = Expect.one(result, Severity.WARNING, "extra.true");
        Expect.span(d, 2, 3, 2, 5);
        assertEquals(Specs.json("{\"extra\":{\"true\":1}}"), result.runConfiguration().get());
    }

    @Test
    void explicitStringTagKeepsTheTextWithoutWarning() {
        CheckResult result = checker.check("extra:\n  value: !!str NO\n", spec);

        Expect.count(result, 0);
        assertEquals("NO", result.runConfiguration().get().at("/extra/value").asText());
    }

    @Test
    void infinityIsAnErrorBecauseJsonCannotCarryIt() {
        CheckResult result = checker.check("extra:\n  value: .inf\n", spec);

        Expect.span(Expect.one(result, Severity.ERROR, "extra.value"), 2, 10, 2, 14);
        Expect.sends(result, "{\"extra\":{\"value\":\".inf\"}}");
    }

    @Test
    void tabUsedForIndentationIsAnErrorAtTheTabWithAFix() {
        CheckResult result = checker.check("steps:\n\ttrain_model: {}\n", spec);

        Diagnostic d = Expect.one(result, Severity.ERROR, "");
        Expect.span(d, 2, 1, 2, 2);
        assertEquals("  ", d.quickFix().orElseThrow().replacement());
        assertTrue(result.runConfiguration().isEmpty());
    }

    @Test
    void tabInsideABlockScalarIsText() {
        CheckResult result = checker.check("run_name: |\n  line one\n  \tline two\n", spec);

        Expect.count(result, 0);
        assertEquals("line one\n\tline two\n", result.runConfiguration().orElseThrow().get("run_name").asText());
    }

    @Test
    void tabAfterAColonIsAnErrorAtTheTabWithAFix() {
        CheckResult result = checker.check("enable_cache: true\nrun_name:\tnightly\n", spec);

        Diagnostic d = Expect.one(result, Severity.ERROR, "");
        Expect.span(d, 2, 10, 2, 11);
        assertEquals(" ", d.quickFix().orElseThrow().replacement());
        Expect.count(result, 1);
        assertTrue(result.runConfiguration().isEmpty());
    }

    @Test
    void byteOrderMarkAndWindowsLineEndsKeepPositionsRight() {
        String text = "\uFEFFrun_name: x\r\nsteps:\r\n  train_model:\r\n    parameters:\r\n"
                + "      epochs: ten\r\n";

        CheckResult result = checker.check(text.getBytes(StandardCharsets.UTF_8), spec);

        Expect.span(Expect.one(result, Severity.ERROR, "steps.train_model.parameters.epochs"),
                5, 15, 5, 18);
        assertEquals("x", result.runConfiguration().get().get("run_name").asText());
    }

    @Test
    void bytesThatAreNotUtf8AreAnErrorAtTheFirstBadByte() {
        byte[] latin1 = "run_name: x\nextra:\n  city: M\u00fcnchen\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        CheckResult result = checker.check(latin1, spec);

        Diagnostic d = Expect.one(result, Severity.ERROR, "");
        Expect.span(d, 3, 10, 3, 11);
        assertTrue(d.message().contains("byte 0xFC"), d.message());
        assertTrue(result.runConfiguration().isEmpty());
    }

    @Test
    void syntaxErrorIsReportedWhereTheParserStopped() {
        CheckResult result = checker.check("steps:\n  train_model: [1, 2\nenable_cache: true\n",
                spec);

        Diagnostic d = Expect.one(result, Severity.ERROR, "");
        assertEquals(3, d.startLine(), d.message());
        assertTrue(d.message().startsWith("This is not valid YAML"), d.message());
        assertTrue(result.runConfiguration().isEmpty());
    }

    @Test
    void secondDocumentIsRefused() {
        CheckResult result = checker.check("enable_cache: true\n---\nenable_cache: false\n", spec);

        Expect.span(Expect.one(result, Severity.ERROR, ""), 2, 1, 2, 4);
        assertTrue(result.runConfiguration().isEmpty());
    }

    @Test
    void aliasToAnUndefinedAnchorIsRefused() {
        CheckResult result = checker.check("extra:\n  a: *nowhere\n", spec);

        Diagnostic d = Expect.one(result, Severity.ERROR, "extra.a");
        Expect.span(d, 2, 6, 2, 14);
        assertEquals("`*nowhere` refers to no anchor; define `&nowhere` before using it.", d.message());
        assertTrue(result.runConfiguration().isEmpty());
    }

    @Test
    void aliasInsideItsOwnAnchorIsRefusedInsteadOfLoopingForever() {
        CheckResult result = checker.check("extra:\n  a: &a [1, *a]\n", spec);

        Diagnostic d = Expect.one(result, Severity.ERROR, "extra.a.1");
        Expect.span(d, 2, 13, 2, 15);
        assertEquals("`*a` is used inside the value `&a` names, so that value would contain itself without end. "
                + "Write the values out instead.", d.message());
        assertTrue(result.runConfiguration().isEmpty());
    }

    @Test
    void mergeKeyMergesTheAnchoredMappingAndWrittenKeysWin() {
        String text = """
                extra:
                  defaults: &base
                    epochs: 20
                    model_type: knn
                steps:
                  train_model:
                    parameters:
                      <<: *base
                      epochs: 5
                """;

        CheckResult result = checker.check(text, spec);

        Expect.count(result, 0);
        Expect.sends(result, "{'extra':{'defaults':{'epochs':20,'model_type':'knn'}},"
                + "'steps':{'train_model':{'parameters':{'model_type':'knn','epochs':5}}}}");
    }

    @Test
    void problemInAMergedValueIsReportedAtTheMergeAlias() {
        String text = """
                extra:
                  base: &b {epochs: ten}
                steps:
                  train_model:
                    parameters:
                      <<: [*b]
                """;

        CheckResult result = checker.check(text, spec);

        Diagnostic d = Expect.one(result, Severity.ERROR, "steps.train_model.parameters.epochs");
        Expect.span(d, 6, 12, 6, 14);
        Expect.count(result, 1);
        Expect.sends(result, "{'extra':{'base':{'epochs':'ten'}},'steps':{'train_model':"
                + "{'parameters':{'epochs':'ten'}}}}");
    }

    @Test
    void mergeKeyWithSomethingOtherThanAMappingIsRefused() {
        CheckResult result = checker.check("extra:\n  more:\n    <<: 5\n", spec);

        Diagnostic d = Expect.one(result, Severity.ERROR, "extra.more.<<");
        Expect.span(d, 3, 9, 3, 10);
        assertTrue(result.runConfiguration().isEmpty());
    }

    @Test
    void billionLaughsStopsAtTheAliasExpansionLimit() {
        StringBuilder text = new StringBuilder("extra:\n");
        text.append("  l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            text.append("  l").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                text.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            text.append("]\n");
        }

        CheckResult result = checker.check(text.toString(), spec);

        // l1..l3 each alias 10 copies of the level below (11, 111, 1111 values): the 8th alias
        // on the l3 line brings the total to 110 + 1110 + 8 * 1111 = 10108 > 10000.
        Diagnostic d = Expect.one(result, Severity.ERROR, "extra.l3.7");
        assertTrue(d.message().contains("more than 10000 values"), d.message());
        Expect.span(d, 5, 47, 5, 50);
        assertTrue(result.runConfiguration().isEmpty());
    }

    @Test
    void deepNestingStopsAtTheDepthLimitWithoutOverflowingTheStack() {
        String text = "extra: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";

        CheckResult result = checker.check(text, spec);

        Diagnostic d = Expect.one(result, Severity.ERROR, "extra" + ".0".repeat(63));
        Expect.span(d, 1, 71, 1, 72);
        assertTrue(d.message().contains("more than 64 levels"), d.message());
        assertTrue(result.runConfiguration().isEmpty());
    }

    @Test
    void textOverTheSizeLimitIsRefusedBeforeParsing() {
        RunConfigChecker small = new RunConfigChecker(new Limits(100, 64, 10_000));

        CheckResult result = small.check("extra:\n" + "  k: v\n".repeat(50), spec);

        Diagnostic d = Expect.one(result, Severity.ERROR, "");
        Expect.span(d, 1, 1, 1, 1);
        assertTrue(d.message().contains("357 characters, the limit is 100"), d.message());
    }

    @Test
    void theSizeLimitCountsCharactersNotTheirJavaHalves() {
        RunConfigChecker small = new RunConfigChecker(new Limits(20, 64, 10_000));
        String tenEmoji = "\uD83C\uDF38".repeat(10);

        CheckResult fits = small.check("run_name: " + tenEmoji, spec);
        CheckResult over = small.check("run_name: " + tenEmoji + "x", spec);

        assertTrue(fits.diagnostics().stream().noneMatch(d -> d.message().contains("too large")),
                fits.diagnostics().toString());
        Diagnostic d = Expect.one(over, Severity.ERROR, "");
        assertTrue(d.message().contains("21 characters, the limit is 20"), d.message());
    }
}
