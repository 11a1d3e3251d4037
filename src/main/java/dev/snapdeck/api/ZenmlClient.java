package dev.snapdeck.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client for a ZenML server's REST API (or Snapdeck's local server, which speaks the same API).
 *
 * <p>Every method blocks until the server answered and must be called off the JavaFX thread (the
 * service layer's executor). The client is thread-safe; share one per server. Failures are
 * unchecked {@link ZenmlException}s: a non-2xx answer becomes the subclass for its status
 * ({@link NotFoundException}, {@link ValidationException}...), no answer becomes
 * {@link ServerUnreachableException} or {@link ServerTimeoutException}.
 *
 * <p>Reads (GET) are tried a second time when the connection fails; nothing that changes state
 * (POST, PUT, DELETE) is ever re-sent. On 401 the client drops its token, logs in once with the
 * stored credentials (or asks its {@link AuthPrompt} when it has none) and repeats the request
 * once: one call causes at most two authentication attempts.
 */
public final class ZenmlClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ZenmlClient.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final String NIL_UUID = "00000000-0000-0000-0000-000000000000";
    /** Snapdeck's extension: where the next piece of a log starts. */
    private static final String NEXT_OFFSET_HEADER = "X-Snapdeck-Next-Offset";
    private static final String SNAPSHOT_RUNS_PATH =
            "/api/v1/pipeline_snapshots/{snapshot_id}/runs";

    private final HttpUrl root;
    private final HttpUrl api;
    private final OkHttpClient http;
    private final AuthPrompt authPrompt;
    private final Object authLock = new Object();
    private final Object projectLock = new Object();
    private volatile Credentials credentials;
    private volatile String token;
    private volatile Project defaultProject;

    private ZenmlClient(Builder builder) {
        this.root = builder.root;
        this.api = builder.root.newBuilder().addPathSegment("api").addPathSegment("v1").build();
        this.credentials = builder.credentials;
        this.authPrompt = builder.authPrompt;
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(builder.connectTimeout)
                .readTimeout(builder.readTimeout)
                .writeTimeout(builder.readTimeout)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .addInterceptor(new RequestLogger());
        if (!root.isHttps()) {
            // Redirects are not followed, so a plain-HTTP server never leads to TLS: skip setting
            // it up (the trust store alone costs a cold start about 0.1 s).
            http.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        }
        this.http = http.build();
        if (credentials != null && credentials.kind() == Credentials.Kind.TOKEN) {
            this.token = credentials.secret();
        }
    }

    /**
     * Starts a client for the server at {@code serverUrl}; any root path in it is kept
     * ({@code https://host/zenml} → {@code https://host/zenml/api/v1/...}).
     *
     * @throws IllegalArgumentException when the text is not an http or https URL
     */
    public static Builder builder(String serverUrl) {
        return new Builder(serverUrl);
    }

    /** The server root as the user typed it, normalised. */
    public HttpUrl serverUrl() {
        return root;
    }

    // ---------------------------------------------------------------- server and session

    /**
     * {@code GET /api/v1/info}, no authentication needed.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws ServerErrorException when the server fails
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public ServerInfo info() {
        return ServerInfo.from(get(url("info"), false));
    }

    /**
     * {@code GET /api/v1/version}: the server's ZenML version, e.g. {@code 0.96.0}.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws ServerErrorException when the server fails
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public String version() {
        return get(url("version"), false).asText();
    }

    /**
     * Gets a token with the stored credentials now instead of on the first call. A token
     * credential is taken as-is without asking the server.
     *
     * @throws IllegalStateException when the client holds no credentials
     * @throws UnauthorizedException when the server rejects them (no second try)
     */
    public void login() {
        Credentials stored = credentials;
        if (stored == null) {
            throw new IllegalStateException("no credentials to log in with");
        }
        synchronized (authLock) {
            logInWith(stored);
        }
    }

    /**
     * Replaces the stored credentials and logs in with them; see {@link #login()}. The default
     * project is resolved again on the next list call.
     */
    public void login(Credentials newCredentials) {
        synchronized (authLock) {
            credentials = Objects.requireNonNull(newCredentials, "credentials");
            defaultProject = null;
            logInWith(newCredentials);
        }
    }

    /**
     * {@code GET /api/v1/current-user}, hydrated.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws UnauthorizedException when the token is rejected and one re-login did not help
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public User currentUser() {
        return User.from(get(url("current-user"), true));
    }

    /**
     * Forgets token and credentials, after telling the server ({@code GET /api/v1/logout}, which
     * only clears browser cookies: bearer tokens stay valid until they expire). A failing server
     * call is logged and ignored, the local state is cleared anyway.
     */
    public void logout() {
        try {
            String current = token;
            if (current != null) {
                parse(exchange(request("GET", url("logout"), null, current)), url("logout"));
            }
        } catch (ZenmlException e) {
            LOG.warn("Logout request failed, forgetting the token anyway: {}", e.getMessage());
        } finally {
            synchronized (authLock) {
                token = null;
                credentials = null;
                defaultProject = null;
            }
        }
    }

    /**
     * The bearer token this client sends, after logging in with the stored credentials if it
     * holds none yet: for tools that call the server themselves (curl, scripts). It works until
     * it expires (an hour on most servers); the client does not renew tokens it handed out.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws IllegalStateException when the client holds neither a token nor credentials
     * @throws UnauthorizedException when the server rejects the credentials (no second try)
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public String accessToken() {
        String current = currentToken();
        if (current == null) {
            throw new IllegalStateException("no token and no credentials to log in with");
        }
        return current;
    }

    /** True when the client currently holds a token (it may still have expired). */
    public boolean hasToken() {
        return token != null;
    }

    // ---------------------------------------------------------------- projects

    /**
     * {@code GET /api/v1/projects}, one page.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws ValidationException for a filter or sort the server rejects
     * @throws BadRequestException for a page past the end
     * @throws UnauthorizedException when the token is rejected and one re-login did not help
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public Page<Project> projects(int page, int size) {
        HttpUrl url = url("projects").newBuilder().addQueryParameter("page", Integer.toString(page))
                .addQueryParameter("size", Integer.toString(size)).build();
        return Page.from(get(url, true), Project::from);
    }

    /**
     * The project every list call is scoped to, resolved once per login: the current user's
     * {@code default_project_id}, else the project named {@code default}, else the only one.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws NotFoundException when no project can be chosen (several, none named default)
     * @throws UnauthorizedException when the token is rejected and one re-login did not help
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public Project defaultProject() {
        Project known = defaultProject;
        if (known != null) {
            return known;
        }
        synchronized (projectLock) {
            if (defaultProject == null) {
                defaultProject = resolveDefaultProject();
                LOG.debug("Scoping list calls to project {}", defaultProject.name());
            }
            return defaultProject;
        }
    }

    private Project resolveDefaultProject() {
        UUID preferred = currentUser().defaultProjectId();
        if (preferred != null) {
            return Project.from(get(url("projects", preferred.toString()), true));
        }
        List<Project> all = projects(1, 100).items();
        return all.stream().filter(p -> "default".equals(p.name())).findFirst()
                .or(() -> all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty())
                .orElseThrow(() -> new NotFoundException(0, null, "No default project: the user"
                        + " has none and the server has " + all.size() + " projects, none named"
                        + " 'default'."));
    }

    // ---------------------------------------------------------------- pipelines

    /**
     * {@code GET /api/v1/pipelines} in the default project, one page.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws ValidationException for a filter or sort the server rejects
     * @throws BadRequestException for a page past the end
     * @throws UnauthorizedException when the token is rejected and one re-login did not help
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public Page<Pipeline> pipelines(PipelineQuery query) {
        return list("pipelines", query, query.page(), true, Pipeline::from);
    }

    /**
     * Every pipeline matching {@code query}, fetching pages lazily while iterated.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws ValidationException for a filter or sort the server rejects
     * @throws BadRequestException for a page past the end
     * @throws UnauthorizedException when the token is rejected and one re-login did not help
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public Iterable<Pipeline> allPipelines(PipelineQuery query) {
        return Page.walk(query.page(), n -> list("pipelines", query, n, true, Pipeline::from));
    }

    /**
     * {@code GET /api/v1/pipelines/{id}}, hydrated.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws NotFoundException when no object has that id
     * @throws UnauthorizedException when the token is rejected and one re-login did not help
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public Pipeline pipeline(UUID id) {
        return Pipeline.from(get(url("pipelines", id.toString()), true));
    }

    // ---------------------------------------------------------------- runs

    /**
     * {@code GET /api/v1/runs} in the default project, one page, unhydrated.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws ValidationException for a filter or sort the server rejects
     * @throws BadRequestException for a page past the end
     * @throws UnauthorizedException when the token is rejected and one re-login did not help
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public Page<PipelineRun> runs(RunQuery query) {
        return list("runs", query, query.page(), true, PipelineRun::from);
    }

    /**
     * Every run matching {@code query}, fetching pages lazily while iterated.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws ValidationException for a filter or sort the server rejects
     * @throws BadRequestException for a page past the end
     * @throws UnauthorizedException when the token is rejected and one re-login did not help
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public Iterable<PipelineRun> allRuns(RunQuery query) {
        return Page.walk(query.page(), n -> list("runs", query, n, true, PipelineRun::from));
    }

    /**
     * {@code GET /api/v1/runs/{id}}, hydrated (start/end time, config, orchestrator run id).
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws NotFoundException when no object has that id
     * @throws UnauthorizedException when the token is rejected and one re-login did not help
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public PipelineRun run(UUID id) {
        return PipelineRun.from(get(url("runs", id.toString()), true));
    }

    /**
     * {@code GET /api/v1/runs/{id}/dag}.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws NotFoundException when no object has that id
     * @throws UnauthorizedException when the token is rejected and one re-login did not help
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public RunDag runDag(UUID runId) {
        return RunDag.from(get(url("runs", runId.toString(), "dag"), true));
    }

    /**
     * {@code GET /api/v1/runs/{id}/logs?logs_id=...} for one entry of the run's
     * {@link PipelineRun#logCollection()}; chunked messages come back joined.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws NotFoundException for an unknown run, step or log source
     * @throws UnauthorizedException when the token is rejected and one re-login did not help
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public List<LogEntry> runLogs(UUID runId, UUID logsId) {
        // TODO: servers before ZenML 0.95 take `source=<body.source>` instead of `logs_id`, and
        // ZenML 0.97 replaced this array with a paginated entries API; only the 0.9x array
        // form with logs_id is read here, so logs from those servers fail with NotFound or
        // Validation errors.
        return logs(url("runs", runId.toString(), "logs"), logsId);
    }

    /**
     * {@code POST /api/v1/runs/{id}/stop?graceful=...}. Graceful lets the current step finish.
     * Never re-sent.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws ForbiddenException when the run is already finished or being stopped
     * @throws ServerErrorException (501) when the run's orchestrator cannot stop runs
     * @throws NotFoundException when the id is unknown
     * @throws ServerUnreachableException or ServerTimeoutException without an answer (the change
     *     may or may not have happened; it is not re-sent)
     */
    public void stopRun(UUID runId, boolean graceful) {
        HttpUrl url = url("runs", runId.toString(), "stop").newBuilder()
                .addQueryParameter("graceful", Boolean.toString(graceful)).build();
        send("POST", url, RequestBody.create(new byte[0], null));
    }

    /**
     * {@code DELETE /api/v1/runs/{id}}. Never re-sent.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws NotFoundException when the id is unknown
     * @throws ServerUnreachableException or ServerTimeoutException without an answer (the change
     *     may or may not have happened; it is not re-sent)
     */
    public void deleteRun(UUID runId) {
        send("DELETE", url("runs", runId.toString()), null);
    }

    // ---------------------------------------------------------------- steps

    /**
     * {@code GET /api/v1/steps} in the default project, one page.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws ValidationException for a filter or sort the server rejects
     * @throws BadRequestException for a page past the end
     * @throws UnauthorizedException when the token is rejected and one re-login did not help
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public Page<StepRun> steps(StepQuery query) {
        return list("steps", query, query.page(), true, StepRun::from);
    }

    /**
     * All step runs of a run, oldest first (pages fetched as needed).
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws ValidationException for a filter or sort the server rejects
     * @throws BadRequestException for a page past the end
     * @throws UnauthorizedException when the token is rejected and one re-login did not help
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public List<StepRun> runSteps(UUID runId) {
        StepQuery query = new StepQuery().run(runId).sortBy("asc:created");
        List<StepRun> steps = new ArrayList<>();
        Page.walk(1, n -> list("steps", query, n, true, StepRun::from)).forEach(steps::add);
        return steps;
    }

    /**
     * {@code GET /api/v1/steps/{id}}, hydrated.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws NotFoundException when no object has that id
     * @throws UnauthorizedException when the token is rejected and one re-login did not help
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public StepRun step(UUID id) {
        return StepRun.from(get(url("steps", id.toString()), true));
    }

    /**
     * {@code GET /api/v1/steps/{id}/logs?logs_id=...}; chunked messages come back joined.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws NotFoundException for an unknown run, step or log source
     * @throws UnauthorizedException when the token is rejected and one re-login did not help
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public List<LogEntry> stepLogs(UUID stepId, UUID logsId) {
        return logs(url("steps", stepId.toString(), "logs"), logsId);
    }

    /**
     * {@code GET /api/v1/steps/{id}/logs?logs_id=...&offset=...}: the step's log from byte
     * {@code offset} on. The {@code offset} parameter and the {@code X-Snapdeck-Next-Offset}
     * answer header are Snapdeck's extension; a ZenML server ignores the parameter and answers
     * the whole log with no next offset, so a caller following a log there must skip the
     * entries it already has.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws NotFoundException for an unknown run, step or log source
     * @throws UnauthorizedException when the token is rejected and one re-login did not help
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public LogChunk stepLogs(UUID stepId, UUID logsId, long offset) {
        HttpUrl.Builder url = url("steps", stepId.toString(), "logs").newBuilder()
                .addQueryParameter("logs_id", logsId.toString());
        if (offset > 0) {
            url.addQueryParameter("offset", Long.toString(offset));
        }
        HttpUrl built = url.build();
        Answer answer = call("GET", built, null);
        List<LogEntry> entries = joinChunks(parse(answer, built));
        String next = answer.header(NEXT_OFFSET_HEADER);
        try {
            return new LogChunk(entries, next == null ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(next.trim())));
        } catch (NumberFormatException e) {
            throw new ZenmlParseException(NEXT_OFFSET_HEADER + " of " + built.encodedPath()
                    + " is not a number: " + next, e);
        }
    }

    // ---------------------------------------------------------------- stacks

    /**
     * {@code GET /api/v1/stacks}, one page (stacks are global, no project).
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws ValidationException for a filter or sort the server rejects
     * @throws BadRequestException for a page past the end
     * @throws UnauthorizedException when the token is rejected and one re-login did not help
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public Page<Stack> stacks(StackQuery query) {
        return list("stacks", query, query.page(), false, Stack::from);
    }

    /**
     * {@code GET /api/v1/stacks/{id}}, hydrated: with its components by type.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws NotFoundException when no object has that id
     * @throws UnauthorizedException when the token is rejected and one re-login did not help
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public Stack stack(UUID id) {
        return Stack.from(get(url("stacks", id.toString()), true));
    }

    // ---------------------------------------------------------------- service accounts

    /**
     * {@code GET /api/v1/service_accounts}, one page (accounts are global, no project). Admins
     * only on most servers.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws ForbiddenException when the signed-in user may not manage service accounts
     * @throws ValidationException for a filter or sort the server rejects
     * @throws UnauthorizedException when the token is rejected and one re-login did not help
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public Page<ServiceAccount> serviceAccounts(ServiceAccountQuery query) {
        return list("service_accounts", query, query.page(), false, ServiceAccount::from);
    }

    /**
     * {@code GET /api/v1/service_accounts/{name_or_id}}, hydrated.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws NotFoundException when no account has that name or id
     * @throws ForbiddenException when the signed-in user may not manage service accounts
     * @throws UnauthorizedException when the token is rejected and one re-login did not help
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public ServiceAccount serviceAccount(String nameOrId) {
        return ServiceAccount.from(get(url("service_accounts", nameOrId), true));
    }

    /**
     * {@code POST /api/v1/service_accounts}: a new, active account with no API key yet. Never
     * re-sent.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @param description null or blank for none
     * @throws ConflictException when a user or account already has the name
     * @throws ForbiddenException when the signed-in user may not manage service accounts
     * @throws ServerUnreachableException or ServerTimeoutException without an answer (the change
     *     may or may not have happened; it is not re-sent)
     */
    public ServiceAccount createServiceAccount(String name, String description) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("name", name)
                .put("description", description == null ? "" : description).put("active", true);
        return ServiceAccount.from(send("POST", url("service_accounts"), json(body)));
    }

    /**
     * {@code DELETE /api/v1/service_accounts/{id}}, with its API keys. Never re-sent.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws NotFoundException when the id is unknown
     * @throws ForbiddenException when the signed-in user may not manage service accounts
     * @throws ServerUnreachableException or ServerTimeoutException without an answer (the change
     *     may or may not have happened; it is not re-sent)
     */
    public void deleteServiceAccount(UUID id) {
        send("DELETE", url("service_accounts", id.toString()), null);
    }

    /**
     * {@code POST /api/v1/service_accounts/{id}/api_keys}. The answer's {@link ApiKey#key()} is
     * the secret, which no later call can read again. Never re-sent.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @param description null for none
     * @throws ConflictException when the account already has a key of that name
     * @throws NotFoundException when the account id is unknown
     * @throws ServerUnreachableException or ServerTimeoutException without an answer (the change
     *     may or may not have happened; it is not re-sent)
     */
    public ApiKey createApiKey(UUID accountId, String name, String description) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("name", name);
        if (description != null) {
            body.put("description", description);
        }
        return ApiKey.from(send("POST", apiKeysUrl(accountId), json(body)));
    }

    /**
     * {@code PUT /api/v1/service_accounts/{id}/api_keys/{key}/rotate}: the key gets a new secret,
     * in the answer's {@link ApiKey#key()} only. The old secret keeps working for
     * {@code retainMinutes}; with 0 it, and the tokens got with it, stop at once. Never re-sent.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @param keyNameOrId the key's name or id
     * @throws NotFoundException when the account or key is unknown
     * @throws ServerUnreachableException or ServerTimeoutException without an answer (the change
     *     may or may not have happened; it is not re-sent)
     */
    public ApiKey rotateApiKey(UUID accountId, String keyNameOrId, int retainMinutes) {
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("retain_period_minutes", retainMinutes);
        HttpUrl url = apiKeysUrl(accountId).newBuilder().addPathSegment(keyNameOrId)
                .addPathSegment("rotate").build();
        return ApiKey.from(send("PUT", url, json(body)));
    }

    /**
     * {@code DELETE /api/v1/service_accounts/{id}/api_keys/{key}}; tokens got with the key stop
     * working. Never re-sent.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @param keyNameOrId the key's name or id
     * @throws NotFoundException when the account or key is unknown
     * @throws ServerUnreachableException or ServerTimeoutException without an answer (the change
     *     may or may not have happened; it is not re-sent)
     */
    public void deleteApiKey(UUID accountId, String keyNameOrId) {
        send("DELETE", apiKeysUrl(accountId).newBuilder().addPathSegment(keyNameOrId).build(),
                null);
    }

    // ---------------------------------------------------------------- snapshots

    /**
     * {@code GET /api/v1/pipeline_snapshots} in the default project, one page.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws ValidationException for a filter or sort the server rejects
     * @throws BadRequestException for a page past the end
     * @throws UnauthorizedException when the token is rejected and one re-login did not help
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public Page<Snapshot> snapshots(SnapshotQuery query) {
        return list("pipeline_snapshots", query, query.page(), true, Snapshot::from);
    }

    /**
     * Every snapshot matching {@code query}, fetching pages lazily while iterated.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws ValidationException for a filter or sort the server rejects
     * @throws BadRequestException for a page past the end
     * @throws UnauthorizedException when the token is rejected and one re-login did not help
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public Iterable<Snapshot> allSnapshots(SnapshotQuery query) {
        return Page.walk(query.page(),
                n -> list("pipeline_snapshots", query, n, true, Snapshot::from));
    }

    /**
     * The named snapshot {@code name}, hydrated with template and schema.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @return empty when no snapshot has that name
     * @throws IllegalArgumentException when snapshots of several pipelines share the name
     * @throws UnauthorizedException when the token is rejected and one re-login did not help
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public Optional<Snapshot> snapshotNamed(String name) {
        List<Snapshot> found = snapshots(new SnapshotQuery().namedOnly().name(name)).items();
        if (found.size() > 1) {
            throw new IllegalArgumentException("Several pipelines have a snapshot named '" + name
                    + "'; list them with a pipeline filter instead.");
        }
        return found.stream().findFirst().map(s -> snapshot(s.id()));
    }

    /**
     * {@code GET /api/v1/pipeline_snapshots/{id}?include_config_schema=true}, hydrated, with
     * {@code config_template} and {@code config_schema} (null when the server could not compute
     * them: no build or no stack).
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws NotFoundException when no object has that id
     * @throws UnauthorizedException when the token is rejected and one re-login did not help
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public Snapshot snapshot(UUID id) {
        HttpUrl url = url("pipeline_snapshots", id.toString()).newBuilder()
                .addQueryParameter("include_config_schema", "true").build();
        return Snapshot.from(get(url, true));
    }

    /**
     * {@code POST /api/v1/pipeline_snapshots} in the default project. Never re-sent.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws ConflictException when the name is taken in the pipeline and replace is not set
     * @throws NotFoundException when the id is unknown
     * @throws ServerUnreachableException or ServerTimeoutException without an answer (the change
     *     may or may not have happened; it is not re-sent)
     */
    public Snapshot createSnapshot(NewSnapshot snapshot) {
        ObjectNode body = snapshot.toJson(defaultProject().id());
        return Snapshot.from(send("POST", url("pipeline_snapshots"), json(body)));
    }

    /**
     * <b>Snapdeck extension</b>, local server only: {@code POST
     * /api/v1/x-snapdeck/pipelines/{folder}/snapshots} freezes the pipeline folder of that name
     * in the server's pipelines folder as a named snapshot (code, DAG, configuration with
     * {@code config} deep-merged onto the folder's defaults). ZenML servers do not have the
     * route and answer 404. Never re-sent.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @param description null keeps the pipeline's own description
     * @param config      run configuration to freeze in; null for the folder's defaults
     * @param stackId     the stack to freeze it for, as ZenML's {@code stack} field; null for
     *                    the server's default stack
     * @throws ConflictException when the name is taken in the pipeline and replace is false
     * @throws BadRequestException when the folder's {@code pipeline.yaml} is invalid
     * @throws NotFoundException when there is no such folder or stack, or the server is not
     *     Snapdeck's
     * @throws ServerUnreachableException or ServerTimeoutException without an answer (the change
     *     may or may not have happened; it is not re-sent)
     */
    public Snapshot snapdeckSnapshotFromFolder(String folder, String name, String description,
            List<String> tags, JsonNode config, UUID stackId, boolean replace) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("name", name);
        if (description != null) {
            body.put("description", description);
        }
        tags.forEach(body.putArray("tags")::add);
        if (config != null) {
            body.set("config", config);
        }
        if (stackId != null) {
            body.put("stack", stackId.toString());
        }
        body.put("replace", replace);
        HttpUrl url = url("x-snapdeck", "pipelines", folder, "snapshots");
        return Snapshot.from(send("POST", url, json(body)));
    }

    /**
     * {@code PUT /api/v1/pipeline_snapshots/{id}}; answers the updated snapshot. Never re-sent.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws ConflictException when the new name is taken and replace is not set
     * @throws NotFoundException when the id is unknown
     * @throws ServerUnreachableException or ServerTimeoutException without an answer (the change
     *     may or may not have happened; it is not re-sent)
     */
    public Snapshot updateSnapshot(UUID id, SnapshotUpdate update) {
        return Snapshot.from(send("PUT", url("pipeline_snapshots", id.toString()),
                json(update.toJson())));
    }

    /**
     * {@code DELETE /api/v1/pipeline_snapshots/{id}}. Never re-sent.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws NotFoundException when the id is unknown
     * @throws ServerUnreachableException or ServerTimeoutException without an answer (the change
     *     may or may not have happened; it is not re-sent)
     */
    public void deleteSnapshot(UUID id) {
        send("DELETE", url("pipeline_snapshots", id.toString()), null);
    }

    /**
     * Starts a run from a snapshot: {@code POST /api/v1/pipeline_snapshots/{id}/runs} with
     * {@code {"run_configuration": ...}}; null means "run as frozen" ({@code {}}). Answers the
     * placeholder run (status {@code initializing}); poll {@link #run} until it is no longer in
     * progress. Sent exactly once: on a lost connection the caller cannot know whether a run
     * started, and must look at the run list rather than press Run again.
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws SnapshotsNotRunnableException when the server cannot run snapshots at all
     * @throws BadRequestException when the snapshot is not runnable or the configuration changes
     *     what a run may not change
     * @throws ValidationException when a known configuration field has the wrong type
     * @throws NotFoundException when the id is unknown
     * @throws ServerUnreachableException or ServerTimeoutException without an answer (the change
     *     may or may not have happened; it is not re-sent)
     */
    public PipelineRun triggerRun(UUID snapshotId, JsonNode runConfiguration) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("run_configuration",
                runConfiguration == null ? Json.MAPPER.createObjectNode() : runConfiguration);
        try {
            return PipelineRun.from(send("POST", snapshotRunsUrl(snapshotId), json(body)));
        } catch (ZenmlException e) {
            throw routeMissing(e) ? new SnapshotsNotRunnableException(e.status(),
                    e.exceptionClass(), e.serverMessage()) : e;
        }
    }

    // ---------------------------------------------------------------- capabilities

    /**
     * What the server can do (reference §12): from {@code /api/v1/info} and the public
     * {@code /openapi.json}; when the latter is unavailable, from a side-effect-free probe of the
     * trigger route with the nil snapshot id (needs a valid login).
     *
     * <p>Blocks until the server answered; call it from a background thread, never the JavaFX
     * thread.
     *
     * @throws UnauthorizedException when the token is rejected and one re-login did not help (probe
     *     only)
     * @throws ServerUnreachableException or ServerTimeoutException without an answer
     */
    public ServerCapabilities capabilities() {
        return capabilities(info());
    }

    /**
     * Same as {@link #capabilities()} for a caller that already holds the server's {@link #info()},
     * so connecting asks for it once.
     */
    public ServerCapabilities capabilities(ServerInfo info) {
        // TODO: servers with only run templates (ZenML < 0.90) are detected but cannot be used:
        // the client has no run-template calls yet (list/get/trigger of /api/v1/run_templates).
        JsonNode paths;
        try {
            paths = get(root.newBuilder().addPathSegment("openapi.json").build(), false)
                    .path("paths");
        } catch (ZenmlException e) {
            LOG.info("openapi.json unavailable ({}); probing the trigger route", e.getMessage());
            return probeCapabilities(info);
        }
        boolean snapshots = paths.has("/api/v1/pipeline_snapshots");
        boolean templates = paths.has("/api/v1/run_templates");
        boolean canRun = paths.path(SNAPSHOT_RUNS_PATH).has("post");
        return new ServerCapabilities(snapshots, !snapshots && templates, canRun, info.version(),
                info.isPro(), info.authScheme(), "openapi");
    }

    private ServerCapabilities probeCapabilities(ServerInfo info) {
        boolean canRun;
        try {
            send("POST", snapshotRunsUrl(UUID.fromString(NIL_UUID)),
                    json(Json.MAPPER.createObjectNode()));
            canRun = true;
        } catch (NotFoundException | ForbiddenException e) {
            canRun = !routeMissing(e);
        } catch (ZenmlException e) {
            if (e instanceof UnauthorizedException || e.status() == 0) {
                throw e;
            }
            canRun = !routeMissing(e);
        }
        // TODO: without openapi.json the snapshot routes themselves are not checked; servers
        // before 0.90 are told apart by version only, since a GET probe needs a project scope
        // and costs a query on big servers.
        boolean snapshots = atLeast(info.version(), 0, 90);
        return new ServerCapabilities(snapshots, !snapshots, snapshots && canRun,
                info.version(), info.isPro(), info.authScheme(), "probe");
    }

    private static boolean routeMissing(ZenmlException e) {
        boolean plainNotFound = e.status() == 404 && e.exceptionClass() == null;
        return plainNotFound || e.status() == 405 || e.status() == 501;
    }

    static boolean atLeast(String version, int major, int minor) {
        if (version == null) {
            return false;
        }
        String[] parts = version.split("[.+-]");
        try {
            int ma = Integer.parseInt(parts[0]);
            int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return ma > major || (ma == major && mi >= minor);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Releases the connection pool and dispatcher threads. */
    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    // ---------------------------------------------------------------- plumbing

    private HttpUrl url(String... segments) {
        HttpUrl.Builder url = api.newBuilder();
        for (String segment : segments) {
            url.addPathSegment(segment);
        }
        return url.build();
    }

    private HttpUrl apiKeysUrl(UUID accountId) {
        return url("service_accounts", accountId.toString(), "api_keys");
    }

    private HttpUrl snapshotRunsUrl(UUID snapshotId) {
        return url("pipeline_snapshots", snapshotId.toString(), "runs");
    }

    private <T> Page<T> list(String path, ListQuery<?> query, int page, boolean projectScoped,
            Function<JsonNode, T> reader) {
        HttpUrl.Builder url = url(path).newBuilder();
        if (projectScoped) {
            url.addQueryParameter("project", defaultProject().id().toString());
        }
        query.apply(url, page);
        return Page.from(get(url.build(), true), reader);
    }

    private List<LogEntry> logs(HttpUrl base, UUID logsId) {
        HttpUrl url = base.newBuilder().addQueryParameter("logs_id", logsId.toString()).build();
        return joinChunks(get(url, true));
    }

    private static List<LogEntry> joinChunks(JsonNode answer) {
        Map<String, List<JsonNode>> chunks = new LinkedHashMap<>();
        List<JsonNode> entries = Json.list(answer, n -> n);
        for (JsonNode entry : entries) {
            String key = Json.text(entry, "id");
            chunks.computeIfAbsent(key == null ? UUID.randomUUID().toString() : key,
                    k -> new ArrayList<>()).add(entry);
        }
        List<LogEntry> joined = new ArrayList<>();
        chunks.values().forEach(parts -> joined.add(join(parts)));
        return joined;
    }

    private static LogEntry join(List<JsonNode> parts) {
        parts.sort((a, b) -> Integer.compare(a.path("chunk_index").asInt(),
                b.path("chunk_index").asInt()));
        StringBuilder message = new StringBuilder();
        parts.forEach(p -> message.append(p.path("message").asText("")));
        JsonNode first = parts.get(0);
        return new LogEntry(message.toString(), Json.text(first, "name"),
                first.path("level").asInt(0), Json.instant(first, "timestamp"),
                Json.text(first, "module"), Json.text(first, "filename"),
                Json.integer(first, "lineno"));
    }

    private static RequestBody json(JsonNode body) {
        try {
            return RequestBody.create(Json.MAPPER.writeValueAsBytes(body), JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body cannot be written as JSON", e);
        }
    }

    private JsonNode get(HttpUrl url, boolean authenticated) {
        return authenticated ? send("GET", url, null) : parse(exchange(request("GET", url, null,
                null)), url);
    }

    /** One authenticated call with the 401 rule: at most one re-login, one repeat. */
    private JsonNode send(String method, HttpUrl url, RequestBody body) {
        return parse(call(method, url, body), url);
    }

    /** {@link #send} that leaves the answer unparsed, for callers that read its headers. */
    private Answer call(String method, HttpUrl url, RequestBody body) {
        String used = currentToken();
        Answer answer = exchange(request(method, url, body, used));
        if (answer.code() != 401) {
            return answer;
        }
        reauthenticate(used, (UnauthorizedException) ErrorBodies.toException(401, answer.body()));
        return exchange(request(method, url, body, token));
    }

    private String currentToken() {
        String current = token;
        Credentials stored = credentials;
        if (current != null || stored == null) {
            return current;
        }
        synchronized (authLock) {
            if (token == null && credentials != null) {
                logInWith(credentials);
            }
            return token;
        }
    }

    private void reauthenticate(String rejected, UnauthorizedException reason) {
        synchronized (authLock) {
            if (token != null && !token.equals(rejected)) {
                return; // another thread logged in meanwhile: just repeat with its token
            }
            token = null;
            Credentials stored = credentials;
            if (stored != null && stored.kind() != Credentials.Kind.TOKEN) {
                LOG.info("Token rejected ({}); logging in again", reason.serverMessage());
                logInWith(stored);
                return;
            }
            Optional<Credentials> answer = authPrompt == null ? Optional.empty()
                    : authPrompt.credentialsNeeded(reason.serverMessage());
            if (answer.isEmpty()) {
                throw reason;
            }
            credentials = answer.get();
            logInWith(answer.get());
        }
    }

    /** Called with authLock held. */
    private void logInWith(Credentials c) {
        if (c.kind() == Credentials.Kind.TOKEN) {
            token = c.secret();
            return;
        }
        FormBody.Builder form = new FormBody.Builder();
        if (c.kind() == Credentials.Kind.PASSWORD) {
            form.add("grant_type", "password").add("username", c.username());
        }
        form.add("password", c.secret());
        HttpUrl url = url("login");
        JsonNode answer = parse(exchange(request("POST", url, form.build(), null)), url);
        String accessToken = Json.text(answer, "access_token");
        if (accessToken == null) {
            throw new ZenmlParseException("login answer has no access_token", null);
        }
        token = accessToken;
        LOG.debug("Logged in ({})", c);
    }

    private Request request(String method, HttpUrl url, RequestBody body, String bearer) {
        Request.Builder request = new Request.Builder().url(url).method(method, body)
                .header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request.build();
    }

    /** The status and full body of one answer; the response is closed before returning. */
    private record Answer(int code, String body, Headers headers) {

        String header(String name) {
            return headers.get(name);
        }
    }

    private Answer exchange(Request request) {
        boolean read = "GET".equals(request.method());
        try {
            return exchangeOnce(request);
        } catch (InterruptedIOException e) {
            throw timeoutOrInterrupt(request, e);
        } catch (IOException e) {
            if (!read) {
                throw new ServerUnreachableException(describe(request), e);
            }
            LOG.warn("{} failed ({}); trying once more", describe(request), e.toString());
            return exchangeRetry(request);
        }
    }

    private Answer exchangeRetry(Request request) {
        try {
            return exchangeOnce(request);
        } catch (InterruptedIOException e) {
            throw timeoutOrInterrupt(request, e);
        } catch (IOException e) {
            throw new ServerUnreachableException(describe(request), e);
        }
    }

    /** OkHttp reports both a timeout and an interrupted thread as InterruptedIOException. */
    private static ZenmlException timeoutOrInterrupt(Request request, InterruptedIOException e) {
        if (Thread.currentThread().isInterrupted()) {
            return new ZenmlException(0, null, describe(request) + " was cancelled", e);
        }
        return new ServerTimeoutException(describe(request), e);
    }

    private Answer exchangeOnce(Request request) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            return new Answer(response.code(), body == null ? "" : body.string(),
                    response.headers());
        }
    }

    private static String describe(Request request) {
        return request.method() + " " + request.url().encodedPath();
    }

    private static JsonNode parse(Answer answer, HttpUrl url) {
        if (answer.code() < 200 || answer.code() >= 300) {
            throw ErrorBodies.toException(answer.code(), answer.body());
        }
        if (answer.body().isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return Json.MAPPER.readTree(answer.body());
        } catch (JsonProcessingException e) {
            throw new ZenmlParseException("answer of " + url.encodedPath() + " is not JSON", e);
        }
    }

    /** Settings for a {@link ZenmlClient}; not thread-safe, use once. */
    public static final class Builder {

        private final HttpUrl root;
        private Credentials credentials;
        private AuthPrompt authPrompt;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);

        private Builder(String serverUrl) {
            HttpUrl parsed = serverUrl == null ? null : HttpUrl.parse(serverUrl.trim());
            if (parsed == null) {
                throw new IllegalArgumentException("Not an http(s) server URL: '" + serverUrl
                        + "' (expected e.g. https://zenml.example.com or http://127.0.0.1:8237)");
            }
            this.root = parsed.newBuilder().query(null).fragment(null).build();
        }

        /** Credentials used to log in on the first call and again when the token expires. */
        public Builder credentials(Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** Asked for credentials when a 401 cannot be answered with stored ones. */
        public Builder authPrompt(AuthPrompt authPrompt) {
            this.authPrompt = authPrompt;
            return this;
        }

        /** Time allowed to open a connection (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Time allowed between bytes of an answer, and for writing (default 30 s). */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public ZenmlClient build() {
            return new ZenmlClient(this);
        }
    }
}
