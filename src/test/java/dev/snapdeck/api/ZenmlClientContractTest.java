package dev.snapdeck.api;

import static dev.snapdeck.api.FixtureServer.BUILD;
import static dev.snapdeck.api.FixtureServer.PIPELINE;
import static dev.snapdeck.api.FixtureServer.PROJECT;
import static dev.snapdeck.api.FixtureServer.R10;
import static dev.snapdeck.api.FixtureServer.R11;
import static dev.snapdeck.api.FixtureServer.R12;
import static dev.snapdeck.api.FixtureServer.STACK;
import static dev.snapdeck.api.FixtureServer.S_BASE;
import static dev.snapdeck.api.FixtureServer.S_PROD;
import static dev.snapdeck.api.FixtureServer.S_R12;
import static dev.snapdeck.api.FixtureServer.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client against every success fixture: what it reads, and what it sends. */
@Timeout(10)
class ZenmlClientContractTest {

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

    private static UUID id(String text) {
        return UUID.fromString(text);
    }

    @Test
    void readsProServerInfoWithoutAuthorization() throws Exception {
        server.route("GET", "/api/v1/info", 200, "info.json");

        ServerInfo info = client.info();

        assertEquals("0.96.0", info.version());
        assertEquals("acme-ml", info.name());
        assertEquals("cloud", info.deploymentType());
        assertEquals("EXTERNAL", info.authScheme());
        assertEquals("acme-ml", info.proWorkspaceName());
        assertEquals("acme", info.proOrganizationName());
        assertEquals(id("0b1d3c8e-5f2a-4d7b-9c61-2e8a4f0d7b15"), info.id());
        assertEquals("mysql", info.databaseType());
        assertEquals("https://ws-acme-ml.zenml-pro.example", info.serverUrl());
        assertEquals("https://cloud.zenml-pro.example/workspaces/acme-ml", info.dashboardUrl());
        assertTrue(info.isPro());
        assertFalse(info.acceptsPasswordLogin());
        assertNull(server.only("GET", "/api/v1/info").getHeader("Authorization"));
    }

    @Test
    void readsOssServerInfo() {
        server.route("GET", "/api/v1/info", 200, "info-oss.json");

        ServerInfo info = client.info();

        assertFalse(info.isPro());
        assertTrue(info.acceptsPasswordLogin());
        assertEquals("OAUTH2_PASSWORD_BEARER", info.authScheme());
        assertNull(info.proWorkspaceName());
    }

    @Test
    void readsVersionString() {
        server.route("GET", "/api/v1/version", 200, "version.json");

        assertEquals("0.96.0", client.version());
    }

    @Test
    void apiKeyLoginSendsOnlyPasswordFieldAndUsesReturnedToken() throws Exception {
        server.route("POST", "/api/v1/login", 200, "login-token.json");
        ZenmlClient keyed = ZenmlClient.builder(server.url())
                .credentials(Credentials.apiKey("ZENKEY_abc+/=")).build();

        keyed.currentUser();

        List<RecordedRequest> requests = server.requests();
        RecordedRequest login = requests.get(0);
        assertEquals("POST", login.getMethod());
        assertEquals("/api/v1/login", login.getPath());
        assertEquals("application/x-www-form-urlencoded", login.getHeader("Content-Type"));
        assertEquals("password=ZENKEY_abc%2B%2F%3D", login.getBody().readUtf8());
        String token = FixtureServer.tree("login-token.json").path("access_token").asText();
        assertEquals("/api/v1/current-user", requests.get(1).getPath());
        assertEquals("Bearer " + token, requests.get(1).getHeader("Authorization"));
    }

    @Test
    void passwordLoginSendsPasswordGrantForm() throws Exception {
        server.route("POST", "/api/v1/login", 200, "login-token.json");
        ZenmlClient user = ZenmlClient.builder(server.url())
                .credentials(Credentials.password("alice@acme.example", "s3cret&x")).build();

        user.login();

        RecordedRequest login = server.only("POST", "/api/v1/login");
        assertEquals("grant_type=password&username=alice%40acme.example&password=s3cret%26x",
                login.getBody().readUtf8());
        assertTrue(user.hasToken());
    }

    @Test
    void existingTokenIsSentAsIsWithoutLogin() throws Exception {
        client.currentUser();

        List<RecordedRequest> requests = server.requests();
        assertEquals(1, requests.size());
        assertEquals("Bearer test-token", requests.get(0).getHeader("Authorization"));
    }

