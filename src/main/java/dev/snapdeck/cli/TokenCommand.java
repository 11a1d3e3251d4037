package dev.snapdeck.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.snapdeck.SnapdeckHome;

import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code snapdeck token}: logs in to a server and prints a bearer token for scripts. */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = {"Log in and print an access token (for curl and scripts) on standard output.",
            "The server is --url, else the local server running on the data folder. The password is "
                + "SNAPDECK_ADMIN_PASSWORD, else read from standard input; --api-key uses "
                + "SNAPDECK_API_KEY instead."})
public final class TokenCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", description = "Server URL (default: the local server of the data folder).")
    String url;

    @Option(names = "--data", description = "Data folder of the local server (default: the server folder of SNAPDECK_HOME).")
    Path data;

    @Option(names = "--username", defaultValue = "admin", description = "User name (default: ${DEFAULT-VALUE}).")
    String username;

    @Option(names = "--api-key", description = "Exchange the API key in SNAPDECK_API_KEY instead of a password.")
    boolean apiKey;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String base = url;
        if (base == null) {
            Path file = (data != null ? data : SnapdeckHome.resolve().server()).resolve(ServerCommand.SERVER_FILE);
            if (!Files.isRegularFile(file)) {
                err.println("No local server is running on " + file.getParent() + " (no " + file.getFileName()
                        + "); start one with `snapdeck server` or pass --url.");
                return 1;
            }
            base = JSON.readTree(file.toFile()).path("url").asText();
        }
        FormBody.Builder form = new FormBody.Builder();
        if (apiKey) {
            String key = System.getenv("SNAPDECK_API_KEY");
            if (key == null || key.isBlank()) {
                err.println("--api-key needs the key in the environment variable SNAPDECK_API_KEY.");
                return 1;
            }
            form.add("password", key);
        } else {
            String password = System.getenv("SNAPDECK_ADMIN_PASSWORD");
            if (password == null) {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
            form.add("username", username).add("password", password == null ? "" : password);
        }
        Request request = new Request.Builder().url(base.replaceAll("/+$", "") + "/api/v1/login").post(form.build())
                .build();
        try (Response response = new OkHttpClient().newCall(request).execute()) {
            String body = response.body().string();
            if (!response.isSuccessful()) {
                JsonNode detail = JSON.readTree(body).path("detail");
                err.println("Login failed (" + response.code() + "): "
                        + (detail.isArray() ? detail.path(1).asText() : detail.asText(body)));
                return 1;
            }
            out.println(JSON.readTree(body).path("access_token").asText());
            return 0;
        } catch (java.io.IOException e) {
            err.println("Cannot reach " + base + ": " + e.getMessage());
            return 1;
        }
    }
}
