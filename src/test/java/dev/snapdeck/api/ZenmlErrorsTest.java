package dev.snapdeck.api;

import static dev.snapdeck.api.FixtureServer.R11;
import static dev.snapdeck.api.FixtureServer.S_BASE;
import static dev.snapdeck.api.FixtureServer.S_PROD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every error fixture through the real client, and the body shapes of reference §2. */
@Timeout(10)
class ZenmlErrorsTest {

    private static final String TRIGGER = "/api/v1/pipeline_snapshots/" + S_PROD + "/runs";
    private static final UUID PROD = UUID.fromString(S_PROD);

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

    private JsonNode config(String json) throws IOException {
        return FixtureServer.MAPPER.readTree(json);
    }

    @Test
    void missingSnapshotIsNotFoundWithServerMessage() {
        String missing = "2f4e6a8c-0b1d-4e3f-9a5b-7c9d1e3f5a7b";
        server.route("GET", "/api/v1/pipeline_snapshots/" + missing, 404, "error-404.json");

        NotFoundException e = assertThrows(NotFoundException.class,
                () -> client.snapshot(UUID.fromString(missing)));

        assertEquals(404, e.status());
        assertEquals("KeyError", e.exceptionClass());
        assertEquals("'Unable to get pipeline snapshot with ID " + missing + ": No pipeline "
                + "snapshot with this ID found.'", e.serverMessage());
    }

    @Test
    void unknownRouteIsNotFoundWithPlainDetail() {
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> client.run(UUID.fromString(R11)));

