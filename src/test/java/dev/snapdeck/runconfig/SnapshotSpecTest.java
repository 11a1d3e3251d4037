package dev.snapdeck.runconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SnapshotSpecTest {

    private final SnapshotSpec spec = Specs.fixture();

    @Test
    void readsStepNamesInSchemaOrder() {
        assertEquals(List.of("load_data", "train_model", "evaluate"), spec.stepNames());
    }

    @Test
    void readsParameterTypesEnumsBoundsAndDefaults() {
        ParameterSpec rate = spec.parameters("train_model").get("learning_rate");
        ParameterSpec type = spec.parameters("train_model").get("model_type");

        assertEquals(List.of("number"), rate.types());
        assertEquals(Optional.of(0.0), rate.minimum());
        assertTrue(rate.exclusiveMinimum());
        assertEquals(Optional.of(1.0), rate.maximum());
        assertFalse(rate.exclusiveMaximum());
        assertEquals("number, 0 < x ≤ 1", rate.summary());
        assertEquals(List.of("logreg", "random_forest", "knn"),
                type.enumValues().stream().map(v -> v.asText()).toList());
        assertEquals("logreg", type.defaultValue().orElseThrow().asText());
    }

    @Test
    void staticSnapshotHasNoTopLevelParameters() {
        assertFalse(spec.dynamic());
        assertTrue(spec.topLevelKeys().contains("enable_cache"));
        assertFalse(spec.topLevelKeys().contains("parameters"));
    }

    @Test
    void schemaThatIsNotAnObjectIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> SnapshotSpec.of(Specs.json("{}"), Specs.json("[]")));
    }
}
