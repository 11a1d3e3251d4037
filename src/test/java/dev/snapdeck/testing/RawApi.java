package dev.snapdeck.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Calls a server's REST API over plain HTTP, as curl would, so server tests see the exact status
 * and JSON on the wire rather than what our client makes of them. Logged in as the admin, it
 * sends the admin's bearer token unless a call names another.
 */
public final class RawApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType APPLICATION_JSON = MediaType.get("application/json");

    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS)
            .build();
    private final URI url;
    private final String token;

    /** A status and the JSON body; the body is null when the server sent none. */
    public record Answer(int status, JsonNode json) {
    }

    private RawApi(URI url, String token) {
        this.url = url;
        this.token = token;
    }

    /** Logs in as {@code admin} with {@code password}; fails the test if the server refuses. */
    public static RawApi asAdmin(URI url, String password) throws IOException {
        Answer login = new RawApi(url, null).login("admin", password);
        assertEquals(200, login.status(), "admin login: " + login.json());
        return new RawApi(url, login.json().get("access_token").asText());
    }

    /** Calls with the given bearer token instead of the admin's. */
    public static RawApi withToken(URI url, String token) {
        return new RawApi(url, token);
    }

    /** The bearer token calls send. */
    public String token() {
        return token;
    }

    /** The password login; {@code user} null sends only the password, as API-key logins do. */
    public Answer login(String user, String password) throws IOException {
        FormBody.Builder form = new FormBody.Builder().add("password", password);
        if (user != null) {
            form.add("username", user);
        }
        return send(new Request.Builder().url(url + "/api/v1/login").post(form.build()));
    }

    /** Sends {@code body} as JSON (none for null; an empty one on POST and PUT, which need one). */
    public Answer call(String method, String path, String body) throws IOException {
        return call(method, path, body, token);
    }

    /** As {@link #call(String, String, String)} with {@code bearer} as token, or none for null. */
    public Answer call(String method, String path, String body, String bearer) throws IOException {
        Request.Builder request = new Request.Builder().url(url + path);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        String sent = body == null && (method.equals("POST") || method.equals("PUT")) ? "" : body;
        request.method(method, sent == null ? null : RequestBody.create(sent, APPLICATION_JSON));
        return send(request);
    }

    /** Calls and fails the test unless the answer is 200; returns its JSON. */
    public JsonNode ok(String method, String path, String body) throws IOException {
        Answer answer = call(method, path, body);
        assertEquals(200, answer.status(), method + " " + path + ": " + answer.json());
        return answer.json();
    }

    private Answer send(Request.Builder request) throws IOException {
        try (Response response = http.newCall(request.build()).execute()) {
            String text = response.body().string();
            return new Answer(response.code(), text.isEmpty() ? null : JSON.readTree(text));
        }
    }
}
