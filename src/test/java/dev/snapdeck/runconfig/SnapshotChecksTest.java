package dev.snapdeck.runconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Checks against the hydrated ZenML snapshot fixture: schema and snapshot-aware rules. */
class SnapshotChecksTest {

    private final RunConfigChecker checker = new RunConfigChecker();
    private final SnapshotSpec spec = Specs.fixture();

    @Test
    void fixtureTemplateRenderedAsYamlChecksClean() {
        String text = TemplateRenderer.render(spec);

        CheckResult result = checker.check(text, spec);

        Expect.count(result, 0);
    }

    @Test
    void emptyOverrideChecksCleanAndSendsAnEmptyObject() {
        CheckResult result = checker.check("", spec);

        Expect.count(result, 0);
        assertEquals(Specs.json("{}"), result.runConfiguration().get());
        assertEquals(spec.configTemplate(), result.effective());
    }

    @Test
    void partialParameterOverrideKeepsTheOtherParametersInTheEffectiveConfiguration() {
        CheckResult result = checker.check("steps:\n  train_model:\n    parameters:\n"
                + "      epochs: 25\n", spec);

        Expect.count(result, 0);
        ObjectNode parameters = (ObjectNode) result.effective()
                .at("/steps/train_model/parameters");
        assertEquals(25, parameters.get("epochs").asInt());
        assertEquals("logreg", parameters.get("model_type").asText());
        assertEquals(Specs.json("{\"steps\":{\"train_model\":{\"parameters\":{\"epochs\":25}}}}"),
                result.runConfiguration().get());
    }

    @Test
    void manyProblemsAreReportedUpToTheCapThenCounted() {
        StringBuilder text = new StringBuilder("steps:\n");
        for (int i = 0; i < 300; i++) {
            text.append("  no_such_step_").append(i).append(": {}\n");
        }

        CheckResult result = checker.check(text.toString(), spec);

        List<Diagnostic> diagnostics = result.diagnostics();
        assertEquals(RunConfigChecker.MAX_DIAGNOSTICS + 1, diagnostics.size());
        assertTrue(diagnostics.get(199).message().contains("no_such_step_199"),
                diagnostics.get(199).message());
        Diagnostic count = diagnostics.get(200);
        assertEquals(Severity.ERROR, count.severity());
        assertEquals(202, count.startLine());
        assertEquals("... and 100 more problems from line 202 on; fix these first.",
                count.message());
    }

    @Test
    void unknownParameterIsAnErrorListingTheStepsParameters() {
        CheckResult result = checker.check("steps:\n  train_model:\n    parameters:\n"
                + "      epoch: 25\n", spec);

        Diagnostic d = Expect.one(result, Severity.ERROR, "steps.train_model.parameters.epoch");
        Expect.span(d, 4, 7, 4, 12);
        assertTrue(d.message().contains("its parameters are model_type, learning_rate, epochs, "
                + "class_weights"), d.message());
        assertEquals("epochs", d.quickFix().orElseThrow().replacement());
        Expect.count(result, 1);
        assertEquals(Specs.json("{\"steps\":{\"train_model\":{\"parameters\":{\"epoch\":25}}}}"),
                result.runConfiguration().get());
    }

    @Test
    void wrongTypeIsReportedOnTheValueOnce() {
        CheckResult result = checker.check("steps:\n  train_model:\n    parameters:\n"
                + "      epochs: ten\n", spec);

        Diagnostic d = Expect.one(result, Severity.ERROR, "steps.train_model.parameters.epochs");
        Expect.span(d, 4, 15, 4, 18);
        assertEquals("`epochs` must be a whole number, but it is the text \"ten\".", d.message());
        Expect.count(result, 1);
        assertEquals("ten", result.runConfiguration().get()
                .at("/steps/train_model/parameters/epochs").asText());
    }

