package dev.snapdeck.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import dev.snapdeck.testing.Fixtures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer replaying the ZenML fixtures for CLI tests, with list answers narrowed by the
 * {@code name} and {@code id=startswith:} filters the CLI sends to resolve names. Everything not
 * routed answers like a real server's unknown path.
 */
final class ZenmlFixtures implements AutoCloseable {

    static final String SNAPSHOT = "6d8f0a2c-4e5b-4d7f-8b9c-0e1f2a3b4c5d";
    static final String RUN = "b8d0f2a4-6e7a-4b9c-9d1e-2f3a4b5c6d7e";
    static final String OTHER_STACK = "1d3f5b7a-9c2e-4f6a-8b0d-2e4f6a8b0c1d";
    static final String TRIGGER_PATH = "/api/v1/pipeline_snapshots/{snapshot_id}/runs";
    static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final Map<String, Function<RecordedRequest, MockResponse>> routes =
            new ConcurrentHashMap<>();
    private final List<RecordedRequest> received = new CopyOnWriteArrayList<>();

    ZenmlFixtures() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                received.add(request);
                String key = request.getMethod() + " " + request.getRequestUrl().encodedPath();
                Function<RecordedRequest, MockResponse> route = routes.get(key);
                return route != null ? route.apply(request)
                        : fixture(404, "error-404-unknown-path.json");
            }
        });
        server.start();
    }

    /** A Pro server that can run snapshots, with the fixtures' user, project and snapshots. */
    static ZenmlFixtures proServer() throws IOException {
        ZenmlFixtures f = new ZenmlFixtures();
        f.route("GET", "/api/v1/info", 200, "info.json");
        f.openapi(true);
        f.route("POST", "/api/v1/login", 200, "login-token.json");
        f.route("GET", "/api/v1/current-user", 200, "current-user.json");
        f.route("GET", "/api/v1/projects/7f3e9a21-4c8b-4e0d-9a5f-1b2c3d4e5f60",
                r -> json(200, tree("projects-page.json").path("items").get(0).toString()));
        f.route("GET", "/api/v1/projects", 200, "projects-page.json");
        f.route("GET", "/api/v1/pipeline_snapshots", r -> filtered("snapshots-page.json", r));
        f.route("GET", "/api/v1/pipeline_snapshots/" + SNAPSHOT, 200, "snapshot-hydrated.json");
        f.route("GET", "/api/v1/pipelines", r -> filtered("pipelines-page.json", r));
        f.route("GET", "/api/v1/runs", r -> filtered("runs-page.json", r));
        f.route("GET", "/api/v1/runs/" + RUN, 200, "run-hydrated.json");
        f.route("GET", "/api/v1/steps", 200, "steps-page.json");
        f.route("GET", "/api/v1/stacks", r -> filtered(stacksPage(), r));
        for (JsonNode stack : stacksPage().path("items")) {
            f.route("GET", "/api/v1/stacks/" + stack.path("id").asText(),
                    r -> json(200, stack.toString()));
        }
        return f;
    }

    void openapi(boolean canRun) {
        String trigger = canRun ? ", \"" + TRIGGER_PATH + "\": {\"post\": {}}" : "";
        String body = "{\"openapi\": \"3.1.0\", \"paths\": {\"/api/v1/pipeline_snapshots\": "
                + "{\"get\": {}}" + trigger + "}}";
        route("GET", "/openapi.json", r -> json(200, body));
    }

    ZenmlFixtures route(String method, String path, int status, String fixture) {
        return route(method, path, r -> fixture(status, fixture));
    }

    ZenmlFixtures route(String method, String path,
            Function<RecordedRequest, MockResponse> answer) {
        routes.put(method + " " + path, answer);
        return this;
    }

    String url() {
        return server.url("/").toString().replaceAll("/$", "");
    }

    /** The requests received so far with this method and path. */
    List<RecordedRequest> received(String method, String path) {
        List<RecordedRequest> matching = new ArrayList<>();
        for (RecordedRequest r : received) {
            if (r.getMethod().equals(method)
                    && r.getRequestUrl().encodedPath().equals(path)) {
                matching.add(r);
            }
        }
        return matching;
    }

    /** A page fixture with only the items the request's name or id filter selects. */
    static MockResponse filtered(String pageFixture, RecordedRequest request) {
        return filtered((ObjectNode) tree(pageFixture), request);
    }

    /** The fixture's stack {@code aws-k8s-prod} (run #12's) and a second one, as a page. */
    static ObjectNode stacksPage() {
        ObjectNode prod = (ObjectNode) tree("stack-hydrated.json");
        ObjectNode other = prod.deepCopy();
        other.put("id", OTHER_STACK).put("name", "gcp-staging");
        ObjectNode page = JSON.createObjectNode().put("index", 1).put("max_size", 20)
                .put("total_pages", 1).put("total", 2);
        page.putArray("items").add(prod).add(other);
        return page;
    }

    static MockResponse filtered(ObjectNode page, RecordedRequest request) {
        String name = request.getRequestUrl().queryParameter("name");
        String id = request.getRequestUrl().queryParameter("id");
        ArrayNode kept = JSON.createArrayNode();
        for (JsonNode item : page.path("items")) {
            boolean nameOk = name == null || name.equals(item.path("name").asText());
            boolean idOk = id == null || !id.startsWith("startswith:")
                    || item.path("id").asText().startsWith(id.substring("startswith:".length()));
            if (nameOk && idOk) {
                kept.add(item);
            }
        }
        page.set("items", kept);
        page.put("total", kept.size());
        page.put("total_pages", 1);
        return json(200, page.toString());
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

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
