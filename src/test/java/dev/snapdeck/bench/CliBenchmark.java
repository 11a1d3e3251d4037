package dev.snapdeck.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.snapdeck.api.Credentials;
import dev.snapdeck.api.SnapshotQuery;
import dev.snapdeck.api.ZenmlClient;
import dev.snapdeck.cli.SnapdeckCommand;
import dev.snapdeck.server.LocalServer;
import dev.snapdeck.server.ServerOptions;
import dev.snapdeck.service.ConnectionProfile;
import dev.snapdeck.service.FileSecretStore;
import dev.snapdeck.service.ProfileStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one {@code snapdeck pipeline snapshot list --output json} costs against the bare minimum a
 * one-shot command must do: a fresh client that signs in and lists once. Both talk to the same
 * in-process local server in the same run; the result is the ratio CLI / baseline, which shows
 * what connecting through the service layer (info, current user, capabilities), picocli, the
 * profile files and the JSON output add. Not part of the build: run with {@code java -cp
 * target/classes:target/test-classes:<test classpath> dev.snapdeck.bench.CliBenchmark}.
 */
public final class CliBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(CliBenchmark.class);
    private static final String PASSWORD = "bench-password";
    private static final int WARMUP = 30;
    private static final int ROUNDS = 200;

    private CliBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("snapdeck-bench-data");
        Path home = Files.createTempDirectory("snapdeck-bench-home");
        try (LocalServer server = LocalServer.start(
                new ServerOptions(null, 0, data, null, () -> PASSWORD, null))) {
            String url = server.url().toString();
            ProfileStore profiles = new ProfileStore(home.resolve("profiles.json"),
                    new FileSecretStore(home.resolve("secrets.json")));
            profiles.save(new ConnectionProfile("bench", url, ConnectionProfile.SignIn.PASSWORD,
                    "admin"), PASSWORD);
            profiles.activate("bench");
            measure(url, home);
        }
    }

    private static void measure(String url, Path home) {
        String[] command = {"pipeline", "snapshot", "list", "--output", "json", "--home",
            home.toString()};
        for (int i = 0; i < WARMUP; i++) {
            baseline(url);
            cli(command);
        }
        long baseline = time(() -> baseline(url));
        long ours = time(() -> cli(command));

        LOG.info("one-shot snapshot list x{}: baseline {} us, snapdeck CLI {} us, ratio {}",
                ROUNDS, baseline / ROUNDS / 1000, ours / ROUNDS / 1000,
                String.format("%.2f", (double) ours / baseline));
    }

    private static void baseline(String url) {
        try (ZenmlClient client = ZenmlClient.builder(url)
                .credentials(Credentials.password("admin", PASSWORD)).build()) {
            client.login();
            client.snapshots(new SnapshotQuery().namedOnly().size(100));
        }
    }

    private static void cli(String[] command) {
        StringWriter out = new StringWriter();
        int code = SnapdeckCommand.newCommandLine(new PrintWriter(out), new PrintWriter(out))
                .execute(command);
        if (code != 0) {
            throw new IllegalStateException("snapdeck failed: " + out);
        }
    }

    private static long time(Runnable call) {
        long start = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            call.run();
        }
        return System.nanoTime() - start;
    }
}
