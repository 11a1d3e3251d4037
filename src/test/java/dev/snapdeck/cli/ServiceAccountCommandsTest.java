package dev.snapdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.snapdeck.server.LocalServer;
import dev.snapdeck.server.ServerOptions;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code snapdeck service-account ...} against the real local server, keys tried by logging in. */
@Timeout(120)
class ServiceAccountCommandsTest {

    private static final String PASSWORD = "s3cret-admin";

    @TempDir
    Path data;

    @TempDir
    Path home;

    @TempDir
    Path otherHome;

    private LocalServer server;
    private CliHarness admin;

    @BeforeEach
    void start() throws Exception {
        server = LocalServer.start(new ServerOptions(null, 0, data, null, () -> PASSWORD, null));
        admin = new CliHarness(home).signedIn(server.url().toString(), "local", "admin", PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void createPrintsTheKeyOnceUnderAWarningAndTheKeySignsIn() {
        CliHarness.Result created = admin.run("service-account", "create", "ci",
                "--description", "Nightly builds");

        assertEquals(0, created.code(), created.err());
        List<String> lines = created.out().lines().toList();
        assertEquals(3, lines.size(), created.out());
        assertTrue(lines.get(0).startsWith("Created service account ci ("), lines.get(0));
        assertTrue(lines.get(0).endsWith(") with API key 'default'."), lines.get(0));
        assertEquals(NewKeyOutput.WARNING, lines.get(1));
        assertTrue(lines.get(2).startsWith("ZENKEY_"), lines.get(2));
        assertEquals("ci", signInWith(lines.get(2)).path("user").asText());
    }

    @Test
    void createWithJsonOutputPutsTheKeyInTheJsonAndTheWarningOnStandardError() {
        CliHarness.Result created = admin.run("service-account", "create", "ci", "--output",
                "json");

        assertEquals(0, created.code(), created.err());
        JsonNode account = json(created.out());
        assertEquals("ci", account.path("name").asText());
        assertEquals("default", account.at("/api_key/name").asText());
        assertTrue(account.at("/api_key/key").asText().startsWith("ZENKEY_"), created.out());
        assertEquals(List.of("warning: " + NewKeyOutput.WARNING), created.errLines());
    }

    @Test
    void listShowsTheAccounts() {
        admin.run("service-account", "create", "ci");
        admin.run("service-account", "create", "deploy");

        CliHarness.Result table = admin.run("service-account", "list");
        CliHarness.Result json = admin.run("service-account", "list", "--output", "json");

        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().startsWith("ID"), table.out());
        assertTrue(table.out().contains(" ci ") && table.out().contains(" deploy "),
                table.out());
        assertEquals(List.of("ci", "deploy"), json(json.out()).findValuesAsText("name"));
    }

    @Test
    void aTakenNameIsOneLineAndExitsOne() {
        admin.run("service-account", "create", "ci");

        CliHarness.Result again = admin.run("service-account", "create", "ci");

        assertEquals(ExitCode.PROBLEM, again.code());
        assertEquals(1, again.errLines().size(), again.err());
        assertTrue(again.err().contains("'ci' already exists"), again.err());
    }

    @Test
    void deleteWithoutATerminalNeedsYesAndThenTheKeyStopsWorking() {
        String key = keyOf(admin.run("service-account", "create", "ci", "--output", "json"));

        CliHarness.Result refused = admin.run("service-account", "delete", "ci");
        CliHarness.Result deleted = admin.run("service-account", "delete", "ci", "--yes");

        assertEquals(ExitCode.USAGE, refused.code());
        assertTrue(refused.err().contains("without --yes"), refused.err());
        assertEquals(0, deleted.code(), deleted.err());
        assertTrue(deleted.out().startsWith("Deleted service account ci ("), deleted.out());
        assertEquals(ExitCode.AUTH, loginWith(key).code());
    }

    @Test
    void deleteAsksAtATerminalAndKeepsTheAccountOnNo() {
        admin.run("service-account", "create", "ci");

        CliHarness.Result kept = admin.terminalAnswering("n").run("service-account", "delete",
                "ci");

        assertEquals(ExitCode.PROBLEM, kept.code());
        assertTrue(kept.out().startsWith("Kept service account ci"), kept.out());
        assertTrue(admin.run("service-account", "list").out().contains(" ci "));
    }

    @Test
    void anUnknownAccountIsNotFound() {
        CliHarness.Result deleted = admin.run("service-account", "delete", "nobody", "--yes");

        assertEquals(ExitCode.NOT_FOUND, deleted.code());
        assertEquals(1, deleted.errLines().size(), deleted.err());
        assertTrue(deleted.err().contains("nobody"), deleted.err());
    }

    @Test
    void rotatingAKeyStopsTheOldSecretAndPrintsTheNewOne() {
        String old = keyOf(admin.run("service-account", "create", "ci", "--output", "json"));

        CliHarness.Result rotated = admin.run("service-account", "api-key", "rotate", "ci",
                "default");

        assertEquals(0, rotated.code(), rotated.err());
        List<String> lines = rotated.out().lines().toList();
        assertTrue(lines.get(0).contains("the old one no longer works"), rotated.out());
        String fresh = lines.get(2);
        assertFalse(fresh.equals(old));
        assertEquals(ExitCode.AUTH, loginWith(old).code());
        assertEquals("ci", signInWith(fresh).path("user").asText());
    }

    @Test
    void rotatingWithARetainPeriodKeepsTheOldSecretWorking() {
        String old = keyOf(admin.run("service-account", "create", "ci", "--output", "json"));

        CliHarness.Result rotated = admin.run("service-account", "api-key", "rotate", "ci",
                "default", "--retain", "30", "--output", "json");

        assertEquals(0, rotated.code(), rotated.err());
        assertTrue(json(rotated.out()).at("/api_key/key").asText().startsWith("ZENKEY_"));
        assertEquals(0, loginWith(old).code());
    }

    @Test
    void aSecondKeyCanBeCreatedAndDeleted() {
        admin.run("service-account", "create", "ci");

        CliHarness.Result created = admin.run("service-account", "api-key", "create", "ci",
                "backup", "--output", "json");
        String backup = json(created.out()).at("/api_key/key").asText();
        int beforeDelete = loginWith(backup).code();
        CliHarness.Result deleted = admin.run("service-account", "api-key", "delete", "ci",
                "backup", "--yes");

        assertEquals(0, created.code(), created.err());
        assertEquals("ci", json(created.out()).path("service_account").asText());
        assertEquals(0, beforeDelete);
        assertEquals(0, deleted.code(), deleted.err());
        assertEquals(ExitCode.AUTH, loginWith(backup).code());
    }

    @Test
    void aServiceAccountMayNotManageAccounts() {
        String key = keyOf(admin.run("service-account", "create", "ci", "--output", "json"));
        CliHarness machine = new CliHarness(otherHome);
        machine.runWithInput(key + "\n", "login", server.url().toString(), "--api-key-stdin");

        CliHarness.Result refused = machine.run("service-account", "create", "another");

        assertEquals(ExitCode.PROBLEM, refused.code());
        assertEquals(List.of("error: not allowed: Only the admin may manage service accounts."),
                refused.errLines());
    }

    private CliHarness.Result loginWith(String key) {
        return new CliHarness(otherHome).runWithInput(key + "\n", "login",
                server.url().toString(), "--name", "machine", "--api-key-stdin");
    }

    /** Signs in with the key in a data folder of its own, and answers its status. */
    private JsonNode signInWith(String key) {
        CliHarness.Result login = loginWith(key);
        assertEquals(0, login.code(), login.err());
        return json(new CliHarness(otherHome).run("status", "--output", "json").out());
    }

    private static String keyOf(CliHarness.Result created) {
        assertEquals(0, created.code(), created.err());
        return json(created.out()).at("/api_key/key").asText();
    }

    private static JsonNode json(String text) {
        try {
            return ZenmlFixtures.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