    @Test
    void readsCurrentUser() {
        User user = client.currentUser();

        assertEquals(id(USER), user.id());
        assertEquals("alice@acme.example", user.name());
        assertEquals("Alice Moreau", user.fullName());
        assertTrue(user.admin());
        assertFalse(user.serviceAccount());
        assertEquals(id(PROJECT), user.defaultProjectId());
        assertEquals("alice@acme.example", user.email());
        assertEquals(Instant.parse("2025-11-03T08:12:44.603118Z"), user.created());
        assertEquals(Instant.parse("2026-06-30T13:58:02.114406Z"), user.updated());
        assertTrue(user.active());
    }

    @Test
    void resolvesDefaultProjectOnceFromCurrentUser() throws Exception {
        server.route("GET", "/api/v1/pipelines", 200, "pipelines-page.json");

        Project first = client.defaultProject();
        client.pipelines(new PipelineQuery());
        client.pipelines(new PipelineQuery());

        assertEquals("default", first.name());
        assertEquals("Default", first.displayName());
        assertEquals(id(PROJECT), first.id());
        List<RecordedRequest> requests = server.requests();
        assertEquals(List.of("/api/v1/current-user", "/api/v1/projects/" + PROJECT,
                "/api/v1/pipelines", "/api/v1/pipelines"),
                requests.stream().map(r -> r.getRequestUrl().encodedPath()).toList());
    }

    @Test
    void fallsBackToProjectNamedDefaultWhenUserHasNone() {
        JsonNode user = FixtureServer.tree("current-user.json");
        ((ObjectNode) user.path("body"))
                .putNull("default_project_id");
        server.route("GET", "/api/v1/current-user", () -> FixtureServer.json(200, user.toString()));
        server.route("GET", "/api/v1/projects", 200, "projects-page.json");

        Project project = client.defaultProject();

        assertEquals(id(PROJECT), project.id());
    }

    @Test
    void pipelinesRequestIsProjectScopedAndSorted() throws Exception {
        server.route("GET", "/api/v1/pipelines", 200, "pipelines-page.json");

        Page<Pipeline> page = client.pipelines(new PipelineQuery().sortBy("desc:latest_run"));

        RecordedRequest request = server.only("GET", "/api/v1/pipelines");
        assertEquals("/api/v1/pipelines?project=" + PROJECT + "&sort_by=desc%3Alatest_run&page=1",
                request.getPath());
        assertEquals("Bearer test-token", request.getHeader("Authorization"));
        assertEquals(2, page.total());
        Pipeline training = page.items().get(0);
        assertEquals(id(PIPELINE), training.id());
        assertEquals("training_pipeline", training.name());
        assertEquals(id(R12), training.latestRunId());
        assertEquals(ExecutionStatus.RUNNING, training.latestRunStatus());
        assertEquals(List.of("nightly"), training.tags());
        assertEquals("alice@acme.example", training.user().name());
        assertEquals(id(USER), training.latestRunUser().id());
        assertEquals(Instant.parse("2026-03-17T10:41:09.227851Z"), training.created());
        Pipeline batch = page.items().get(1);
        assertEquals("batch_inference", batch.name());
        assertEquals(ExecutionStatus.COMPLETED, batch.latestRunStatus());
    }

    @Test
    void runsRequestCarriesEveryFilter() throws Exception {
        server.route("GET", "/api/v1/runs", 200, "runs-page.json");

        client.runs(new RunQuery().pipeline(id(PIPELINE)).snapshot(id(S_PROD))
                .sourceSnapshot(id(S_PROD)).status(ExecutionStatus.COMPLETED,
                        ExecutionStatus.FAILED).nameContains("nightly").user("alice")
                .sortBy("desc:created").page(1).size(3));

        RecordedRequest request = server.only("GET", "/api/v1/runs");
        assertEquals("/api/v1/runs?project=" + PROJECT + "&pipeline_id=" + PIPELINE
                + "&snapshot_id=" + S_PROD + "&source_snapshot_id=" + S_PROD
                + "&status=oneof%3A%5B%22completed%22%2C%22failed%22%5D"
                + "&name=contains%3Anightly&user=alice&sort_by=desc%3Acreated&page=1&size=3",
                request.getPath());
        assertEquals("oneof:[\"completed\",\"failed\"]",
                request.getRequestUrl().queryParameter("status"));
    }

