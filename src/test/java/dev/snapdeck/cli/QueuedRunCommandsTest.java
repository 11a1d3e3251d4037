package dev.snapdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import dev.snapdeck.server.LocalServer;
import dev.snapdeck.server.ServerOptions;
import dev.snapdeck.testing.GatePipeline;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --wait} on a local server with room for one step: a run that must wait for the room says
 * so once, then follows its steps as usual.
 */
@DisabledOnOs(OS.WINDOWS)
@Timeout(180)
class QueuedRunCommandsTest {

    private static final String PASSWORD = "queued-pw";

    @TempDir
    Path root;

    private LocalServer server;
    private CliHarness cli;

    @BeforeEach
    void start() throws Exception {
        // The step says it started, then holds its slot until the test lets it go.
        GatePipeline.writeInto(root.resolve("pipelines"));
        server = LocalServer.start(new ServerOptions(null, 0, root.resolve("data"),
                root.resolve("pipelines"), () -> PASSWORD, null).withMaxParallelSteps(1));
        cli = new CliHarness(root.resolve("home")).signedIn(server.url().toString(), "one-slot",
                "admin", PASSWORD);
        CliHarness.Result created = cli.run("pipeline", "snapshot", "create", "gate",
                "--name", "gate");
        assertEquals(0, created.code(), created.err());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void waitSaysOnceThatTheRunIsQueuedThenFollowsItsStep() throws Exception {
        CliHarness.Result first = cli.run("pipeline", "snapshot", "run", "gate",
                "--config", config("first"));
        assertEquals(0, first.code(), first.err());
        awaitFile(root.resolve("first.started"));

        CliHarness.Running second = cli.start("pipeline", "snapshot", "run", "gate", "--config",
                config("second"), "--wait", "--poll-interval", "50");
        second.awaitOutput("is queued: it waits to start.");
        Files.createFile(root.resolve("first.release"));
        Files.createFile(root.resolve("second.release"));
        CliHarness.Result ended = second.join();

        assertEquals(0, ended.code(), ended.out() + ended.err());
        long queuedLines = ended.out().lines()
                .filter(line -> line.endsWith("is queued: it waits to start.")).count();
        assertEquals(1, queuedLines, ended.out());
        assertTrue(ended.out().indexOf("is queued") < ended.out().indexOf("  hold: completed"),
                ended.out());
    }

    private String config(String name) throws IOException {
        return Files.writeString(root.resolve(name + ".yaml"), "steps:\n  hold:\n    parameters:\n"
                + "      started: '" + root.resolve(name + ".started") + "'\n"
                + "      release: '" + root.resolve(name + ".release") + "'\n").toString();
    }

    private static void awaitFile(Path file) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!Files.exists(file) && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertTrue(Files.exists(file), file + " did not appear");
    }
}
