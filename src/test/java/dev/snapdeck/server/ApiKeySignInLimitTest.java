package dev.snapdeck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.net.SocketFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.snapdeck.testing.RawApi;

import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Failed API-key sign-ins, at the login or as bearer tokens, are limited per client address:
 * past ten within a minute every API-key sign-in from that address gets 429 with Retry-After.
 */
@Timeout(60)
class ApiKeySignInLimitTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private LocalServer server;
    private RawApi api;
    private String key;

    /** An answer with the header a throttled one must carry. */
    private record Reply(int status, String retryAfter, JsonNode json) {
    }

    @BeforeEach
    void startServerWithAKey() throws Exception {
        server = LocalServer.start(new ServerOptions(null, 0, dataDir, null, () -> "pw", null));
        api = RawApi.asAdmin(server.url(), "pw");
        api.ok("POST", "/api/v1/service_accounts", "{\"name\": \"ci\"}");
        key = api.ok("POST", "/api/v1/service_accounts/ci/api_keys", "{\"name\": \"main\"}")
                .get("body").get("key").asText();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void tenFailedKeyLoginsGet429ForEveryKeySignInFromThatAddress() throws Exception {
        for (int i = 0; i < 12; i++) {
            assertEquals(200, api.login(null, key).status(), "successful key logins never count");
        }
        failKeyLogins(5);
        assertEquals(200, api.login(null, key).status(), "a success is not throttled yet");
        failKeyLogins(5);

        Reply login = keyLogin(new OkHttpClient(), key);
        Reply bearer = bearerCall(key);
        int passwordLogin = api.login("admin", "pw").status();
        int withToken = api.call("GET", "/api/v1/current-user", null).status();

        assertEquals(429, login.status(), String.valueOf(login.json()));
        long retryAfter = Long.parseLong(login.retryAfter());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, login.retryAfter());
        String detail = login.json().get("detail").asText();
        assertTrue(detail.startsWith("Too many failed API-key sign-ins from 127.0.0.1."), detail);
        assertEquals(429, bearer.status(), String.valueOf(bearer.json()));
        assertTrue(bearer.retryAfter() != null, "no Retry-After on the bearer request");
        assertEquals(200, passwordLogin, "password logins have a limit of their own");
        assertEquals(200, withToken, "access tokens are not API keys");
    }

    @Test
    void wrongKeysSentAsBearerTokensCountAgainstTheAddress() throws Exception {
        String[] wrong = {key.substring(0, key.length() - 4) + "abcd", "ZENKEY_nothing_here"};
        for (int i = 0; i < 10; i++) {
            assertEquals(401, api.call("GET", "/api/v1/current-user", null, wrong[i % 2]).status());
        }

        Reply login = keyLogin(new OkHttpClient(), key);

        assertEquals(429, login.status(), String.valueOf(login.json()));
    }

    @Test
    void anotherClientAddressIsNotThrottled() throws Exception {
        InetAddress other = InetAddress.getByName("127.0.0.2");
        assumeTrue(canBind(other), "this system has no loopback address 127.0.0.2");
        failKeyLogins(10);
        OkHttpClient fromOther = new OkHttpClient.Builder().socketFactory(boundTo(other))
                .readTimeout(30, TimeUnit.SECONDS).build();

        Reply elsewhere = keyLogin(fromOther, key);
        Reply here = keyLogin(new OkHttpClient(), key);

        assertEquals(200, elsewhere.status(), String.valueOf(elsewhere.json()));
        assertEquals(429, here.status(), String.valueOf(here.json()));
    }

    private void failKeyLogins(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            assertEquals(401, api.login(null, key + "-wrong-" + i).status());
        }
    }

    private Reply keyLogin(OkHttpClient http, String apiKey) throws IOException {
        Request request = new Request.Builder().url(server.url() + "/api/v1/login")
                .post(new FormBody.Builder().add("password", apiKey).build()).build();
        return send(http, request);
    }

    private Reply bearerCall(String bearer) throws IOException {
        Request request = new Request.Builder().url(server.url() + "/api/v1/current-user")
                .header("Authorization", "Bearer " + bearer).build();
        return send(new OkHttpClient(), request);
    }

    private static Reply send(OkHttpClient http, Request request) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            return new Reply(response.code(), response.header("Retry-After"),
                    JSON.readTree(response.body().string()));
        }
    }

    private static boolean canBind(InetAddress address) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sockets that connect from {@code local}, so the server sees another client address. */
    private static SocketFactory boundTo(InetAddress local) {
        return new SocketFactory() {
            @Override
            public Socket createSocket() throws IOException {
                Socket socket = new Socket();
                socket.bind(new InetSocketAddress(local, 0));
                return socket;
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return new Socket(host, port, local, 0);
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
                    throws IOException {
                return new Socket(host, port, localHost, localPort);
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return new Socket(host, port, local, 0);
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress,
                    int localPort) throws IOException {
                return new Socket(address, port, localAddress, localPort);
            }
        };
    }
}