    @Test
    void readsRunsPage() {
        server.route("GET", "/api/v1/runs", 200, "runs-page.json");

        Page<PipelineRun> page = client.runs(new RunQuery().pipeline(id(PIPELINE)).size(3));

        assertEquals(new Page<>(1, 3, 2, 5, page.items()), page);
        PipelineRun r12 = page.items().get(0);
        assertEquals(id(R12), r12.id());
        assertEquals(ExecutionStatus.RUNNING, r12.status());
        assertTrue(r12.inProgress());
        assertEquals(12, r12.index());
        assertEquals(id(S_R12), r12.snapshot().id());
        assertNull(r12.snapshot().name());
        assertEquals(id(S_PROD), r12.sourceSnapshot().id());
        assertEquals("prod-training", r12.sourceSnapshot().name());
        assertNull(r12.startTime());
        PipelineRun r10 = page.items().get(2);
        assertEquals(id(R10), r10.id());
        assertEquals(ExecutionStatus.FAILED, r10.status());
        assertFalse(r10.inProgress());
        assertEquals("Step `train_model` failed: ValueError: Unknown model_type 'svm'.",
                r10.statusReason());
        assertEquals(id(S_BASE), r10.sourceSnapshot().id());
    }

    @Test
    void readsHydratedRun() throws Exception {
        server.route("GET", "/api/v1/runs/" + R12, 200, "run-hydrated.json");

        PipelineRun run = client.run(id(R12));

        assertEquals("/api/v1/runs/" + R12, server.only("GET", "/api/v1/runs/" + R12).getPath());
        assertEquals("training_pipeline-2026_06_30-14_03_11_482917", run.name());
        assertEquals(Instant.parse("2026-06-30T14:03:11.482917Z"), run.created());
        assertEquals(Instant.parse("2026-06-30T14:06:19.335821Z"), run.updated());
        assertEquals(Instant.parse("2026-06-30T14:04:02.071336Z"), run.startTime());
        assertNull(run.endTime());
        assertEquals("training-pipeline-7a1c2e", run.orchestratorRunId());
        assertEquals(id(PIPELINE), run.pipelineId());
        assertEquals("training_pipeline", run.pipeline().name());
        assertEquals("aws-k8s-prod", run.stack().name());
        assertEquals(id(STACK), run.stack().id());
        assertEquals(id(USER), run.user().id());
        assertTrue(run.config().path("enable_cache").asBoolean());
        assertEquals(List.of(new LogSource(id("8c0d2e4f-6a7b-4c9d-9e0f-1a2b3c4d5e6f"), "runner",
                null), new LogSource(id("9d1e3f5a-7b8c-4d0e-8f1a-2b3c4d5e6f7a"), "orchestrator",
                "s3://acme-ml-artifacts/logs/pipeline_runs/b8d0f2a4-6e7a-4b9c-9d1e-2f3a4b5c6d7e/"
                        + "orchestrator/1782828242.log")), run.logCollection());
    }

    @Test
    void triggerSendsRunConfigurationAndReadsPlaceholderRun() throws Exception {
        server.route("POST", "/api/v1/pipeline_snapshots/" + S_PROD + "/runs", 200,
                "snapshot-run-created.json");
        JsonNode config = FixtureServer.MAPPER.readTree("{\"steps\": {\"train_model\": "
                + "{\"parameters\": {\"model_type\": \"random_forest\", \"epochs\": 25}}}}");

        PipelineRun run = client.triggerRun(id(S_PROD), config);

        RecordedRequest request = server.only("POST",
                "/api/v1/pipeline_snapshots/" + S_PROD + "/runs");
        assertEquals("application/json; charset=utf-8", request.getHeader("Content-Type"));
        assertEquals("Bearer test-token", request.getHeader("Authorization"));
        assertEquals(FixtureServer.MAPPER.readTree("{\"run_configuration\": {\"steps\": "
                + "{\"train_model\": {\"parameters\": {\"model_type\": \"random_forest\", "
                + "\"epochs\": 25}}}}}"), FixtureServer.MAPPER.readTree(request.getBody()
                .readUtf8()));
        assertEquals(id(R12), run.id());
        assertEquals(ExecutionStatus.INITIALIZING, run.status());
        assertFalse(run.status().isFinished());
        assertTrue(run.inProgress());
        assertEquals(id(S_R12), run.snapshot().id());
        assertEquals(id(S_PROD), run.sourceSnapshot().id());
    }

