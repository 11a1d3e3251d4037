package dev.snapdeck.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import dev.snapdeck.server.LocalServer;
import dev.snapdeck.server.ServerOptions;
import dev.snapdeck.server.store.Store;
import dev.snapdeck.server.store.Times;
import dev.snapdeck.service.LocalServerLauncher;

/**
 * A real local server for UI tests and benchmarks, on loopback, in a data folder the test owns.
 * Its admin token comes from a real login, as the lead's in-process launcher mints one. It can be
 * stopped and started again on the same port to test reconnecting.
 */
public final class TestLocalServer implements LocalServerLauncher, AutoCloseable {

    public static final String PASSWORD = "ui-test-admin";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDir;
    private final OkHttpClient http = new OkHttpClient();
    private final AtomicReference<LocalServer> server = new AtomicReference<>();
    private int port;

    public TestLocalServer(Path dataDir) {
        this.dataDir = dataDir;
    }

    @Override
    public synchronized RunningLocalServer start() throws Exception {
        if (server.get() == null) {
            LocalServer started = LocalServer.start(new ServerOptions(null, port, dataDir, null,
                    () -> PASSWORD, null));
            port = started.port();
            server.set(started);
        }
        return new RunningLocalServer() {
            @Override
            public String url() {
                return "http://127.0.0.1:" + port;
            }

            @Override
            public String issueAdminToken() {
                return login();
            }

            @Override
            public void close() {
                TestLocalServer.this.close();
            }
        };
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops the server; {@link #start()} brings it back on the same port. */
    @Override
    public synchronized void close() {
        LocalServer running = server.getAndSet(null);
        if (running != null) {
            running.close();
        }
    }

    /** Makes a named snapshot of the example pipeline (the local server's folder extension). */
    public java.util.UUID snapshotOfExample(String name) {
        Request request = new Request.Builder()
                .url(url() + "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots")
                .header("Authorization", "Bearer " + login())
                .post(okhttp3.RequestBody.create("{\"name\": \"" + name + "\"}",
                        okhttp3.MediaType.get("application/json")))
                .build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            if (response.code() != 200) {
                throw new IllegalStateException("Snapshot answered " + response.code() + body);
            }
            return java.util.UUID.fromString(JSON.readTree(body).get("id").asText());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot make a snapshot on " + url(), e);
        }
    }

    /**
     * Makes every bearer token issued so far expired, as an hour's wait would, by moving its
     * expiry into the past in the server's database (API keys stay valid).
     */
    public void expireTokens() {
        try (Store store = Store.open(dataDir.toAbsolutePath())) {
            String past = Times.stored(Instant.now().minusSeconds(60));
            store.transaction(tx -> tx.update("UPDATE tokens SET expires = ?", past));
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Cannot expire the tokens in " + dataDir, e);
        }
    }

    public String login() {
        Request request = new Request.Builder().url(url() + "/api/v1/login")
                .post(new FormBody.Builder().add("username", "admin")
                        .add("password", PASSWORD).build()).build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() != 200) {
                throw new IllegalStateException("Login answered " + response.code());
            }
            return JSON.readTree(response.body().string()).get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot log in to " + url(), e);
        }
    }
}
