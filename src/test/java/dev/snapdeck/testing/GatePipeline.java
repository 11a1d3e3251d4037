package dev.snapdeck.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A one-step pipeline for tests that need a step to hold its slot: the step touches the file its
 * {@code started} parameter names, then waits until the file its {@code release} parameter names
 * appears.
 */
public final class GatePipeline {

    public static final String NAME = "gate";

    private GatePipeline() {
    }

    /** Writes the pipeline into {@code pipelines}/gate and returns that folder. */
    public static Path writeInto(Path pipelines) throws IOException {
        Path gate = Files.createDirectories(pipelines.resolve(NAME));
        Files.writeString(gate.resolve("pipeline.yaml"), """
                name: gate
                steps:
                  hold:
                    run: [sh, -c, 'touch "$SNAPDECK_PARAM_STARTED"; \
                while [ ! -f "$SNAPDECK_PARAM_RELEASE" ]; do sleep 0.02; done']
                    enable_cache: false
                    parameters:
                      started: {type: string, default: started}
                      release: {type: string, default: release}
                """);
        return gate;
    }
}
