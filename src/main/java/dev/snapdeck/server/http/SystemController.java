package dev.snapdeck.server.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.snapdeck.Version;
import dev.snapdeck.server.auth.AuthService;
import dev.snapdeck.server.auth.Caller;
import dev.snapdeck.server.auth.Secrets;
import dev.snapdeck.server.store.Store;
import dev.snapdeck.server.store.Times;

import io.javalin.http.Context;

/** Server info, login, users and service accounts, projects, the stack and its components. */
final class SystemController {

    private final Store store;
    private final AuthService auth;
    private final Views views;
    private final String projectId;
    private final String serverId;
    private final Supplier<ObjectNode> openApi;
    private final SignInLimits signInLimits;

    SystemController(Store store, AuthService auth, SignInLimits signInLimits, Views views,
            String projectId, String serverId, Supplier<ObjectNode> openApi) {
        this.store = store;
        this.auth = auth;
        this.signInLimits = signInLimits;
        this.views = views;
        this.projectId = projectId;
        this.serverId = serverId;
        this.openApi = openApi;
    }

    static void json(Context ctx, JsonNode node) {
        ctx.contentType("application/json").result(Json.bytes(node));
    }

    void health(Context ctx) {
        ctx.contentType("application/json").result("\"OK\"");
    }

    void openApiDocument(Context ctx) {
        json(ctx, openApi.get());
    }

    void version(Context ctx) {
        ctx.contentType("application/json").result(Json.write(Json.MAPPER.getNodeFactory().textNode(Version.current())));
    }

    void info(Context ctx) {
        ObjectNode info = Json.object();
        info.put("id", serverId);
        info.put("name", "Snapdeck local server");
        info.put("version", Version.current());
        info.put("active", true);
        info.put("debug", false);
        info.put("deployment_type", "local");
        info.put("database_type", "sqlite");
        info.put("secrets_store_type", "none");
        info.put("auth_scheme", "OAUTH2_PASSWORD_BEARER");
        String url = ctx.scheme() + "://" + ctx.host();
        info.put("server_url", url);
        info.put("dashboard_url", url);
        info.put("analytics_enabled", false);
        ObjectNode metadata = info.putObject("metadata");
        metadata.put("snapdeck", "true");
        metadata.put("can_run_snapshots", "true");
        info.putNull("last_user_activity");
        for (String key : List.of("pro_dashboard_url", "pro_api_url", "pro_organization_id", "pro_organization_name",
                "pro_workspace_id", "pro_workspace_name")) {
            info.putNull(key);
        }
        json(ctx, info);
    }

    void login(Context ctx) {
        String grant = ctx.formParam("grant_type");
        String username = ctx.formParam("username");
        String password = ctx.formParam("password");
        String token;
        if ("password".equals(grant) || (grant == null || grant.isEmpty()) && username != null) {
            if (username == null || username.isEmpty()) {
                throw ApiException.framework(400, "Invalid request: username is required.");
            }
            token = signInLimits.password(ctx, username,
                    () -> auth.loginWithPassword(username, password));
        } else if ("zenml-api-key".equals(grant) || (grant == null || grant.isEmpty()) && password != null) {
            token = signInLimits.apiKey(ctx, () -> auth.loginWithApiKey(password));
        } else if (grant == null || grant.isEmpty()) {
            throw ApiException.framework(400, "Invalid request: username is required.");
        } else {
            throw ApiException.framework(400, "Unsupported grant type: " + grant);
        }
        ObjectNode answer = Json.object();
        answer.put("access_token", token);
        answer.put("token_type", "bearer");
        answer.put("expires_in", auth.tokenLifetime().toSeconds());
        for (String key : List.of("refresh_token", "csrf_token", "scope", "device_id", "device_metadata")) {
            answer.putNull(key);
        }
        json(ctx, answer);
    }

    void logout(Context ctx) {
        ctx.contentType("application/json").result("null");
    }