    @Test
    void valueOutsideTheEnumOffersTheClosestChoice() {
        CheckResult result = checker.check("steps:\n  train_model:\n    parameters:\n"
                + "      model_type: random_forrest\n", spec);

        Diagnostic d = Expect.one(result, Severity.ERROR,
                "steps.train_model.parameters.model_type");
        Expect.span(d, 4, 19, 4, 33);
        assertTrue(d.message().contains("one of logreg, random_forest, knn"), d.message());
        assertEquals("random_forest", d.quickFix().orElseThrow().replacement());
        Expect.count(result, 1);
        Expect.sends(result, "{\"steps\":{\"train_model\":{\"parameters\":"
                + "{\"model_type\":\"random_forrest\"}}}}");
    }

    @Test
    void valuesOutsideTheirBoundsAreErrors() {
        CheckResult result = checker.check("steps:\n  train_model:\n    parameters:\n"
                + "      learning_rate: 0\n  load_data:\n    parameters:\n"
                + "      test_fraction: 0.95\n", spec);

        Diagnostic low = Expect.one(result, Severity.ERROR,
                "steps.train_model.parameters.learning_rate");
        Expect.span(low, 4, 22, 4, 23);
        assertTrue(low.message().startsWith("`learning_rate` must be more than 0"),
                low.message());
        Diagnostic high = Expect.one(result, Severity.ERROR,
                "steps.load_data.parameters.test_fraction");
        Expect.span(high, 7, 22, 7, 26);
        assertTrue(high.message().startsWith("`test_fraction` must be at most 0.9"),
                high.message());
        Expect.count(result, 2);
        Expect.sends(result, "{\"steps\":{\"train_model\":{\"parameters\":"
                + "{\"learning_rate\":0}},\"load_data\":{\"parameters\":"
                + "{\"test_fraction\":0.95}}}}");
    }

    @Test
    void wrongTypeInAnOptionalFieldIsOneDiagnosticNotOnePerAnyOfBranch() {
        CheckResult result = checker.check("enable_cache: sometimes\n", spec);

        Diagnostic d = Expect.one(result, Severity.ERROR, "enable_cache");
        Expect.span(d, 1, 15, 1, 24);
        assertEquals("`enable_cache` must be true or false, but it is the text \"sometimes\".",
                d.message());
        Expect.count(result, 1);
        Expect.sends(result, "{\"enable_cache\":\"sometimes\"}");
    }

    @Test
    void problemInsideANestedSettingsObjectIsReportedOnlyOnTheValue() {
        CheckResult result = checker.check("steps:\n  train_model:\n    settings:\n"
                + "      resources:\n        memory: 16 GB\n", spec);

        Diagnostic d = Expect.one(result, Severity.ERROR,
                "steps.train_model.settings.resources.memory");
        Expect.span(d, 5, 17, 5, 22);
        assertTrue(d.message().contains("must match"), d.message());
        Expect.count(result, 1);
        Expect.sends(result, "{\"steps\":{\"train_model\":{\"settings\":{\"resources\":"
                + "{\"memory\":\"16 GB\"}}}}}");
    }

    @Test
    void unknownResourceKeyIsAnError() {
        CheckResult result = checker.check("settings:\n  resources:\n    gpu_cuont: 1\n", spec);

        Diagnostic d = Expect.one(result, Severity.ERROR, "settings.resources.gpu_cuont");
        Expect.span(d, 3, 5, 3, 14);
        assertEquals("gpu_count", d.quickFix().orElseThrow().replacement());
        Expect.count(result, 1);
        Expect.sends(result, "{\"settings\":{\"resources\":{\"gpu_cuont\":1}}}");
    }

    @Test
    void flavorSettingsKeyTheSchemaDoesNotListIsAWarning() {
        CheckResult result = checker.check("settings:\n  orchestrator.kubernetes:\n"
                + "    privileged_mode: true\n", spec);

        Diagnostic d = Expect.one(result, Severity.WARNING,
                "settings.orchestrator.kubernetes.privileged_mode");
        Expect.span(d, 3, 5, 3, 20);
        assertFalse(result.hasErrors());
        Expect.sends(result, "{\"settings\":{\"orchestrator.kubernetes\":"
                + "{\"privileged_mode\":true}}}");
    }