    @Test
    void triggerWithoutConfigurationSendsEmptyObject() throws Exception {
        server.route("POST", "/api/v1/pipeline_snapshots/" + S_PROD + "/runs", 200,
                "snapshot-run-created.json");

        client.triggerRun(id(S_PROD), null);

        assertEquals("{\"run_configuration\":{}}", server.only("POST",
                "/api/v1/pipeline_snapshots/" + S_PROD + "/runs").getBody().readUtf8());
    }

    @Test
    void snapshotsRequestCarriesEveryFilter() throws Exception {
        server.route("GET", "/api/v1/pipeline_snapshots", 200, "snapshots-page.json");

        client.snapshots(new SnapshotQuery().namedOnly().nameContains("prod")
                .pipeline("training_pipeline").stack("aws-k8s-prod").runnable(true).user("alice")
                .tag("production").sortBy("desc:updated").page(2).size(10));

        assertEquals("/api/v1/pipeline_snapshots?project=" + PROJECT + "&named_only=true"
                + "&name=contains%3Aprod&pipeline=training_pipeline&stack=aws-k8s-prod"
                + "&runnable=true&user=alice&tags=production&sort_by=desc%3Aupdated&page=2&size=10",
                server.only("GET", "/api/v1/pipeline_snapshots").getPath());
    }

    @Test
    void readsSnapshotsPage() {
        server.route("GET", "/api/v1/pipeline_snapshots", 200, "snapshots-page.json");

        Page<Snapshot> page = client.snapshots(new SnapshotQuery().namedOnly());

        Snapshot prod = page.items().get(0);
        assertEquals(id(S_PROD), prod.id());
        assertEquals("prod-training", prod.name());
        assertTrue(prod.runnable());
        assertEquals(id(PIPELINE), prod.pipelineId());
        assertEquals(id(R12), prod.latestRunId());
        assertEquals(ExecutionStatus.RUNNING, prod.latestRunStatus());
        assertEquals(Instant.parse("2026-06-28T09:13:58.902371Z"), prod.created());
        assertEquals(Instant.parse("2026-06-28T10:02:45.771020Z"), prod.updated());
        assertFalse(prod.deployable());
        assertEquals(id(USER), prod.user().id());
        assertEquals("training_pipeline", prod.pipeline().name());
        assertEquals(List.of("production"), prod.tags());
        assertNull(prod.configTemplate());
        Snapshot base = page.items().get(1);
        assertEquals("baseline-logreg", base.name());
        assertEquals(id(R10), base.latestRunId());
        assertEquals(ExecutionStatus.FAILED, base.latestRunStatus());
        assertEquals(Instant.parse("2026-05-20T16:30:12.418093Z"), base.created());
        assertEquals("aws-k8s-prod", base.stack().name());
    }

    @Test
    void readsHydratedSnapshotWithTemplateAndSchema() throws Exception {
        server.route("GET", "/api/v1/pipeline_snapshots/" + S_PROD, 200,
                "snapshot-hydrated.json");

        Snapshot snapshot = client.snapshot(id(S_PROD));

        assertEquals("/api/v1/pipeline_snapshots/" + S_PROD + "?include_config_schema=true",
                server.only("GET", "/api/v1/pipeline_snapshots/" + S_PROD).getPath());
        JsonNode metadata = FixtureServer.tree("snapshot-hydrated.json").path("metadata");
        assertEquals(metadata.path("config_template"), snapshot.configTemplate());
        assertEquals(metadata.path("config_schema"), snapshot.configSchema());
        assertEquals(metadata.path("pipeline_configuration"), snapshot.pipelineConfiguration());
        assertEquals("Nightly retraining of the iris classifier on the EKS stack.",
                snapshot.description());
        assertEquals("training_pipeline-{date}-{time}", snapshot.runNameTemplate());
        assertEquals("0.96.0", snapshot.serverVersion());
        assertEquals("0.96.0", snapshot.clientVersion());
        assertFalse(snapshot.madeOnOtherVersion("0.96.0"));
        assertTrue(snapshot.madeOnOtherVersion("0.97.1"));
        assertEquals(List.of("load_data", "train_model", "evaluate"), snapshot.stepNames());
        assertEquals(id(BUILD), snapshot.build().id());
        assertNull(snapshot.sourceSnapshotId());
        assertFalse(snapshot.dynamic());
    }