        assertNull(e.exceptionClass());
        assertEquals("Not Found", e.serverMessage());
    }

    @Test
    void methodNotAllowedOnTriggerMeansSnapshotsCannotRun() {
        server.route("POST", TRIGGER, 405, "error-405-no-workload-manager.json");

        SnapshotsNotRunnableException e = assertThrows(SnapshotsNotRunnableException.class,
                () -> client.triggerRun(PROD, null));

        assertEquals(405, e.status());
        assertEquals("Method Not Allowed", e.serverMessage());
    }

    @Test
    void gatedTriggerRouteAnswering501MeansSnapshotsCannotRun() {
        server.route("POST", TRIGGER, () -> FixtureServer.json(501,
                "{\"detail\": \"Workload management is not enabled on this server.\"}"));

        SnapshotsNotRunnableException e = assertThrows(SnapshotsNotRunnableException.class,
                () -> client.triggerRun(PROD, null));

        assertEquals("Workload management is not enabled on this server.", e.serverMessage());
    }

    @Test
    void triggerOfMissingSnapshotStaysNotFound() {
        server.route("POST", TRIGGER, 404, "error-404.json");

        assertThrows(NotFoundException.class, () -> client.triggerRun(PROD, null));
    }

    @Test
    void bodyValidationListBecomesLinesWithLocation() throws IOException {
        server.route("POST", TRIGGER, 422, "error-422.json");

        ValidationException e = assertThrows(ValidationException.class,
                () -> client.triggerRun(PROD, config("{\"enable_cache\": \"sometimes\"}")));

        assertEquals("ValueError", e.exceptionClass());
        assertEquals(List.of("body.run_configuration.enable_cache: Input should be a valid "
                + "boolean, unable to interpret input"), e.lines());
        assertEquals("body.run_configuration.enable_cache", e.problems().get(0).location());
    }

    @Test
    void queryValidationTextBecomesLineWithLocation() {
        server.route("GET", "/api/v1/runs", 422, "error-422-query.json");

        ValidationException e = assertThrows(ValidationException.class,
                () -> client.runs(new RunQuery().size(10_000)));

        assertEquals(List.of("size: Input should be less than or equal to 10000"), e.lines());
    }

    @Test
    void severalValidationEntriesEachGetALine() {
        String message = "[{'type': 'missing', 'loc': ('body', 'steps', 0, 'name'), 'msg': "
                + "'Field required', 'input': {}}, {'type': 'int_parsing', 'loc': ('body', "
                + "'size'), 'msg': \"Input isn't an integer\", 'input': 'x'}]";

        List<ValidationException.Problem> problems = ErrorBodies.problems(message);

        assertEquals(List.of(new ValidationException.Problem("body.steps.0.name",
                "Field required"), new ValidationException.Problem("body.size",
                "Input isn't an integer")), problems);
    }

    @Test
    void unparseableValidationTextIsKeptWhole() {
        List<ValidationException.Problem> problems = ErrorBodies.problems("something odd");

        assertEquals(List.of(new ValidationException.Problem("", "something odd")), problems);
    }

    @Test
    void forbiddenStopCarriesServerMessage() {
        server.route("POST", "/api/v1/runs/" + R11 + "/stop", 403, "error-403.json");

        ForbiddenException e = assertThrows(ForbiddenException.class,
                () -> client.stopRun(UUID.fromString(R11), true));

        assertEquals("IllegalOperationError", e.exceptionClass());
        assertEquals("Cannot stop a run that is already completed.", e.serverMessage());
    }

    @Test
    void nameClashIsConflict() {
        server.route("PUT", "/api/v1/pipeline_snapshots/" + S_BASE, 409, "error-409.json");

        ConflictException e = assertThrows(ConflictException.class, () -> client.updateSnapshot(
                UUID.fromString(S_BASE), new SnapshotUpdate().name("prod-training")));

        assertEquals("EntityExistsError", e.exceptionClass());
    }

    @Test
    void refusedRunConfigurationIsBadRequest() throws IOException {
        server.route("POST", TRIGGER, 400, "error-400-run-config.json");

        BadRequestException e = assertThrows(BadRequestException.class, () -> client.triggerRun(
                PROD, config("{\"schedule\": {\"cron_expression\": \"0 3 * * *\"}}")));

        assertEquals("Can't set schedule when running pipeline via Rest API.", e.serverMessage());
    }

    @Test
    void unknownParameterIsBadRequest() throws IOException {
        server.route("POST", TRIGGER, 400, "error-400-unknown-parameter.json");

        BadRequestException e = assertThrows(BadRequestException.class, () -> client.triggerRun(
                PROD, config("{\"steps\": {\"train_model\": {\"parameters\": "
                        + "{\"momentum\": 0.9}}}}")));

        assertEquals("ValueError", e.exceptionClass());
    }

    @Test
    void badPasswordIsUnauthorizedWithoutRetry() throws Exception {
        server.route("POST", "/api/v1/login", 401, "error-401-bad-password.json");
        ZenmlClient user = ZenmlClient.builder(server.url())
                .credentials(Credentials.password("alice", "wrong")).build();

        UnauthorizedException e = assertThrows(UnauthorizedException.class, user::currentUser);

        assertEquals("Authentication error: invalid username or password", e.serverMessage());
        assertEquals(1, server.requests().size());
    }

    @Test
    void missingCredentialsIsUnauthorized() {
        server.route("GET", "/api/v1/current-user", 401, "error-401-no-credentials.json");
        ZenmlClient anonymous = ZenmlClient.builder(server.url()).build();

        UnauthorizedException e = assertThrows(UnauthorizedException.class,
                anonymous::currentUser);

        assertEquals("Not authenticated", e.serverMessage());
    }

    @Test
    void expiredTokenWithoutPromptIsUnauthorized() {
        server.route("GET", "/api/v1/current-user", 401, "error-401-invalid-token.json");

        UnauthorizedException e = assertThrows(UnauthorizedException.class, client::currentUser);

        assertEquals("AuthorizationException", e.exceptionClass());
    }

    @Test
    void serverFailureIsServerError() {
        server.route("GET", "/api/v1/version", () -> FixtureServer.json(500,
                "{\"detail\": [\"RuntimeError\", \"The server URL is not set\"]}"));

        ServerErrorException e = assertThrows(ServerErrorException.class, client::version);

        assertEquals("RuntimeError", e.exceptionClass());
        assertEquals(500, e.status());
    }

    @Test
    void otherStatusesKeepTheBaseKind() {
        server.route("GET", "/api/v1/version", () -> FixtureServer.json(429,
                "{\"detail\": [\"MaxConcurrentTasksError\", \"too many\"]}"));

        ZenmlException e = assertThrows(ZenmlException.class, client::version);

        assertEquals(ZenmlException.class, e.getClass());
        assertEquals(429, e.status());
    }

    @Test
    void parsesAllFiveBodyShapesAndRawText() {
        assertEquals(new ErrorBodies.Detail("KeyError", "a: b", false),
                ErrorBodies.parse("{\"detail\": [\"KeyError\", \"a\", \"b\"]}"));
        assertEquals(new ErrorBodies.Detail(null, "Not Found", true),
                ErrorBodies.parse("{\"detail\": \"Not Found\"}"));
        assertEquals(new ErrorBodies.Detail("ValueError", "x", false),
                ErrorBodies.parse("[\"ValueError\", \"x\"]"));
        assertEquals(new ErrorBodies.Detail("invalid_grant", "expired", false),
                ErrorBodies.parse("{\"error\": \"invalid_grant\", \"error_description\": "
                        + "\"expired\"}"));
        assertEquals(new ErrorBodies.Detail(null, "<html>Bad gateway</html>", true),
                ErrorBodies.parse("<html>Bad gateway</html>"));
        assertEquals(new ErrorBodies.Detail(null, "{\"detail\": {\"a\": 1}}", true),
                ErrorBodies.parse("{\"detail\": {\"a\": 1}}"));
        assertEquals(new ErrorBodies.Detail(null, "(empty body)", true), ErrorBodies.parse(""));
    }

    @Test
    void kindComesFromStatusNotClassName() {
        ZenmlException e = ErrorBodies.toException(409, "{\"detail\": [\"KeyError\", \"x\"]}");

        assertInstanceOf(ConflictException.class, e);
    }
}
