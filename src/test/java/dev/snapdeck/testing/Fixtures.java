package dev.snapdeck.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.mockwebserver.MockResponse;

/** The ZenML fixtures (copied from the shared reference) as text, trees and mock answers. */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** A JSON answer with the fixture file {@code name} as its body. */
    public static MockResponse fixture(int status, String name) {
        return json(status, read(name));
    }

    public static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status)
                .setHeader("Content-Type", "application/json").setBody(body);
    }

    public static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/dev/snapdeck/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(String name) {
        try {
            return JSON.readTree(read(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