    @Test
    void keepsServerVersionApartFromClientVersion() {
        ObjectNode snapshot = (ObjectNode) FixtureServer.tree("snapshot-hydrated.json");
        ((ObjectNode) snapshot.get("metadata")).put("server_version", "0.95.0")
                .put("client_version", "0.94.2");
        server.route("GET", "/api/v1/pipeline_snapshots/" + S_PROD,
                () -> FixtureServer.json(200, snapshot.toString()));

        Snapshot parsed = client.snapshot(id(S_PROD));

        assertEquals("0.95.0", parsed.serverVersion());
        assertEquals("0.94.2", parsed.clientVersion());
        assertTrue(parsed.madeOnOtherVersion("0.96.0"));
    }

    @Test
    void updateSendsOnlyWhatWasSet() throws Exception {
        server.route("PUT", "/api/v1/pipeline_snapshots/" + S_BASE, 200,
                "snapshot-hydrated.json");

        client.updateSnapshot(id(S_BASE), new SnapshotUpdate().name("prod-training")
                .description("better").replace().addTag("a").removeTag("b"));

        RecordedRequest request = server.only("PUT", "/api/v1/pipeline_snapshots/" + S_BASE);
        assertEquals(FixtureServer.MAPPER.readTree("{\"name\":\"prod-training\","
                + "\"description\":\"better\",\"replace\":true,\"add_tags\":[\"a\"],"
                + "\"remove_tags\":[\"b\"]}"), FixtureServer.MAPPER.readTree(
                request.getBody().readUtf8()));
    }

    @Test
    void createSendsProjectAndSnapshotFields() throws Exception {
        server.route("POST", "/api/v1/pipeline_snapshots", 200, "snapshot-hydrated.json");
        JsonNode config = FixtureServer.MAPPER.readTree("{\"enable_cache\":true}");

        Snapshot created = client.createSnapshot(new NewSnapshot(id(PIPELINE), id(STACK),
                id(BUILD), "prod-training", null, "training_pipeline-{date}", config, null, null,
                List.of("production"), false));

        JsonNode body = FixtureServer.MAPPER.readTree(server.only("POST",
                "/api/v1/pipeline_snapshots").getBody().readUtf8());
        assertEquals(FixtureServer.MAPPER.readTree("{\"project\":\"" + PROJECT + "\","
                + "\"pipeline\":\"" + PIPELINE + "\",\"stack\":\"" + STACK + "\",\"build\":\""
                + BUILD + "\",\"name\":\"prod-training\",\"run_name_template\":"
                + "\"training_pipeline-{date}\",\"pipeline_configuration\":{\"enable_cache\":"
                + "true},\"tags\":[\"production\"]}"), body);
        assertEquals(id(S_PROD), created.id());
    }

    @Test
    void deletesSendDeleteWithoutBody() throws Exception {
        server.route("DELETE", "/api/v1/pipeline_snapshots/" + S_BASE,
                () -> FixtureServer.json(200, "null"));
        server.route("DELETE", "/api/v1/runs/" + R10, () -> FixtureServer.json(200, "null"));

        client.deleteSnapshot(id(S_BASE));
        client.deleteRun(id(R10));

        List<RecordedRequest> requests = server.requests();
        assertEquals("DELETE /api/v1/pipeline_snapshots/" + S_BASE, requests.get(0).getMethod()
                + " " + requests.get(0).getPath());
        assertEquals("DELETE /api/v1/runs/" + R10, requests.get(1).getMethod() + " "
                + requests.get(1).getPath());
        assertEquals(0, requests.get(1).getBodySize());
    }

    @Test
    void stopSendsGracefulFlag() throws Exception {
        server.route("POST", "/api/v1/runs/" + R12 + "/stop",
                () -> FixtureServer.json(200, "null"));

        client.stopRun(id(R12), true);
        client.stopRun(id(R12), false);

        List<RecordedRequest> requests = server.requests();
        assertEquals("/api/v1/runs/" + R12 + "/stop?graceful=true", requests.get(0).getPath());
        assertEquals("/api/v1/runs/" + R12 + "/stop?graceful=false", requests.get(1).getPath());
        assertEquals("POST", requests.get(1).getMethod());
    }

