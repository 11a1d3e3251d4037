package dev.snapdeck.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineDefinitionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void readsTheBundledExampleWithItsFanOut() throws Exception {
        Path example = Path.of("assets/examples/training_pipeline");

        PipelineDefinition pipeline = PipelineDefinition.load(example);

        assertEquals("training_pipeline", pipeline.name());
        assertEquals("training_pipeline-{date}-{time}", pipeline.runNameTemplate());
        assertEquals(List.of("load_data", "train_model", "profile_data", "evaluate"),
                pipeline.steps().stream().map(StepDefinition::name).toList());
        StepDefinition evaluate = pipeline.step("evaluate").orElseThrow();
        assertEquals(List.of("load_data", "train_model", "profile_data"), evaluate.after());
        StepDefinition train = pipeline.step("train_model").orElseThrow();
        assertEquals(List.of("java", "steps/TrainModel.java"), train.run());
        assertEquals(new RetryPolicy(1, Duration.ofSeconds(1), 2), train.retry());
        assertEquals(Duration.ofSeconds(300), train.timeout());
        assertEquals(JSON.readTree("{\"model_type\":\"knn\",\"k\":5,\"normalize\":true}"),
                train.defaultParameters());
    }

    @Test
    void turnsParametersIntoPydanticLikeSchemas() throws Exception {
        StepDefinition train = PipelineDefinition.load(Path.of("assets/examples/training_pipeline"))
                .step("train_model").orElseThrow();

        ObjectNode k = train.parameters().get(1).toJsonSchema();
        ObjectNode modelType = train.parameters().get(0).toJsonSchema();

        assertEquals(JSON.readTree("{\"type\":\"integer\",\"title\":\"K\",\"default\":5,\"minimum\":1,"
                + "\"maximum\":50,\"description\":\"Neighbours consulted by knn.\"}"), k);
        assertEquals("Model Type", modelType.get("title").asText());
        assertEquals(JSON.readTree("[\"knn\",\"nearest_centroid\"]"), modelType.get("enum"));
    }

    @Test
    void readsOptionalPartsAsAbsent() throws Exception {
        write("name: tiny\nsteps:\n  only:\n    run: [echo, hi]\n");

        PipelineDefinition pipeline = PipelineDefinition.load(folder);

        StepDefinition only = pipeline.steps().get(0);
        assertNull(pipeline.description());
        assertNull(only.timeout());
        assertEquals(RetryPolicy.NONE, only.retry());
        assertTrue(only.enableCache());
        assertTrue(only.after().isEmpty());
    }

    @Test
    void rejectsUnknownUpstreamWithItsPlace() throws Exception {
        write("name: p\nsteps:\n  a:\n    run: [x]\n    after: [nope]\n");

        PipelineFormatException error = assertThrows(PipelineFormatException.class,
                () -> PipelineDefinition.load(folder));

        assertEquals(5, error.line());
        assertEquals(12, error.column());
        assertTrue(error.getMessage().endsWith("pipeline.yaml:5:12: step 'a' runs after unknown step 'nope'"),
                error.getMessage());
    }

    @Test
    void rejectsCycles() throws Exception {
        write("name: p\nsteps:\n  a:\n    run: [x]\n    after: [c]\n  b:\n    run: [x]\n    after: [a]\n"
                + "  c:\n    run: [x]\n    after: [b]\n");

        PipelineFormatException error = assertThrows(PipelineFormatException.class,
                () -> PipelineDefinition.load(folder));

        assertTrue(error.problem().startsWith("steps form a cycle: a -> c -> b -> a"), error.problem());
        assertEquals(5, error.line());
    }

    @Test
    void rejectsARunNameWithAnUnknownPlaceholderWithItsPlace() throws Exception {
        write("name: p\nrun_name: \"x-{nope}-{date}\"\nsteps:\n  a:\n    run: [x]\n");

        PipelineFormatException error = assertThrows(PipelineFormatException.class,
                () -> PipelineDefinition.load(folder));

        assertTrue(error.problem().contains("placeholder {nope}"), error.problem());
        assertEquals(2, error.line());
        assertEquals(11, error.column());
    }

    @Test
    void rejectsNamesThatCollideWhenUpperCasedWithTheirPlace() throws Exception {
        write("name: p\nsteps:\n  a:\n    run: [x]\n  A:\n    run: [x]\n");
        PipelineFormatException steps = assertThrows(PipelineFormatException.class,
                () -> PipelineDefinition.load(folder));
        write("name: p\nsteps:\n  a:\n    run: [x]\n    parameters:\n      k: {type: integer}\n"
                + "      K: {type: integer}\n");

        PipelineFormatException parameters = assertThrows(PipelineFormatException.class,
                () -> PipelineDefinition.load(folder));

        assertTrue(steps.problem().contains("'A' differs from 'a' only in case"), steps.problem());
        assertEquals(5, steps.line());
        assertEquals(3, steps.column());
        assertTrue(parameters.problem().contains("'K' differs from 'k' only in case"), parameters.problem());
        assertEquals(7, parameters.line());
    }

    @Test
    void refusesAnOversizedFileBeforeParsingIt() throws Exception {
        write("name: p\nsteps:\n  a:\n    run: [x]\n" + "# padding\n".repeat(200_000));

        PipelineFormatException error = assertThrows(PipelineFormatException.class,
                () -> PipelineDefinition.load(folder));

        assertTrue(error.problem().contains("at most 1048576 bytes"), error.problem());
    }

    @Test
    void rejectsAStepWithoutRun() throws Exception {
        write("name: p\nsteps:\n  a:\n    description: nothing to run\n");

        PipelineFormatException error = assertThrows(PipelineFormatException.class,
                () -> PipelineDefinition.load(folder));

        assertEquals("step 'a' has no 'run' command", error.problem());
        assertEquals(4, error.line());
        assertEquals(5, error.column());
    }

    @Test
    void rejectsADefaultOutsideTheRange() throws Exception {
        write("name: p\nsteps:\n  a:\n    run: [x]\n    parameters:\n"
                + "      k: {type: integer, default: 99, minimum: 1, maximum: 50}\n");

        PipelineFormatException error = assertThrows(PipelineFormatException.class,
                () -> PipelineDefinition.load(folder));

        assertEquals("parameter 'k': default 99 is above the maximum 50", error.problem());
        assertEquals(6, error.line());
        assertEquals(35, error.column());
    }

    @Test
    void rejectsADefaultOfTheWrongTypeAndAnUnknownType() throws Exception {
        write("name: p\nsteps:\n  a:\n    run: [x]\n    parameters:\n      k: {type: integer, default: \"5\"}\n");
        PipelineFormatException wrongType = assertThrows(PipelineFormatException.class,
                () -> PipelineDefinition.load(folder));
        write("name: p\nsteps:\n  a:\n    run: [x]\n    parameters:\n      k: {type: float}\n");

        PipelineFormatException unknownType = assertThrows(PipelineFormatException.class,
                () -> PipelineDefinition.load(folder));

        assertTrue(wrongType.problem().contains("expected a value of type integer"), wrongType.problem());
        assertTrue(unknownType.problem().contains("unknown type 'float'"), unknownType.problem());
        assertEquals(6, unknownType.line());
    }

    @Test
    void rejectsDefaultsOutsideTheEnum() throws Exception {
        write("name: p\nsteps:\n  a:\n    run: [x]\n    parameters:\n"
                + "      m: {type: string, enum: [knn, svm], default: tree}\n");

        PipelineFormatException error = assertThrows(PipelineFormatException.class,
                () -> PipelineDefinition.load(folder));

        assertTrue(error.problem().contains("\"tree\" is not one of"), error.problem());
    }

    @Test
    void rejectsDuplicateKeysAndUnknownKeys() throws Exception {
        write("name: p\nsteps:\n  a:\n    run: [x]\n  a:\n    run: [y]\n");
        PipelineFormatException duplicate = assertThrows(PipelineFormatException.class,
                () -> PipelineDefinition.load(folder));
        write("name: p\nsteps:\n  a:\n    run: [x]\n    retries: 3\n");

        PipelineFormatException unknown = assertThrows(PipelineFormatException.class,
                () -> PipelineDefinition.load(folder));

        assertEquals("duplicate key 'a' in steps", duplicate.problem());
        assertEquals(5, duplicate.line());
        assertTrue(unknown.problem().startsWith("unknown key 'retries' in step 'a'"), unknown.problem());
    }

    @Test
    void rejectsBadNamesAndBrokenYaml() throws Exception {
        write("name: \"bad name\"\nsteps:\n  a:\n    run: [x]\n");
        PipelineFormatException badName = assertThrows(PipelineFormatException.class,
                () -> PipelineDefinition.load(folder));
        write("name: p\nsteps:\n  a:\n    run: [x\n");

        PipelineFormatException broken = assertThrows(PipelineFormatException.class,
                () -> PipelineDefinition.load(folder));

        assertEquals(1, badName.line());
        assertEquals(7, badName.column());
        assertTrue(broken.problem().startsWith("not valid YAML"), broken.problem());
        assertTrue(broken.line() > 0);
    }

    @Test
    void reportsAMissingFile() {
        PipelineFormatException error = assertThrows(PipelineFormatException.class,
                () -> PipelineDefinition.load(folder.resolve("absent")));

        assertTrue(error.problem().startsWith("no pipeline.yaml in"), error.problem());
    }

    @Test
    void acceptsOnlyValuesOfTheDeclaredType() throws Exception {
        ParameterDefinition fraction = new ParameterDefinition("f", "number", null, List.of(), 0.0, 1.0, null);

        assertTrue(fraction.accepts(JSON.readTree("0.5")));
        assertTrue(fraction.accepts(JSON.readTree("1")));
        assertFalse(fraction.accepts(JSON.readTree("1.5")));
        assertFalse(fraction.accepts(JSON.readTree("\"0.5\"")));
        assertFalse(fraction.accepts(null));
    }

    private void write(String yaml) throws IOException {
        Files.writeString(folder.resolve("pipeline.yaml"), yaml);
    }
}
