package dev.snapdeck.api;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.snapdeck.testing.Fixtures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer that answers {@code METHOD /path} (query ignored) with a ZenML fixture, and
 * {@code error-404-unknown-path.json} for anything not routed, like a real server.
 */
final class FixtureServer implements AutoCloseable {

    static final String PROJECT = "7f3e9a21-4c8b-4e0d-9a5f-1b2c3d4e5f60";
    static final String USER = "3a6f2c14-8d9e-4b71-a0c3-5e7d9f1b2a48";
    static final String PIPELINE = "c2d4e6f8-1a3b-4c5d-8e7f-9a0b1c2d3e4f";
    static final String STACK = "9b2e4d6f-0a1c-4e3b-9d5f-7a8b9c0d1e2f";
    static final String BUILD = "4c6e8a0b-2d3f-4c5e-9a7b-9d0e1f2a3b4c";
    static final String S_PROD = "6d8f0a2c-4e5b-4d7f-8b9c-0e1f2a3b4c5d";
    static final String S_BASE = "8f0b2d4a-6c7e-4f9a-9d1b-2c3d4e5f6a7b";
    static final String S_R12 = "0e2a4c6e-8f1b-4a3d-9c5e-7f8a9b0c1d2e";
    static final String R12 = "b8d0f2a4-6e7a-4b9c-9d1e-2f3a4b5c6d7e";
    static final String R11 = "a7c9e1b3-5d6f-4a8b-8c0d-1e2f3a4b5c6d";
    static final String R10 = "c9e1a3b5-7f8b-4cad-8e2f-3a4b5c6d7e8f";
    static final String TOKEN = "test-token";

    static final ObjectMapper MAPPER = new ObjectMapper();

    final MockWebServer server = new MockWebServer();
    private final Map<String, Supplier<MockResponse>> routes = new ConcurrentHashMap<>();

    FixtureServer() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getRequestUrl().encodedPath();
                Supplier<MockResponse> route = routes.get(request.getMethod() + " " + path);
                return route != null ? route.get() : fixture(404, "error-404-unknown-path.json");
            }
        });
        server.start();
    }

    /** Routes the user and project look-ups so list calls can resolve the default project. */
    FixtureServer withProjectScope() {
        route("GET", "/api/v1/current-user", 200, "current-user.json");
        return route("GET", "/api/v1/projects/" + PROJECT,
                () -> json(200, item("projects-page.json", 0).toString()));
    }

    FixtureServer route(String method, String path, int status, String fixture) {
        return route(method, path, () -> fixture(status, fixture));
    }

    FixtureServer route(String method, String path, Supplier<MockResponse> response) {
        routes.put(method + " " + path, response);
        return this;
    }

    String url() {
        return server.url("/").toString();
    }

    ZenmlClient client() {
        return ZenmlClient.builder(url()).credentials(Credentials.token(TOKEN))
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(5)).build();
    }

    /** Requests received so far, in order (waits for none). */
    List<RecordedRequest> requests() throws InterruptedException {
        List<RecordedRequest> all = new ArrayList<>();
        RecordedRequest next;
        while ((next = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
            all.add(next);
        }
        return all;
    }

    /** The single received request on {@code path}; fails when none or several. */
    RecordedRequest only(String method, String path) throws InterruptedException {
        List<RecordedRequest> matching = new ArrayList<>();
        for (RecordedRequest r : requests()) {
            if (r.getMethod().equals(method) && r.getRequestUrl().encodedPath().equals(path)) {
                matching.add(r);
            }
        }
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + method + " " + path + ", got "
                    + matching.size());
        }
        return matching.get(0);
    }

    static MockResponse fixture(int status, String name) {
        return Fixtures.fixture(status, name);
    }

    static MockResponse json(int status, String body) {
        return Fixtures.json(status, body);
    }

    static String read(String name) {
        return Fixtures.read(name);
    }

    static JsonNode tree(String name) {
        return Fixtures.tree(name);
    }

    static JsonNode item(String pageFixture, int index) {
        return tree(pageFixture).path("items").get(index);
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
