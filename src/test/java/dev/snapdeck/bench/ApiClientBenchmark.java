package dev.snapdeck.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.snapdeck.api.Credentials;
import dev.snapdeck.api.ZenmlClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the client adds on top of a bare OkHttp GET plus Jackson tree parse, for the biggest
 * fixture (the hydrated snapshot, 88 KB). Both fetch the same answer from the same loopback
 * server in the same run; the result is the ratio client / baseline. Not part of the build: run
 * with {@code java -cp target/classes:target/test-classes:<test classpath>
 * dev.snapdeck.bench.ApiClientBenchmark}.
 */
public final class ApiClientBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(ApiClientBenchmark.class);
    private static final String SNAPSHOT = "6d8f0a2c-4e5b-4d7f-8b9c-0e1f2a3b4c5d";
    private static final int WARMUP = 300;
    private static final int ROUNDS = 1000;

    private ApiClientBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String body = fixture("snapshot-hydrated.json");
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse().setHeader("Content-Type", "application/json")
                            .setBody(body);
                }
            });
            server.start();
            measure(server);
        }
    }

    private static void measure(MockWebServer server) throws IOException {
        OkHttpClient http = new OkHttpClient();
        ObjectMapper mapper = new ObjectMapper();
        Request request = new Request.Builder()
                .url(server.url("/api/v1/pipeline_snapshots/" + SNAPSHOT)).build();
        ZenmlClient client = ZenmlClient.builder(server.url("/").toString())
                .credentials(Credentials.token("bench")).build();
        UUID id = UUID.fromString(SNAPSHOT);

        for (int i = 0; i < WARMUP; i++) {
            baseline(http, mapper, request);
            client.snapshot(id);
        }
        long baseline = time(() -> baseline(http, mapper, request));
        long ours = time(() -> client.snapshot(id));

        LOG.info("hydrated snapshot x{}: baseline {} us/call, ZenmlClient {} us/call, ratio {}",
                ROUNDS, baseline / ROUNDS / 1000, ours / ROUNDS / 1000,
                String.format("%.2f", (double) ours / baseline));
        client.close();
    }

    private interface Call {
        void run() throws IOException;
    }

    private static long time(Call call) throws IOException {
        long start = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            call.run();
        }
        return System.nanoTime() - start;
    }

    private static JsonNode baseline(OkHttpClient http, ObjectMapper mapper, Request request)
            throws IOException {
        try (Response response = http.newCall(request).execute()) {
            return mapper.readTree(response.body().string());
        }
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ApiClientBenchmark.class.getResourceAsStream(
                "/dev/snapdeck/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