    @Test
    void readsHydratedStackAndTellsItRemote() throws Exception {
        server.route("GET", "/api/v1/stacks/" + STACK, 200, "stack-hydrated.json");

        Stack stack = client.stack(id(STACK));

        assertEquals("/api/v1/stacks/" + STACK, server.only("GET", "/api/v1/stacks/" + STACK)
                .getPath());
        assertEquals("aws-k8s-prod", stack.name());
        assertEquals(List.of("orchestrator", "artifact_store", "container_registry"),
                List.copyOf(stack.components().keySet()));
        StackComponent orchestrator = stack.components("orchestrator").get(0);
        assertEquals("eks-orchestrator", orchestrator.name());
        assertEquals("kubernetes", orchestrator.flavor());
        assertEquals("orchestrator", orchestrator.type());
        assertEquals("s3", stack.components("artifact_store").get(0).flavor());
        assertEquals("ml-platform", stack.labels().get("team"));
        assertEquals("Production training stack: EKS orchestrator, S3 artifacts, ECR images.",
                stack.description());
        assertEquals(Instant.parse("2026-02-11T12:05:17.330962Z"), stack.created());
        assertEquals(Instant.parse("2026-05-19T09:47:51.004217Z"), stack.updated());
        assertEquals(id("3b5d7f9a-1c2e-4b4d-8f6a-8c9d0e1f2a3b"),
                stack.components("container_registry").get(0).id());
        assertEquals(Stack.Locality.REMOTE, stack.locality());
    }

    @Test
    void stacksListIsNotProjectScoped() throws Exception {
        JsonNode page = FixtureServer.MAPPER.createObjectNode().put("index", 1)
                .put("max_size", 20).put("total_pages", 1).put("total", 1)
                .set("items", FixtureServer.MAPPER.createArrayNode()
                        .add(FixtureServer.tree("stack-hydrated.json")));
        server.route("GET", "/api/v1/stacks", () -> FixtureServer.json(200, page.toString()));

        Page<Stack> stacks = client.stacks(new StackQuery().nameContains("aws"));

        assertEquals("/api/v1/stacks?name=contains%3Aaws&page=1",
                server.only("GET", "/api/v1/stacks").getPath());
        assertEquals("aws-k8s-prod", stacks.items().get(0).name());
    }

    @Test
    void readsStepsOfRunOldestFirst() throws Exception {
        server.route("GET", "/api/v1/steps", 200, "steps-page.json");

        List<StepRun> steps = client.runSteps(id(R11));

        assertEquals("/api/v1/steps?project=" + PROJECT + "&pipeline_run_id=" + R11
                + "&sort_by=asc%3Acreated&page=1", server.only("GET", "/api/v1/steps").getPath());
        assertEquals(List.of("load_data", "train_model", "evaluate"),
                steps.stream().map(StepRun::name).toList());
        StepRun train = steps.get(1);
        assertEquals(id("e1a3c5d7-9bad-4ecf-8a4b-5c6d7e8f9a01"), train.id());
        assertEquals(ExecutionStatus.COMPLETED, train.status());
        assertEquals(1, train.version());
        assertEquals(Instant.parse("2026-06-28T09:15:22.804139Z"), train.startTime());
        assertEquals(Instant.parse("2026-06-28T09:21:54.330076Z"), train.updated());
        assertEquals(Instant.parse("2026-06-28T09:21:54.330076Z"), train.endTime());
        assertEquals(id("e26d8e0f-2a3b-4c5d-9e6f-7a8b9c0d1e2f"), train.logCollection().get(0).id());
    }

    @Test
    void runLogsAskForLogsIdAndKeepOrder() throws Exception {
        server.route("GET", "/api/v1/runs/" + R12 + "/logs", 200, "run-logs.json");
        UUID logsId = id("9d1e3f5a-7b8c-4d0e-8f1a-2b3c4d5e6f7a");

        List<LogEntry> logs = client.runLogs(id(R12), logsId);

        assertEquals("/api/v1/runs/" + R12 + "/logs?logs_id=" + logsId,
                server.only("GET", "/api/v1/runs/" + R12 + "/logs").getPath());
        assertEquals(3, logs.size());
        assertEquals("Pipeline run `training_pipeline-2026_06_30-14_03_11_482917` started on"
                + " stack `aws-k8s-prod`.", logs.get(0).message());
        assertEquals(20, logs.get(0).level());
        assertEquals("zenml.orchestrators.step_launcher", logs.get(0).logger());
        assertEquals(Instant.parse("2026-06-30T14:04:02.311480Z"), logs.get(0).timestamp());
        assertEquals(212, logs.get(0).lineno());
        assertEquals("Step `train_model` has started.", logs.get(2).message());
    }

