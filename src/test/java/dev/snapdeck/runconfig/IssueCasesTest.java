package dev.snapdeck.runconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The four small cases of issue 3, verbatim, against a snapshot with those steps. */
class IssueCasesTest {

    private final RunConfigChecker checker = new RunConfigChecker();

    @Test
    void duplicateKeyIsAnErrorOnTheSecondKeyNamingTheFirstLine() {
        String text = """
                steps:
                  trainer:
                    parameters:
                      learning_rate: 0.01
                      epochs: 10
                      learning_rate: 0.1      # duplicate: error here, naming line 4
                """;

        CheckResult result = checker.check(text, Specs.small());

        Diagnostic d = Expect.one(result, Severity.ERROR, "steps.trainer.parameters.learning_rate");
        Expect.span(d, 6, 7, 6, 20);
        assertTrue(d.message().contains("first on line 4"), d.message());
        Expect.count(result, 1);
        assertEquals(Specs.json("{\"steps\":{\"trainer\":{\"parameters\":"
                + "{\"learning_rate\":0.1,\"epochs\":10}}}}"), result.runConfiguration().get());
    }

    @Test
    void plainNoAndOctalInStringParametersWarnWithWhatIsSentAndHowToQuote() {
        String text = """
                steps:
                  load_data:
                    parameters:
                      country: NO             # a string parameter: warn, it would be false
                      file_mode: 0755         # a string parameter: warn, it would be 493
                """;

        CheckResult result = checker.check(text, Specs.small());

        Diagnostic no = Expect.one(result, Severity.WARNING, "steps.load_data.parameters.country");
        Expect.span(no, 4, 16, 4, 18);
        assertTrue(no.message().startsWith("`NO` is sent as the boolean false"), no.message());
        assertTrue(no.message().contains("write \"NO\""), no.message());
        assertEquals("\"NO\"", no.quickFix().orElseThrow().replacement());
        Diagnostic octal = Expect.one(result, Severity.WARNING,
                "steps.load_data.parameters.file_mode");
        Expect.span(octal, 5, 18, 5, 22);
        assertTrue(octal.message().startsWith("`0755` is sent as the number 493"),
                octal.message());
        assertEquals(Specs.json("{\"steps\":{\"load_data\":{\"parameters\":"
                + "{\"country\":false,\"file_mode\":493}}}}"), result.runConfiguration().get());
    }

    @Test
    void valuesThatBreakAStringParameterAreAlsoErrorsSoTheRunIsBlocked() {
        String text = """
                steps:
                  load_data:
                    parameters:
                      country: NO             # a string parameter: warn, it would be false
                      file_mode: 0755         # a string parameter: warn, it would be 493
                """;

        CheckResult result = checker.check(text, Specs.small());

        Diagnostic type = Expect.one(result, Severity.ERROR, "steps.load_data.parameters.country");
        Expect.span(type, 4, 16, 4, 18);
        assertEquals("`country` must be text, but it is the boolean false. To send the text, "
                + "write \"NO\".", type.message());
        assertEquals("\"NO\"", type.quickFix().orElseThrow().replacement());
        Expect.span(Expect.one(result, Severity.ERROR, "steps.load_data.parameters.file_mode"),
                5, 18, 5, 22);
        Expect.count(result, 4);
    }

    @Test
    void aNumberParameterWrittenAsYaml11TextIsNotToldToQuoteIt() {
        // `1e3` is text to YAML 1.1 (no dot) and the number 1000 to YAML 1.2: quoting it would
        // not make it the number the parameter needs, so the error must not suggest that.
        String text = """
                steps:
                  trainer:
                    parameters:
                      learning_rate: 1e3
                """;

        CheckResult result = checker.check(text, Specs.small());

        Diagnostic type = Expect.one(result, Severity.ERROR, "steps.trainer.parameters.learning_rate");
        assertEquals("`learning_rate` must be a number, but it is the text \"1e3\". To send the number, write 1000.0.",
                type.message());
        assertEquals("1000.0", type.quickFix().orElseThrow().replacement());
        Diagnostic warning = Expect.one(result, Severity.WARNING, "steps.trainer.parameters.learning_rate");
        assertEquals("1000.0", warning.quickFix().orElseThrow().replacement());
    }

