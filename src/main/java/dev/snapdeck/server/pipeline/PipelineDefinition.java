package dev.snapdeck.server.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A pipeline read from a folder's {@code pipeline.yaml}: its name, description, optional run-name
 * template and its steps in file order (the DAG is checked: every upstream exists, no cycles).
 */
public record PipelineDefinition(String name, String description, String runNameTemplate,
        List<StepDefinition> steps, Path folder) {

    /** The file every pipeline folder holds. */
    public static final String FILE_NAME = "pipeline.yaml";

    public PipelineDefinition {
        steps = List.copyOf(steps);
    }

    /**
     * Reads and checks {@code folder/pipeline.yaml}, on the calling thread.
     *
     * @throws PipelineFormatException when the file breaks the format, with file:line:col
     * @throws IOException when the file cannot be read
     */
    public static PipelineDefinition load(Path folder) throws PipelineFormatException, IOException {
        return new PipelineYamlReader(folder.resolve(FILE_NAME)).read(folder);
    }

    /** The step named {@code stepName}, if there is one. */
    public Optional<StepDefinition> step(String stepName) {
        return steps.stream().filter(step -> step.name().equals(stepName)).findFirst();
    }
}