    @Test
    void settingsForAComponentTheStackDoesNotHaveAreAWarning() {
        CheckResult result = checker.check("settings:\n  experiment_tracker.mlflow:\n"
                + "    nested: true\n", spec);

        Diagnostic d = Expect.one(result, Severity.WARNING, "settings.experiment_tracker.mlflow");
        Expect.span(d, 2, 3, 2, 28);
        Expect.count(result, 1);
        Expect.sends(result, "{\"settings\":{\"experiment_tracker.mlflow\":"
                + "{\"nested\":true}}}");
    }

    @Test
    void fieldsARunMayNotChangeAreErrors() {
        CheckResult result = checker.check("schedule:\n  cron_expression: '0 * * * *'\n"
                + "build: abc\nparameters:\n  x: 1\nsettings:\n  docker:\n"
                + "    parent_image: python\nsteps:\n  train_model:\n    settings:\n"
                + "      docker: {}\n    runtime: inline\n", spec);

        Expect.span(Expect.one(result, Severity.ERROR, "schedule"), 1, 1, 1, 9);
        Expect.span(Expect.one(result, Severity.ERROR, "build"), 3, 1, 3, 6);
        Diagnostic parameters = Expect.one(result, Severity.ERROR, "parameters");
        Expect.span(parameters, 4, 1, 4, 11);
        assertTrue(parameters.message().contains("static"), parameters.message());
        Expect.span(Expect.one(result, Severity.ERROR, "settings.docker"), 7, 3, 7, 9);
        Expect.span(Expect.one(result, Severity.ERROR, "steps.train_model.settings.docker"),
                12, 7, 12, 13);
        Expect.span(Expect.one(result, Severity.ERROR, "steps.train_model.runtime"), 13, 5, 13, 12);
        Expect.count(result, 6);
        Expect.sends(result, "{\"schedule\":{\"cron_expression\":\"0 * * * *\"},"
                + "\"build\":\"abc\",\"parameters\":{\"x\":1},\"settings\":{\"docker\":"
                + "{\"parent_image\":\"python\"}},\"steps\":{\"train_model\":{\"settings\":"
                + "{\"docker\":{}},\"runtime\":\"inline\"}}}");
    }

    @Test
    void explicitNullIsKeptAsNullInWhatIsSentAndInTheEffectiveConfiguration() {
        CheckResult result = checker.check("enable_cache: null\n", spec);

        Expect.count(result, 0);
        assertTrue(result.runConfiguration().get().get("enable_cache").isNull());
        assertTrue(result.effective().get("enable_cache").isNull());
    }

    @Test
    void nullingARequiredObjectIsReportedWhereTheUserWroteIt() {
        CheckResult result = checker.check("steps:\n  evaluate:\n    parameters: null\n", spec);

        Diagnostic d = Expect.one(result, Severity.ERROR, "steps.evaluate.parameters");
        Expect.span(d, 3, 17, 3, 21);
        Expect.count(result, 1);
        Expect.sends(result, "{\"steps\":{\"evaluate\":{\"parameters\":null}}}");
    }

    @Test
    void problemInsideAnAliasIsReportedAtTheAlias() {
        CheckResult result = checker.check("steps:\n  load_data:\n    parameters:\n"
                + "      seed: &s 7\n  train_model:\n    parameters:\n      epochs: *s\n"
                + "      model_type: *s\n", spec);

        Diagnostic d = Expect.one(result, Severity.ERROR,
                "steps.train_model.parameters.model_type");
        Expect.span(d, 8, 19, 8, 21);
        Expect.count(result, 1);
        Expect.sends(result, "{\"steps\":{\"load_data\":{\"parameters\":{\"seed\":7}},"
                + "\"train_model\":{\"parameters\":{\"epochs\":7,\"model_type\":7}}}}");
        assertEquals(7, result.runConfiguration().get()
                .at("/steps/train_model/parameters/epochs").asInt());
    }

