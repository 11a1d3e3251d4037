package dev.snapdeck.runconfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Snapshot specs for tests: the hydrated ZenML fixture and the small snapshot. */
final class Specs {

    /** Accepts 'single quotes' too, so JSON in tests reads without escapes. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

    private Specs() {
    }

    /** The hydrated snapshot fixture (steps load_data, train_model, evaluate). */
    static SnapshotSpec fixture() {
        JsonNode metadata = read("/dev/snapdeck/fixtures/snapshot-hydrated.json").path("metadata");
        return SnapshotSpec.of(metadata.get("config_template"), metadata.get("config_schema"));
    }

    /** The small snapshot (steps load_data, trainer, evaluator). */
    static SnapshotSpec small() {
        JsonNode snapshot = read("/dev/snapdeck/runconfig/small-snapshot.json");
        return SnapshotSpec.of(snapshot.get("config_template"), snapshot.get("config_schema"));
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = Specs.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
