package dev.snapdeck.runconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TemplateRendererTest {

    @Test
    void renderedTemplateReadsBackToTheTemplate() {
        SnapshotSpec spec = Specs.fixture();

        String text = TemplateRenderer.render(spec);

        CheckResult result = new RunConfigChecker().check(text, spec);
        assertEquals(TemplateRenderer.withDefaults(spec), result.runConfiguration().orElseThrow());
        assertEquals(spec.configTemplate(), TemplateRenderer.withDefaults(spec));
    }

    @Test
    void descriptionsBecomeCommentsAboveTheirKeys() {
        String text = TemplateRenderer.render(Specs.fixture());

        assertTrue(text.contains("# Whether to enable cache for all steps of the pipeline run.\n"
                + "enable_cache: true\n"), text);
        assertTrue(text.contains("      # (integer, 1 ≤ x ≤ 1000)\n      epochs: 10\n"), text);
    }

    @Test
    void missingParametersGetTheirDefaultsAndAmbiguousTextIsQuoted() {
        SnapshotSpec spec = SnapshotSpec.of(Specs.json("{\"steps\":{\"load_data\":"
                + "{\"parameters\":{\"country\":\"NO\"}}}}"), Specs.small().configSchema());

        String text = TemplateRenderer.render(spec);

        assertTrue(text.contains("      country: \"NO\"\n"), text);
        assertTrue(text.contains("      file_mode: \"0644\"\n"), text);
        assertTrue(text.contains("      epochs: 10\n"), text);
        CheckResult result = new RunConfigChecker().check(text, spec);
        Expect.count(result, 0);
    }
}
