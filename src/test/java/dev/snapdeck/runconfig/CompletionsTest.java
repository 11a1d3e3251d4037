package dev.snapdeck.runconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CompletionsTest {

    private final SnapshotSpec spec = Specs.fixture();

    @Test
    void topLevelKeysStartingWithWhatIsTypedComeWithTypeAndDescription() {
        List<Completions.Completion> found = Completions.at("enable_ca", 1, 10, spec);

        assertEquals(1, found.size(), found.toString());
        assertEquals(new Completions.Completion("enable_cache", "enable_cache: ", "boolean",
                "Whether to enable cache for all steps of the pipeline run.", true), found.get(0));
    }

    @Test
    void stepNamesAreProposedUnderSteps() {
        List<Completions.Completion> found = Completions.at("steps:\n  \n", 2, 3, spec);

        assertEquals(List.of("load_data", "train_model", "evaluate"),
                found.stream().map(Completions.Completion::label).toList());
    }

    @Test
    void parametersOfTheEnclosingStepAreProposedEvenInTextThatDoesNotParse() {
        String text = "steps:\n  train_model:\n    parameters:\n      ep\n  bad: [\n";

        List<Completions.Completion> found = Completions.at(text, 4, 9, spec);

        assertEquals(1, found.size(), found.toString());
        assertEquals("epochs", found.get(0).label());
        assertEquals("integer", found.get(0).type());
    }

    @Test
    void enumValuesAreProposedForAValue() {
        String text = "steps:\n  train_model:\n    parameters:\n      model_type: \n";

        List<Completions.Completion> found = Completions.at(text, 4, 19, spec);

        assertEquals(List.of("logreg", "random_forest", "knn"),
                found.stream().map(Completions.Completion::label).toList());
        assertTrue(found.stream().noneMatch(Completions.Completion::key));
    }

    @Test
    void valueWithoutChoicesGetsItsTypeAsAHint() {
        String text = "steps:\n  train_model:\n    parameters:\n      epochs: \n";

        List<Completions.Completion> found = Completions.at(text, 4, 15, spec);

        assertEquals(List.of(new Completions.Completion("integer", "", "integer", "", false)),
                found);
    }

    @Test
    void keysAlreadyWrittenInTheSameMappingAreNotProposedAgain() {
        String text = "steps:\n  train_model:\n    parameters:\n      epochs: 3\n      \n"
                + "      learning_rate: 0.1\n  evaluate: {}\n";

        List<Completions.Completion> found = Completions.at(text, 5, 7, spec);

        assertEquals(List.of("model_type", "class_weights"),
                found.stream().map(Completions.Completion::label).toList());
    }
}
