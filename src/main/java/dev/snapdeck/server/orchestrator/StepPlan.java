package dev.snapdeck.server.orchestrator;

import java.time.Duration;
import java.util.List;

import dev.snapdeck.server.pipeline.RetryPolicy;
import dev.snapdeck.server.pipeline.StepDefinition;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One step as the orchestrator runs it: the argv, the upstream step names, the resolved parameter
 * values, the retry policy, the timeout (null: none) and whether its results may come from or go
 * to the cache.
 */
public record StepPlan(String name, List<String> command, List<String> upstream, ObjectNode parameters,
        RetryPolicy retry, Duration timeout, boolean enableCache) {

    public StepPlan {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("step '" + name + "' has an empty command");
        }
        command = List.copyOf(command);
        upstream = List.copyOf(upstream);
        parameters = parameters == null ? JsonNodeFactory.instance.objectNode() : parameters.deepCopy();
        retry = retry == null ? RetryPolicy.NONE : retry;
    }

    /** The plan of a declared step with the given parameter values (already checked by the caller). */
    public static StepPlan from(StepDefinition step, ObjectNode parameters) {
        return new StepPlan(step.name(), step.run(), step.after(), parameters, step.retry(), step.timeout(),
                step.enableCache());
    }
}