    @Test
    void aDocumentThatIsNotAMappingIsAnErrorAndNothingIsSent() {
        CheckResult result = checker.check("- a\n- b\n", spec);

        Diagnostic d = Expect.one(result, Severity.ERROR, "");
        Expect.span(d, 1, 1, 2, 4);
        assertTrue(result.runConfiguration().isEmpty());
    }

    @Test
    void deprecatedStepNameIsAWarningBecauseTheServerIgnoresIt() {
        CheckResult result = checker.check("steps:\n  evaluate:\n    name: eval\n", spec);

        Expect.span(Expect.one(result, Severity.WARNING, "steps.evaluate.name"), 3, 5, 3, 9);
        assertFalse(result.hasErrors());
        Expect.sends(result, "{\"steps\":{\"evaluate\":{\"name\":\"eval\"}}}");
    }

    @Test
    void missingRequiredStepIsReportedOnTheEnclosingKey() {
        SnapshotSpec emptyTemplate = SnapshotSpec.of(Specs.json("{}"),
                Specs.small().configSchema());

        CheckResult result = checker.check("steps:\n  trainer:\n    parameters: {epochs: 3}\n"
                + "  evaluator:\n    parameters: {}\n", emptyTemplate);

        Diagnostic d = Expect.one(result, Severity.ERROR, "steps.load_data");
        Expect.span(d, 1, 1, 1, 6);
        assertEquals("`load_data` is required here but missing.", d.message());
        Expect.count(result, 1);
        Expect.sends(result, "{\"steps\":{\"trainer\":{\"parameters\":{\"epochs\":3}},"
                + "\"evaluator\":{\"parameters\":{}}}}");
    }

    @Test
    void problemInTheSnapshotsOwnValueIsPlacedOnTheDeepestKeyTheUserWrote() {
        SnapshotSpec badTemplate = SnapshotSpec.of(Specs.json("{\"steps\":{\"trainer\":"
                + "{\"parameters\":{\"epochs\":0}},\"load_data\":{\"parameters\":{}},"
                + "\"evaluator\":{\"parameters\":{}}}}"), Specs.small().configSchema());

        CheckResult result = checker.check("steps:\n  trainer:\n    parameters:\n"
                + "      learning_rate: 0.5\n", badTemplate);

        Diagnostic d = Expect.one(result, Severity.ERROR, "steps.trainer.parameters.epochs");
        Expect.span(d, 3, 5, 3, 15);
        assertTrue(d.message().endsWith("This value comes from the snapshot's configuration, not "
                + "from this file."), d.message());
        Expect.count(result, 1);
    }

    @Test
    void dynamicSnapshotAcceptsTopLevelParameters() {
        ObjectNode schema = Specs.small().configSchema().deepCopy();
        ((ObjectNode) schema.get("properties")).set("parameters",
                Specs.json("{\"type\":\"object\",\"properties\":{\"dataset\":{}}}"));
        SnapshotSpec dynamic = SnapshotSpec.of(Specs.small().configTemplate(), schema);

        CheckResult result = checker.check("parameters:\n  dataset: iris.csv\n", dynamic);

        assertTrue(dynamic.dynamic());
        Expect.count(result, 0);
        Expect.sends(result, "{\"parameters\":{\"dataset\":\"iris.csv\"}}");
    }

    @Test
    void keywordWithoutItsOwnWordingUsesTheValidatorsWordsWithoutItsLocation() {
        ObjectNode schema = Specs.small().configSchema().deepCopy();
        ((ObjectNode) schema.get("properties")).set("run_name",
                Specs.json("{'type':'string','maxLength':3}"));
        SnapshotSpec limited = SnapshotSpec.of(Specs.small().configTemplate(), schema);

        CheckResult result = checker.check("run_name: nightly\n", limited);

        Diagnostic d = Expect.one(result, Severity.ERROR, "run_name");
        Expect.span(d, 1, 11, 1, 18);
        assertTrue(d.message().startsWith("`run_name`: must be at most 3 characters long"),
                d.message());
        Expect.sends(result, "{'run_name':'nightly'}");
    }
}
