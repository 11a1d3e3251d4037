package dev.snapdeck.api;

import static dev.snapdeck.api.FixtureServer.PIPELINE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lazy paging, and answers from a newer server (extra fields, new statuses). */
@Timeout(10)
class PagingAndCompatibilityTest {

    private FixtureServer server;
    private ZenmlClient client;

    @BeforeEach
    void start() throws IOException {
        server = new FixtureServer().withProjectScope();
        client = server.client();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    /** Page 2 of the runs fixture: the remaining two of five runs. */
    private static String secondRunsPage() {
        ObjectNode page = (ObjectNode) FixtureServer.tree("runs-page.json");
        ArrayNode items = (ArrayNode) page.get("items");
        items.remove(0);
        ((ObjectNode) items.get(0)).put("id", "11111111-1111-4111-8111-111111111111");
        ((ObjectNode) items.get(1)).put("id", "22222222-2222-4222-8222-222222222222");
        return page.put("index", 2).toString();
    }

    @Test
    void fetchesPageTwoOnlyWhenIteratedPastPageOne() throws Exception {
        List<String> pagesAsked = new ArrayList<>();
        server.server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public okhttp3.mockwebserver.MockResponse dispatch(RecordedRequest request) {
                String path = request.getRequestUrl().encodedPath();
                if (path.equals("/api/v1/current-user")) {
                    return FixtureServer.fixture(200, "current-user.json");
                }
                if (path.startsWith("/api/v1/projects/")) {
                    return FixtureServer.json(200, FixtureServer.item("projects-page.json", 0)
                            .toString());
                }
                String page = request.getRequestUrl().queryParameter("page");
                pagesAsked.add(page);
                return "1".equals(page) ? FixtureServer.fixture(200, "runs-page.json")
                        : FixtureServer.json(200, secondRunsPage());
            }
        });
        Iterator<PipelineRun> runs = client.allRuns(new RunQuery()
                .pipeline(UUID.fromString(PIPELINE)).size(3)).iterator();

        for (int i = 0; i < 3; i++) {
            runs.next();
        }
        List<String> afterPageOne = List.copyOf(pagesAsked);
        List<UUID> rest = new ArrayList<>();
        runs.forEachRemaining(r -> rest.add(r.id()));

        assertEquals(List.of("1"), afterPageOne);
        assertEquals(List.of("1", "2"), pagesAsked);
        assertEquals(List.of(UUID.fromString("11111111-1111-4111-8111-111111111111"),
                UUID.fromString("22222222-2222-4222-8222-222222222222")), rest);
    }

    @Test
    void streamStopsFetchingWhenLimited() {
        List<Integer> fetched = new ArrayList<>();

        List<Integer> firstTwo = Page.stream(1, n -> {
            fetched.add(n);
            return new Page<>(n, 2, 5, 10, List.of(n * 10, n * 10 + 1));
        }).limit(2).toList();

        assertEquals(List.of(10, 11), firstTwo);
        assertEquals(List.of(1), fetched);
    }

    @Test
    void emptyResultIsOnePageWithoutItems() {
        String empty = "{\"index\": 1, \"max_size\": 20, \"total_pages\": 1, \"total\": 0, "
                + "\"items\": []}";
        server.route("GET", "/api/v1/runs", () -> FixtureServer.json(200, empty));

        List<PipelineRun> all = new ArrayList<>();
        client.allRuns(new RunQuery()).forEach(all::add);

        assertTrue(all.isEmpty());
    }

    @Test
    void unknownFieldsAndStatusesAreKept() throws Exception {
        ObjectNode run = (ObjectNode) FixtureServer.tree("run-hydrated.json");
        ((ObjectNode) run.get("body")).put("status", "hibernating").put("brand_new", 42);
        run.putObject("future_section").put("x", true);
        server.route("GET", "/api/v1/runs/" + FixtureServer.R12,
                () -> FixtureServer.json(200, run.toString()));

        PipelineRun parsed = client.run(UUID.fromString(FixtureServer.R12));

        assertEquals("hibernating", parsed.status().raw());
        assertEquals("hibernating", parsed.status().toString());
        assertFalse(parsed.status().isKnown());
        assertFalse(parsed.status().isFinished());
        assertFalse(parsed.status().isSuccess());
        assertTrue(parsed.inProgress());
    }

    @Test
    void knownStatusesAreClassified() {
        assertTrue(ExecutionStatus.of("completed").isSuccess());
        assertTrue(ExecutionStatus.of("cached").isFinished());
        assertTrue(ExecutionStatus.of("failed").isFinished());
        assertFalse(ExecutionStatus.of("failed").isSuccess());
        assertFalse(ExecutionStatus.of("stopping").isFinished());
        assertTrue(ExecutionStatus.of("queued").isKnown());
        assertNull(ExecutionStatus.of(null));
    }

    @Test
    void timestampsWithOffsetOrWithoutMicrosecondsParse() {
        assertEquals(Instant.parse("2026-06-30T14:03:11Z"),
                Json.parseInstant("2026-06-30T14:03:11"));
        assertEquals(Instant.parse("2026-06-30T12:03:11Z"),
                Json.parseInstant("2026-06-30T14:03:11+02:00"));
    }

    @Test
    void malformedIdNamesTheField() {
        JsonNode node = FixtureServer.MAPPER.createObjectNode().put("id", "not-a-uuid");

        ZenmlParseException e = assertThrows(ZenmlParseException.class, () -> Ref.from(node));

        assertEquals("field id is not a UUID: not-a-uuid", e.serverMessage());
    }

    @Test
    void permissionDeniedItemsWithNullSectionsStillParse() {
        JsonNode denied = FixtureServer.MAPPER.createObjectNode().putNull("body")
                .putNull("metadata").putNull("resources").put("id", FixtureServer.S_BASE)
                .put("permission_denied", true).putNull("name");

        Snapshot snapshot = Snapshot.from(denied);

        assertNull(snapshot.name());
        assertFalse(snapshot.runnable());
        assertEquals(List.of(), snapshot.tags());
    }

    private static ObjectNode stackWithOrchestrator(String flavor) {
        ObjectNode stack = (ObjectNode) FixtureServer.tree("stack-hydrated.json");
        JsonNode orchestrator = stack.path("metadata").path("components").path("orchestrator")
                .get(0);
        ((ObjectNode) orchestrator.get("body")).put("flavor_name", flavor);
        return stack;
    }

    @Test
    void localOrchestratorMakesStackLocal() {
        ObjectNode stack = stackWithOrchestrator("local");

        assertEquals(Stack.Locality.LOCAL, Stack.from(stack).locality());
    }

    @Test
    void stackWithoutRegistryCannotRunSnapshots() {
        ObjectNode stack = stackWithOrchestrator("kubernetes");
        ((ObjectNode) stack.path("metadata").path("components")).remove("container_registry");

        assertEquals(Stack.Locality.NO_REGISTRY, Stack.from(stack).locality());
    }

    @Test
    void unhydratedStackHasUnknownLocality() {
        ObjectNode stack = stackWithOrchestrator("kubernetes");
        ((ObjectNode) stack.get("metadata")).putNull("components");

        assertEquals(Stack.Locality.UNKNOWN, Stack.from(stack).locality());
    }
}