    @Test
    void anIntegerParameterWrittenYesIsNotToldToQuoteIt() {
        String text = """
                steps:
                  trainer:
                    parameters:
                      epochs: yes
                """;

        CheckResult result = checker.check(text, Specs.small());

        Diagnostic type = Expect.one(result, Severity.ERROR, "steps.trainer.parameters.epochs");
        assertEquals("`epochs` must be a whole number, but it is the boolean true.", type.message());
        assertTrue(type.quickFix().isEmpty(), String.valueOf(type.quickFix()));
        Expect.count(result, 1);
    }

    @Test
    void aBooleanSettingWrittenNoIsAdvisedToBeWrittenFalseNotQuoted() {
        CheckResult result = checker.check("enable_cache: no\n", Specs.fixture());

        Diagnostic warning = Expect.one(result, Severity.WARNING, "enable_cache");
        assertEquals("`no` is sent as the boolean false, which `enable_cache` takes; a YAML 1.2 reader would read "
                + "the text \"no\". Write false so every YAML reader agrees.", warning.message());
        assertEquals("false", warning.quickFix().orElseThrow().replacement());
        Expect.count(result, 1);
    }

    @Test
    void anEmptyValueForANumberSaysHowToKeepTheSnapshotsValue() {
        CheckResult result = checker.check("steps:\n  trainer:\n    parameters:\n      epochs:\n", Specs.small());

        Diagnostic type = Expect.one(result, Severity.ERROR, "steps.trainer.parameters.epochs");
        assertTrue(type.message().endsWith("but it is empty (null). To keep the snapshot's value, leave the key out."),
                type.message());
    }

    @Test
    void aVersionLikeNumberWhereANumberBelongsIsNotWarnedAbout() {
        String text = """
                steps:
                  trainer:
                    parameters:
                      learning_rate: 0.10
                """;

        CheckResult result = checker.check(text, Specs.small());

        Expect.count(result, 0);
    }

    @Test
    void aliasExpandsToTheAnchoredMappingAndItsNameIsNeverSent() {
        String text = """
                steps:
                  trainer:
                    parameters: &shared
                      learning_rate: 0.1
                  evaluator:
                    parameters: *shared       # never sent as the text "shared"
                """;

        CheckResult result = checker.check(text, Specs.small());

        Expect.count(result, 0);
        assertEquals(Specs.json("{\"steps\":{\"trainer\":{\"parameters\":{\"learning_rate\":0.1}},"
                + "\"evaluator\":{\"parameters\":{\"learning_rate\":0.1}}}}"),
                result.runConfiguration().get());
        assertFalse(result.runConfiguration().get().toString().contains("shared"));
    }

    @Test
    void unknownSettingAndUnknownStepAreErrorsWithSuggestions() {
        String text = """
                enable_cahce: false           # unknown setting, did you mean enable_cache
                steps:
                  trainr: {}                  # unknown step: list the real ones
                """;

        CheckResult result = checker.check(text, Specs.small());

        Diagnostic setting = Expect.one(result, Severity.ERROR, "enable_cahce");
        Expect.span(setting, 1, 1, 1, 13);
        assertTrue(setting.message().contains("Did you mean `enable_cache`?"), setting.message());
        assertEquals("enable_cache", setting.quickFix().orElseThrow().replacement());
        Diagnostic step = Expect.one(result, Severity.ERROR, "steps.trainr");
        Expect.span(step, 3, 3, 3, 9);
        assertTrue(step.message().contains("its steps are load_data, trainer, evaluator"),
                step.message());
        assertTrue(step.message().contains("Did you mean `trainer`?"), step.message());
        Expect.count(result, 2);
        assertEquals(Specs.json("{\"enable_cahce\":false,\"steps\":{\"trainr\":{}}}"),
                result.runConfiguration().get());
    }
}
