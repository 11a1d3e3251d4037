package dev.snapdeck.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The README's "Java SDK" example, compiled and run by {@link JavaSdkExampleTest}. The lines
 * between the markers must stay identical to the README's code block; the test checks that.
 */
final class JavaSdkExample {

    private JavaSdkExample() {
    }

    static PipelineRun runWithRandomForest(String serverUrl, String apiKey) {
        // README-BEGIN
        try (ZenmlClient client = ZenmlClient.builder(serverUrl)
                .credentials(Credentials.apiKey(apiKey))
                .build()) {
            // Get the snapshot
            Snapshot snapshot = client.snapshotNamed("prod-training")
                    .orElseThrow(() -> new IllegalStateException("no snapshot prod-training"));

            // Change one step parameter in its config template
            ObjectNode config = snapshot.configTemplate().deepCopy();
            config.withObject("/steps/train_model/parameters").put("model_type", "random_forest");

            // Trigger the run
            PipelineRun run = client.triggerRun(snapshot.id(), config);
            return run; // status "initializing"; poll client.run(run.id()) to follow it
        }
        // README-END
    }
}
