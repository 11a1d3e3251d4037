package dev.snapdeck.server.pipeline;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One step of a pipeline.yaml. {@code run} is the argv ({@code java} and {@code python} are
 * resolved by the orchestrator); {@code after} names the upstream steps; {@code timeout} is null
 * when the step may run for ever.
 */
public record StepDefinition(String name, String description, List<String> run, List<String> after,
        List<ParameterDefinition> parameters, Duration timeout, RetryPolicy retry,
        boolean enableCache) {

    public StepDefinition {
        run = List.copyOf(run);
        after = List.copyOf(after);
        parameters = List.copyOf(parameters);
    }

    /** The declared defaults as a JSON object; parameters without a default are left out. */
    public ObjectNode defaultParameters() {
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        for (ParameterDefinition parameter : parameters) {
            if (parameter.defaultValue() != null) {
                values.set(parameter.name(), parameter.defaultValue().deepCopy());
            }
        }
        return values;
    }
}