    void currentUser(Context ctx) {
        Caller caller = Api.caller(ctx);
        json(ctx, store.transaction(tx -> views.user(tx.one("SELECT * FROM users WHERE id = ?", caller.userId())
                .orElseThrow(() -> ApiException.unauthorized("the account no longer exists.")), true)));
    }

    private static final Map<String, ListQuery.Field> NAMED = Map.of(
            "name", new ListQuery.Field("name", ListQuery.Type.TEXT),
            "id", new ListQuery.Field("id", ListQuery.Type.TEXT),
            "created", new ListQuery.Field("created", ListQuery.Type.DATE),
            "updated", new ListQuery.Field("updated", ListQuery.Type.DATE));
    private static final Map<String, String> NAMED_SORT = Map.of("id", "id", "name", "name", "created", "created",
            "updated", "updated");

    private interface RowView {
        ObjectNode view(Map<String, Object> row, boolean hydrate);
    }

    private void page(Context ctx, String model, String table, ListQuery query, RowView view) {
        json(ctx, store.transaction(tx -> {
            long total = tx.count("SELECT COUNT(*) FROM " + table + query.where(), query.parameters());
            query.checkPage(total);
            List<ObjectNode> items = tx.query("SELECT * FROM " + table + query.where() + query.orderBy()
                    + query.limit(), query.parameters()).stream().map(row -> view.view(row, query.hydrate())).toList();
            return Json.page(query.page(), query.size(), total, items);
        }));
    }

    void listProjects(Context ctx) {
        Map<String, ListQuery.Field> fields = new LinkedHashMap<>(NAMED);
        fields.put("display_name", new ListQuery.Field("display_name", ListQuery.Type.TEXT));
        page(ctx, "ProjectFilter", "projects", ListQuery.parse(ctx, "ProjectFilter", fields, NAMED_SORT, "created"),
                views::project);
    }

    void getProject(Context ctx) {
        String key = ctx.pathParam("project");
        json(ctx, store.transaction(tx -> views.project(tx.one("SELECT * FROM projects WHERE id = ? OR name = ?",
                key, key).orElseThrow(() -> ApiException.notFound("project", key)),
                ListQuery.bool(ctx.queryParam("hydrate"), true))));
    }

    void listStacks(Context ctx) {
        singleItemPage(ctx, views.stack(ListQuery.bool(ctx.queryParam("hydrate"), false)), "default");
    }

    void getStack(Context ctx) {
        requireId(ctx.pathParam("id"), Views.STACK_ID, "stack");
        json(ctx, views.stack(ListQuery.bool(ctx.queryParam("hydrate"), true)));
    }

    void listComponents(Context ctx) {
        boolean hydrate = ListQuery.bool(ctx.queryParam("hydrate"), false);
        String type = ctx.queryParam("type");
        List<ObjectNode> items = new java.util.ArrayList<>();
        for (String kind : List.of("orchestrator", "artifact_store")) {
            if (type == null || type.equals(kind)) {
                items.add(views.component(kind, hydrate));
            }
        }
        ListQuery query = ListQuery.parse(ctx, "ComponentFilter", Map.of(), NAMED_SORT, "created");
        query.checkPage(items.size());
        json(ctx, Json.page(1, query.size(), items.size(), query.page() == 1 ? items : List.of()));
    }

    void getComponent(Context ctx) {
        String id = ctx.pathParam("id");
        boolean hydrate = ListQuery.bool(ctx.queryParam("hydrate"), true);
        if (id.equals(Views.ORCHESTRATOR_ID)) {
            json(ctx, views.component("orchestrator", hydrate));
        } else {
            requireId(id, Views.ARTIFACT_STORE_ID, "stack component");
            json(ctx, views.component("artifact_store", hydrate));
        }
    }

    private void singleItemPage(Context ctx, ObjectNode item, String name) {
        ListQuery query = ListQuery.parse(ctx, "StackFilter", Map.of(), NAMED_SORT, "created");
        String wanted = ctx.queryParam("name");
        List<ObjectNode> items = wanted == null || wanted.equals(name) || wanted.equals("equals:" + name)
                ? List.of(item) : List.of();
        query.checkPage(items.size());
        json(ctx, Json.page(query.page(), query.size(), items.size(), items));
    }

