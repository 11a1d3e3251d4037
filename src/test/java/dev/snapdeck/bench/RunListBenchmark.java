package dev.snapdeck.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.snapdeck.server.LocalServer;
import dev.snapdeck.server.ServerOptions;

import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Lists a page of 50 runs with 100,000 runs in the store: median latency of
 * {@code GET /api/v1/runs?size=50} (newest first) against the bare SQL query of the same page on
 * the same database, as a ratio (aim: at most 2x). Run with
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) dev.snapdeck.bench.RunListBenchmark}
 * after {@code mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class RunListBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RUNS = 100_000;
    private static final int WARM_UP = 1_000;
    private static final int SAMPLES = 1_000;

    private RunListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("snapdeck-bench-");
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(60, TimeUnit.SECONDS).build();
        try (LocalServer server = LocalServer.start(new ServerOptions(null, 0, dataDir, null, () -> "bench", null))) {
            String token = login(http, server);
            String snapshotId = post(http, server, token, "/api/v1/x-snapdeck/pipelines/training_pipeline/snapshots",
                    "{}").get("id").asText();
            String url = "jdbc:sqlite:" + dataDir.resolve("snapdeck.db");
            try (Connection connection = DriverManager.getConnection(url)) {
                fill(connection, snapshotId);
                String projectId;
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT id FROM projects WHERE name = 'default'")) {
                    rows.next();
                    projectId = rows.getString(1);
                }
                Request request = new Request.Builder().url(server.url() + "/api/v1/runs?size=50")
                        .header("Authorization", "Bearer " + token).build();
                String sql = "SELECT * FROM runs WHERE project_id = ? ORDER BY created DESC, id DESC LIMIT 50";
                // Both sides run compiled code when measured, as they would in a server that has
                // been up for a while.
                for (int i = 0; i < WARM_UP; i++) {
                    httpOnce(http, request);
                    sqlOnce(connection, sql, projectId);
                }
                Request floorRequest = new Request.Builder().url(server.url() + "/api/v1/current-user")
                        .header("Authorization", "Bearer " + token).build();
                List<Long> api = new ArrayList<>();
                List<Long> bare = new ArrayList<>();
                List<Long> floor = new ArrayList<>();
                for (int i = 0; i < SAMPLES; i++) {
                    api.add(httpOnce(http, request));
                    bare.add(sqlOnce(connection, sql, projectId));
                    floor.add(httpOnce(http, floorRequest));
                }
                double apiMedian = median(api) / 1e6;
                double bareMedian = median(bare) / 1e6;
                String report = String.format("runs=%d page=50 samples=%d  GET /api/v1/runs median %.3f ms  "
                        + "bare SQL median %.3f ms  ratio %.1fx (aim <= 2x)", RUNS, SAMPLES, apiMedian, bareMedian,
                        apiMedian / bareMedian)
                        + String.format("; for scale, GET /api/v1/current-user (HTTP + auth, one row) median %.3f ms",
                                median(floor) / 1e6);
                System.out.println(report);
            }
        }
    }

    private static void fill(Connection connection, String snapshotId) throws Exception {
        connection.setAutoCommit(false);
        String insert = "INSERT INTO runs (id, name, project_id, pipeline_id, snapshot_id, source_snapshot_id, user_id, "
                + "status, run_index, config, run_dir, logs_id, created, updated, start_time, end_time) "
                + "SELECT ?, ?, project_id, pipeline_id, id, id, user_id, ?, ?, config, ?, ?, ?, ?, ?, ? "
                + "FROM snapshots WHERE id = ?";
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (int i = 0; i < RUNS; i++) {
                String id = UUID.randomUUID().toString();
                String time = String.format("2026-%02d-%02dT%02d:%02d:%02d.%06d", 1 + i % 12, 1 + i % 28, i % 24,
                        i % 60, (i / 60) % 60, i);
                statement.setString(1, id);
                statement.setString(2, "bench-run-" + i);
                statement.setString(3, i % 10 == 0 ? "failed" : "completed");
                statement.setInt(4, i + 1);
                statement.setString(5, "/nowhere/" + id);
                statement.setString(6, UUID.randomUUID().toString());
                statement.setString(7, time);
                statement.setString(8, time);
                statement.setString(9, time);
                statement.setString(10, time);
                statement.setString(11, snapshotId);
                statement.addBatch();
                if (i % 5000 == 4999) {
                    statement.executeBatch();
                }
            }
            statement.executeBatch();
        }
        connection.commit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
    }

    private static long httpOnce(OkHttpClient http, Request request) throws Exception {
        long start = System.nanoTime();
        try (Response response = http.newCall(request).execute()) {
            byte[] body = response.body().bytes();
            if (response.code() != 200 || body.length == 0) {
                throw new IllegalStateException("GET /api/v1/runs answered " + response.code());
            }
        }
        return System.nanoTime() - start;
    }

    private static long sqlOnce(Connection connection, String sql, String projectId) throws Exception {
        long start = System.nanoTime();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, projectId);
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int column = 1; column <= columns; column++) {
                        rows.getObject(column);
                    }
                }
            }
        }
        return System.nanoTime() - start;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String login(OkHttpClient http, LocalServer server) throws Exception {
        Request request = new Request.Builder().url(server.url() + "/api/v1/login")
                .post(new FormBody.Builder().add("username", "admin").add("password", "bench").build()).build();
        try (Response response = http.newCall(request).execute()) {
            return JSON.readTree(response.body().string()).get("access_token").asText();
        }
    }

    private static JsonNode post(OkHttpClient http, LocalServer server, String token, String path, String body)
            throws Exception {
        Request request = new Request.Builder().url(server.url() + path).header("Authorization", "Bearer " + token)
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (Response response = http.newCall(request).execute()) {
            return JSON.readTree(response.body().string());
        }
    }
}
