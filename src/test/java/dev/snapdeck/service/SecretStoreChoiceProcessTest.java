package dev.snapdeck.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The choice as a real process makes it, with the real keychain library, on Linux with a session
 * bus that cannot help: none at all, or one that takes the connection and never answers. Either
 * way the process must fall back to the owner-only file and say so, not hang.
 */
class SecretStoreChoiceProcessTest {

    @TempDir
    Path folder;

    @BeforeEach
    void onLinuxOnly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"),
                "Only Linux reaches its keychain over a session bus this test can replace");
    }

    @Test
    void withoutASessionBusSecretsGoToTheFile() throws Exception {
        String bus = "unix:path=" + folder.resolve("no-bus-here");

        String describe = describeWithSessionBus(bus);

        assertEquals("a file only you can read: " + folder.resolve("home/secrets.json"), describe);
    }

    @Test
    void busThatNeverAnswersIsGivenUpOnAndSecretsGoToTheFile() throws Exception {
        Path socket = folder.resolve("silent-bus");
        try (ServerSocketChannel silent = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            silent.bind(UnixDomainSocketAddress.of(socket));

            String describe = describeWithSessionBus("unix:path=" + socket);

            assertEquals("a file only you can read: " + folder.resolve("home/secrets.json"),
                    describe);
        }
    }

    private String describeWithSessionBus(String address) throws IOException, InterruptedException {
        Path out = folder.resolve("out.txt");
        Path err = folder.resolve("err.txt");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp",
                System.getProperty("java.class.path"), PrintSecretStore.class.getName(),
                folder.resolve("home").toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("DBUS_SESSION_BUS_ADDRESS", address);

        Process process = builder.start();
        try {
            // A guard against a hang, far above the probe's limit, not a measure of speed.
            boolean ended = process.waitFor(2, TimeUnit.MINUTES);
            assertTrue(ended, "The process did not end; its standard error:\n"
                    + Files.readString(err, StandardCharsets.UTF_8));
            assertEquals(0, process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
            return Files.readString(out, StandardCharsets.UTF_8).strip();
        } finally {
            process.destroyForcibly();
        }
    }
}