    static void requireId(String given, String expected, String kind) {
        uuid(given, kind);
        if (!given.equals(expected)) {
            throw ApiException.notFound(kind, given);
        }
    }

    /** @throws ApiException 422 when {@code text} is not a UUID */
    static String uuid(String text, String kind) {
        try {
            return UUID.fromString(text).toString().equals(text.toLowerCase()) ? text.toLowerCase()
                    : fail(text, kind);
        } catch (IllegalArgumentException e) {
            return fail(text, kind);
        }
    }

    private static String fail(String text, String kind) {
        throw ApiException.queryValidation("'" + text + "' is not a valid " + kind + " ID (a UUID).");
    }

    // Service accounts (§4.3): ZenML's routes; the key text is returned only at creation and rotation.

    private Map<String, Object> account(Store.Tx tx, String key) throws java.sql.SQLException {
        return tx.one("SELECT * FROM users WHERE is_service_account = 1 AND (id = ? OR name = ?)", key, key)
                .orElseThrow(() -> ApiException.notFound("service account", key));
    }

    private ObjectNode accountView(Map<String, Object> row, boolean hydrate) {
        ObjectNode body = Json.object();
        body.put("created", Times.wire(row.get("created")));
        body.put("updated", Times.wire(row.get("updated")));
        body.put("active", Json.bool(row, "active"));
        ObjectNode metadata = null;
        if (hydrate) {
            metadata = Json.object();
            metadata.put("description", (String) row.get("description"));
        }
        return Json.envelope(body, metadata, Json.object(), row.get("id"), row.get("name"), true);
    }

    private void requireAdmin(Context ctx) {
        if (!Api.caller(ctx).admin()) {
            throw ApiException.forbidden("Only the admin may manage service accounts.");
        }
    }

    void listServiceAccounts(Context ctx) {
        requireAdmin(ctx);
        ListQuery query = ListQuery.parse(ctx, "ServiceAccountFilter", NAMED, NAMED_SORT, "created")
                .require("is_service_account = 1");
        page(ctx, "ServiceAccountFilter", "users", query, this::accountView);
    }

    void createServiceAccount(Context ctx) {
        requireAdmin(ctx);
        JsonNode body = Bodies.object(ctx);
        String name = Bodies.requiredText(body, "name");
        String id = UUID.randomUUID().toString();
        String now = Times.now();
        try {
            json(ctx, store.transaction(tx -> {
                tx.update("INSERT INTO users (id, name, is_service_account, active, description, created, updated) "
                        + "VALUES (?,?,1,?,?,?,?)", id, name, body.path("active").asBoolean(true) ? 1 : 0,
                        body.path("description").asText(""), now, now);
                return accountView(account(tx, id), true);
            }));
        } catch (Store.StoreException e) {
            if (e.isUniqueViolation()) {
                throw ApiException.conflict("A user or service account named '" + name + "' already exists.");
            }
            throw e;
        }
    }

    void getServiceAccount(Context ctx) {
        requireAdmin(ctx);
        json(ctx, store.transaction(tx -> accountView(account(tx, ctx.pathParam("account")), true)));
    }

    void deleteServiceAccount(Context ctx) {
        requireAdmin(ctx);
        store.transaction(tx -> tx.update("DELETE FROM users WHERE id = ?", account(tx, ctx.pathParam("account"))
                .get("id")));
        ctx.contentType("application/json").result("null");
    }

