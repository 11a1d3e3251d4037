package dev.snapdeck.server.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.snapdeck.server.auth.AuthService;
import dev.snapdeck.server.auth.Caller;
import dev.snapdeck.server.runs.RunService;
import dev.snapdeck.server.store.Store;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;

/** The one route table, the auth filter and the one exception mapper. */
public final class Api {

    private static final Logger LOG = LoggerFactory.getLogger(Api.class);
    /** Largest accepted request body; larger ones get 413 with an empty body. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Set<String> OPEN = Set.of("/health", "/ready", "/openapi.json", "/api/v1/info",
            "/api/v1/version", "/api/v1/login");
    static final String CALLER = "snapdeck.caller";

    private record Route(HandlerType method, String path, Handler handler) {
    }

    private final AuthService auth;
    private final SignInLimits signInLimits = new SignInLimits(Clock.systemUTC());
    private final SystemController system;
    private final SnapshotController snapshots;
    private final RunController runs;
    private final List<Route> routes = new ArrayList<>();
    private final List<Pattern> routePatterns;

    public Api(Store store, AuthService auth, RunService runService, Views views, String projectId,
            Path pipelinesDir, String serverId) {
        this.auth = auth;
        this.system = new SystemController(store, auth, signInLimits, views, projectId, serverId,
                this::openApi);
        this.snapshots = new SnapshotController(store, views, projectId, pipelinesDir, runService);
        this.runs = new RunController(store, views, projectId, runService);
        table();
        this.routePatterns = routes.stream().map(Route::path).distinct().map(Api::pattern).toList();
    }

    private void table() {
        get("/health", system::health);
        get("/ready", system::health);
        get("/openapi.json", system::openApiDocument);
        get("/api/v1/info", system::info);
        get("/api/v1/version", system::version);
        post("/api/v1/login", system::login);
        get("/api/v1/logout", system::logout);
        get("/api/v1/current-user", system::currentUser);

        get("/api/v1/service_accounts", system::listServiceAccounts);
        post("/api/v1/service_accounts", system::createServiceAccount);
        get("/api/v1/service_accounts/{account}", system::getServiceAccount);
        delete("/api/v1/service_accounts/{account}", system::deleteServiceAccount);
        get("/api/v1/service_accounts/{account}/api_keys", system::listApiKeys);
        post("/api/v1/service_accounts/{account}/api_keys", system::createApiKey);
        put("/api/v1/service_accounts/{account}/api_keys/{key}/rotate", system::rotateApiKey);
        delete("/api/v1/service_accounts/{account}/api_keys/{key}", system::deleteApiKey);

        get("/api/v1/projects", system::listProjects);
        get("/api/v1/projects/{project}", system::getProject);
        get("/api/v1/stacks", system::listStacks);
        get("/api/v1/stacks/{id}", system::getStack);
        get("/api/v1/components", system::listComponents);
        get("/api/v1/components/{id}", system::getComponent);

        get("/api/v1/pipelines", snapshots::listPipelines);
        get("/api/v1/pipelines/{id}", snapshots::getPipeline);
        delete("/api/v1/pipelines/{id}", snapshots::deletePipeline);
        get("/api/v1/pipeline_snapshots", snapshots::listSnapshots);
        get("/api/v1/pipeline_snapshots/{id}", snapshots::getSnapshot);
        put("/api/v1/pipeline_snapshots/{id}", snapshots::updateSnapshot);
        delete("/api/v1/pipeline_snapshots/{id}", snapshots::deleteSnapshot);
        post("/api/v1/pipeline_snapshots/{snapshot_id}/runs", runs::trigger);
        get("/api/v1/x-snapdeck/pipelines", snapshots::listFolderPipelines);
        post("/api/v1/x-snapdeck/pipelines/{name}/snapshots", snapshots::createFromFolder);

        get("/api/v1/runs", runs::listRuns);
        get("/api/v1/runs/{id}", runs::getRun);
        delete("/api/v1/runs/{id}", runs::deleteRun);
        get("/api/v1/runs/{id}/status", runs::runStatus);
        get("/api/v1/runs/{id}/steps", runs::runSteps);
        get("/api/v1/runs/{id}/dag", runs::dag);
        get("/api/v1/runs/{id}/logs", runs::runLogs);
        post("/api/v1/runs/{id}/stop", runs::stop);
        get("/api/v1/steps", runs::listSteps);
        get("/api/v1/steps/{id}", runs::getStep);
        get("/api/v1/steps/{id}/status", runs::stepStatus);
        get("/api/v1/steps/{id}/logs", runs::stepLogs);
    }

    private void get(String path, Handler handler) {
        routes.add(new Route(HandlerType.GET, path, handler));
    }

    private void post(String path, Handler handler) {
        routes.add(new Route(HandlerType.POST, path, handler));
    }

    private void put(String path, Handler handler) {
        routes.add(new Route(HandlerType.PUT, path, handler));
    }

    private void delete(String path, Handler handler) {
        routes.add(new Route(HandlerType.DELETE, path, handler));
    }

    /** A Javalin app serving the table (not started), for a server that will listen on {@code host}. */
    public Javalin create(String host) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.defaultContentType = "application/json";
            config.router.ignoreTrailingSlashes = true;
            config.http.prefer405over404 = true;
            config.useVirtualThreads = false;
            if (isLoopback(host)) {
                // Bytes on loopback cost nothing; deflating a page of runs costs both ends more
                // than the whole query does.
                config.http.disableCompression();
            } else {
                config.http.gzipOnlyCompression(1);
            }
        });
        if (isLoopback(host)) {
            app.before(ctx -> refuseForeignHost(ctx, host));
        }
        app.before(this::authenticate);
        for (Route route : routes) {
            app.addHttpHandler(route.method(), route.path(), route.handler());
        }
        app.exception(ApiException.class, (e, ctx) -> answer(ctx, e));
        app.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 413) {
                ctx.status(413).result("");
            } else if (e.getStatus() == 404) {
                answer(ctx, ApiException.framework(404, "Not Found"));
            } else if (e.getStatus() == 405) {
                answer(ctx, ApiException.framework(405, "Method Not Allowed"));
            } else {
                answer(ctx, ApiException.framework(e.getStatus(), e.getMessage()));
            }
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Request {} {} failed", ctx.method(), ctx.path(), e);
            answer(ctx, ApiException.of(500, "RuntimeException", "Internal error; see the server log."));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint")
                    || ctx.result().equals("Not Found")) {
                answer(ctx, ApiException.framework(404, "Not Found"));
            }
        });
        app.error(405, ctx -> answer(ctx, ApiException.framework(405, "Method Not Allowed")));
        return app;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * On a loopback server, answers only requests addressed to a loopback name: a web page that
     * gets its own host name resolved to 127.0.0.1 (DNS rebinding) must not reach this server
     * through a visitor's browser, nor see its name echoed back by {@code /info}.
     */
    private static void refuseForeignHost(Context ctx, String boundTo) {
        String host = ctx.host();
        String name = host == null ? "" : host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                : host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (!LOOPBACK_NAMES.contains(lower) && !lower.equals(boundTo) && !lower.equals("[" + boundTo + "]")) {
            throw ApiException.framework(400, "This server answers only requests to localhost or 127.0.0.1, "
                    + "not to '" + host + "'.");
        }
    }

    /**
     * Checks the bearer token of a request for a route that needs one. A path no route has is left
     * to the router, so it answers 404 with or without a token, as FastAPI routes before it
     * authenticates.
     */
    private void authenticate(Context ctx) {
        if (OPEN.contains(ctx.path()) || !ctx.path().startsWith("/api/") || !routed(ctx.path())) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            throw ApiException.framework(401, "Not authenticated");
        }
        String token = header.substring(7).trim();
        // An API key as the bearer token is a sign-in as much as the login's API-key grant.
        Caller caller = AuthService.isApiKey(token)
                ? signInLimits.apiKey(ctx, () -> auth.authenticate(token))
                : auth.authenticate(token);
        ctx.attribute(CALLER, caller);
    }

    /** Whether some route of the table, of any method, has this path. */
    private boolean routed(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return routePatterns.stream().anyMatch(pattern -> pattern.matcher(trimmed).matches());
    }

    private static Pattern pattern(String routePath) {
        StringBuilder regex = new StringBuilder();
        for (String part : routePath.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    static Caller caller(Context ctx) {
        return ctx.attribute(CALLER);
    }

    private static void answer(Context ctx, ApiException e) {
        ctx.status(e.status()).contentType("application/json");
        ObjectNode node = Json.object();
        switch (e.shape()) {
            case A -> {
                node.putArray("detail").add(e.exceptionClass()).add(e.getMessage());
                ctx.result(Json.write(node));
            }
            case B -> {
                node.put("detail", e.getMessage());
                ctx.result(Json.write(node));
            }
            case C -> ctx.result(Json.write(Json.array().add(e.exceptionClass()).add(e.getMessage())));
        }
    }

    private ObjectNode openApi() {
        ObjectNode document = Json.object();
        document.put("openapi", "3.1.0");
        ObjectNode info = document.putObject("info");
        info.put("title", "Snapdeck local server");
        info.put("version", dev.snapdeck.Version.current());
        ObjectNode paths = document.putObject("paths");
        for (Route route : routes) {
            String path = route.path();
            if (!paths.has(path)) {
                paths.putObject(path);
            }
            ObjectNode operation = ((ObjectNode) paths.get(path)).putObject(route.method().name().toLowerCase());
            operation.put("operationId", route.method().name().toLowerCase() + path.replaceAll("[^A-Za-z0-9]+", "_"));
            ArrayNode parameters = operation.putArray("parameters");
            java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
            while (matcher.find()) {
                parameters.addObject().put("name", matcher.group(1)).put("in", "path").put("required", true);
            }
        }
        return document;
    }
}