    @Test
    void stepLogsJoinChunksInIndexOrder() throws Exception {
        String step = "e1a3c5d7-9bad-4ecf-8a4b-5c6d7e8f9a01";
        String body = "[{\"message\":\"world\",\"level\":40,\"chunk_index\":1,\"total_chunks\":2,"
                + "\"id\":\"m1\"},{\"message\":\"other\",\"level\":20,\"chunk_index\":0,"
                + "\"total_chunks\":1,\"id\":\"m2\"},{\"message\":\"hello \",\"level\":40,"
                + "\"chunk_index\":0,\"total_chunks\":2,\"id\":\"m1\"}]";
        server.route("GET", "/api/v1/steps/" + step + "/logs", () -> FixtureServer.json(200, body));

        List<LogEntry> logs = client.stepLogs(id(step), id(S_BASE));

        assertEquals(List.of("hello world", "other"), logs.stream().map(LogEntry::message)
                .toList());
        assertEquals(40, logs.get(0).level());
    }

    @Test
    void stepLogsFromAnOffsetReadTheNextOffsetTheLocalServerGives() throws Exception {
        String step = "e1a3c5d7-9bad-4ecf-8a4b-5c6d7e8f9a01";
        server.route("GET", "/api/v1/steps/" + step + "/logs", () -> FixtureServer.json(200,
                "[{\"message\": \"epoch 3\", \"id\": \"m3\"}]")
                .setHeader("X-Snapdeck-Next-Offset", "2048"));

        LogChunk chunk = client.stepLogs(id(step), id(S_BASE), 1024);

        assertEquals(List.of("epoch 3"), chunk.entries().stream().map(LogEntry::message)
                .toList());
        assertEquals(2048, chunk.nextOffset().getAsLong());
        assertEquals("1024", server.only("GET", "/api/v1/steps/" + step + "/logs")
                .getRequestUrl().queryParameter("offset"));
    }

    @Test
    void stepLogsOfAZenmlServerHaveNoNextOffset() throws Exception {
        String step = "e1a3c5d7-9bad-4ecf-8a4b-5c6d7e8f9a01";
        server.route("GET", "/api/v1/steps/" + step + "/logs", 200, "run-logs.json");

        LogChunk chunk = client.stepLogs(id(step), id(S_BASE), 0);

        assertEquals(3, chunk.entries().size());
        assertTrue(chunk.nextOffset().isEmpty());
        assertNull(server.only("GET", "/api/v1/steps/" + step + "/logs").getRequestUrl()
                .queryParameter("offset"));
    }

    @Test
    void readsRunDag() {
        server.route("GET", "/api/v1/runs/" + R11 + "/dag", 200, "run-dag.json");

        RunDag dag = client.runDag(id(R11));

        assertEquals(id(R11), dag.runId());
        assertEquals(ExecutionStatus.COMPLETED, dag.status());
        assertEquals(7, dag.nodes().size());
        assertEquals(7, dag.edges().size());
        RunDag.Node load = dag.nodes().get(0);
        assertEquals("step-d0f2b4c6-8a9c-4dbe-9f3a-4b5c6d7e8f90", load.nodeId());
        assertEquals("step", load.type());
        assertEquals("load_data", load.name());
        assertEquals(ExecutionStatus.COMPLETED, load.status());
        assertEquals(load.nodeId(), dag.edges().get(0).source());
        assertEquals("artifact", dag.nodes().get(1).type());
    }

    @Test
    void keepsRootPathUserTyped() throws Exception {
        server.route("GET", "/zenml/api/v1/version", 200, "version.json");
        ZenmlClient mounted = ZenmlClient.builder(server.url() + "zenml/").build();

        mounted.version();

        assertEquals("/zenml/api/v1/version", server.requests().get(0).getPath());
    }
}
