package dev.snapdeck.server.orchestrator;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run to execute: its id, the folder holding the step code (commands resolve relative paths
 * against it), the folder its step folders go into, the steps, and whether a failed step stops
 * the steps that have not started yet (true) or only its own downstream steps (false).
 */
public record RunPlan(String runId, Path codeDir, Path runDir, List<StepPlan> steps, boolean stopOnFailure) {

    /** @throws IllegalArgumentException for duplicate step names, unknown upstreams or cycles */
    public RunPlan {
        steps = List.copyOf(steps);
        checkGraph(steps);
    }

    /** The step named {@code name}; an IllegalArgumentException when there is none. */
    public StepPlan step(String name) {
        return steps.stream().filter(step -> step.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step '" + name + "'"));
    }

    private static void checkGraph(List<StepPlan> steps) {
        Map<String, StepPlan> byName = new LinkedHashMap<>();
        for (StepPlan step : steps) {
            if (byName.put(step.name(), step) != null) {
                throw new IllegalArgumentException("duplicate step '" + step.name() + "'");
            }
        }
        Map<String, Integer> waiting = new HashMap<>();
        Deque<String> ready = new ArrayDeque<>();
        for (StepPlan step : steps) {
            for (String upstream : step.upstream()) {
                if (!byName.containsKey(upstream)) {
                    throw new IllegalArgumentException("step '" + step.name() + "' runs after unknown step '"
                            + upstream + "'");
                }
            }
            waiting.put(step.name(), step.upstream().size());
            if (step.upstream().isEmpty()) {
                ready.add(step.name());
            }
        }
        int ordered = 0;
        while (!ready.isEmpty()) {
            String done = ready.poll();
            ordered++;
            for (StepPlan step : steps) {
                if (step.upstream().contains(done) && waiting.merge(step.name(), -1, Integer::sum) == 0) {
                    ready.add(step.name());
                }
            }
        }
        if (ordered != steps.size()) {
            throw new IllegalArgumentException("the steps' upstream links form a cycle");
        }
    }
}