    private ObjectNode keyView(Map<String, Object> row, String keyText) {
        ObjectNode body = Json.object();
        body.put("created", Times.wire(row.get("created")));
        body.put("updated", Times.wire(row.get("updated")));
        body.put("key", keyText);
        body.put("active", Json.bool(row, "active"));
        body.put("service_account_id", (String) row.get("service_account_id"));
        ObjectNode metadata = Json.object();
        metadata.put("description", (String) row.get("description"));
        metadata.putNull("retain_period_minutes");
        metadata.put("last_login", Times.wire(row.get("last_login")));
        metadata.put("last_rotated", Times.wire(row.get("last_rotated")));
        return Json.envelope(body, metadata, Json.object(), row.get("id"), row.get("name"), true);
    }

    void listApiKeys(Context ctx) {
        requireAdmin(ctx);
        String accountId = store.transaction(tx -> (String) account(tx, ctx.pathParam("account")).get("id"));
        ListQuery query = ListQuery.parse(ctx, "APIKeyFilter", NAMED, NAMED_SORT, "created")
                .require("service_account_id = ?", accountId);
        page(ctx, "APIKeyFilter", "api_keys", query, (row, hydrate) -> keyView(row, null));
    }

    void createApiKey(Context ctx) {
        requireAdmin(ctx);
        JsonNode body = Bodies.object(ctx);
        String name = Bodies.requiredText(body, "name");
        String id = UUID.randomUUID().toString();
        String keyText = AuthService.newApiKey(id);
        String now = Times.now();
        try {
            json(ctx, store.transaction(tx -> {
                String accountId = (String) account(tx, ctx.pathParam("account")).get("id");
                tx.update("INSERT INTO api_keys (id, service_account_id, name, description, key_hash, created, updated) "
                        + "VALUES (?,?,?,?,?,?,?)", id, accountId, name, body.path("description").asText(""),
                        Secrets.hashKey(keyText), now, now);
                return keyView(tx.one("SELECT * FROM api_keys WHERE id = ?", id).orElseThrow(), keyText);
            }));
        } catch (Store.StoreException e) {
            if (e.isUniqueViolation()) {
                throw ApiException.conflict("An API key named '" + name + "' already exists for this account.");
            }
            throw e;
        }
    }

    private Map<String, Object> apiKey(Store.Tx tx, Context ctx) throws java.sql.SQLException {
        String accountId = (String) account(tx, ctx.pathParam("account")).get("id");
        String key = ctx.pathParam("key");
        return tx.one("SELECT * FROM api_keys WHERE service_account_id = ? AND (id = ? OR name = ?)", accountId, key,
                key).orElseThrow(() -> ApiException.notFound("API key", key));
    }

    /** A rotated-out key may keep working for at most a year. */
    static final long MAX_RETAIN_MINUTES = 366L * 24 * 60;

    void rotateApiKey(Context ctx) {
        requireAdmin(ctx);
        JsonNode body = Bodies.optionalObject(ctx);
        long retainMinutes = Bodies.wholeNumber(body, "retain_period_minutes", 0, 0, MAX_RETAIN_MINUTES);
        json(ctx, store.transaction(tx -> {
            Map<String, Object> row = apiKey(tx, ctx);
            String id = (String) row.get("id");
            String keyText = AuthService.newApiKey(id);
            String now = Times.now();
            String retainUntil = retainMinutes > 0
                    ? Times.stored(java.time.Instant.now().plusSeconds(retainMinutes * 60)) : null;
            tx.update("UPDATE api_keys SET previous_key_hash = ?, previous_key_expires = ?, key_hash = ?, "
                    + "last_rotated = ?, updated = ? WHERE id = ?", row.get("key_hash"), retainUntil,
                    Secrets.hashKey(keyText), now, now, id);
            if (retainUntil == null) {
                tx.update("DELETE FROM tokens WHERE api_key_id = ?", id);
            }
            return keyView(tx.one("SELECT * FROM api_keys WHERE id = ?", id).orElseThrow(), keyText);
        }));
    }

    void deleteApiKey(Context ctx) {
        requireAdmin(ctx);
        store.transaction(tx -> tx.update("DELETE FROM api_keys WHERE id = ?", apiKey(tx, ctx).get("id")));
        ctx.contentType("application/json").result("null");
    }
}
