package dev.snapdeck.ui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.service.ConnectionProfile.SignIn;
import dev.snapdeck.service.Connector;
import dev.snapdeck.service.FileSecretStore;
import dev.snapdeck.service.ProfileStore;
import dev.snapdeck.testing.TestLocalServer;
import dev.snapdeck.ui.shell.BannerModel;
import dev.snapdeck.ui.shell.Session;
import dev.snapdeck.ui.shell.StatusBarModel;
import dev.snapdeck.ui.testing.FakeShell;

/** The Connect dialog's logic against a real local server, signing in with a password. */
@Timeout(60)
class ConnectViewModelTest {

    @TempDir
    static Path serverFolder;
    private static TestLocalServer server;

    @TempDir
    Path home;
    private ProfileStore profiles;
    private final BannerModel banner = new BannerModel();
    private Session session;
    private ConnectViewModel viewModel;

    @BeforeAll
    static void startServer() throws Exception {
        server = new TestLocalServer(serverFolder);
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private void open() {
        BackgroundExecutor executor = BackgroundExecutor.sameThread();
        profiles = new ProfileStore(home.resolve("profiles.json"),
                new FileSecretStore(home.resolve("secrets.json")));
        Connector connector = new Connector(profiles, server, reason -> Optional.empty());
        session = new Session(executor, banner, new StatusBarModel(), new FakeShell());
        viewModel = new ConnectViewModel(executor, profiles, connector, session);
        viewModel.nameProperty().set("team");
        viewModel.urlProperty().set(server.url());
        viewModel.signInProperty().set(SignIn.PASSWORD);
        viewModel.usernameProperty().set("admin");
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void saysWrongCredentialsAfterOneAttemptAndSavesNothing() {
        open();
        viewModel.secretProperty().set("not-the-password");

        viewModel.connect();

        assertEquals("The server at " + server.url() + " did not accept this user name and "
                + "password. Nothing was saved.", viewModel.errorProperty().get());
        assertTrue(profiles.profiles().isEmpty());
        assertFalse(viewModel.connectedProperty().get());
    }

    @Test
    void savesAndActivatesAProfileTheServerAccepts() {
        open();
        viewModel.secretProperty().set(TestLocalServer.PASSWORD);

        viewModel.connect();

        assertTrue(viewModel.connectedProperty().get());
        assertEquals("team", profiles.active().orElseThrow().name());
        assertEquals(Optional.of(TestLocalServer.PASSWORD), profiles.secret("team"));
        assertNotNull(session.workspaceProperty().get());
        assertEquals("admin", session.workspaceProperty().get().connection().user().name());
    }

    @Test
    void usingTheLocalServerLeavesNoSavedProfileActiveForTheNextStart() {
        open();
        viewModel.secretProperty().set(TestLocalServer.PASSWORD);
        viewModel.connect();

        viewModel.useLocalServer();

        assertTrue(profiles.active().isEmpty());
        assertEquals("team", profiles.profiles().get(0).name(), "the profile itself is kept");
        assertEquals("local", session.workspaceProperty().get().connection().profile());
    }

    @Test
    void connectsAgainWithTheStoredSecretWhenNoneIsTyped() {
        open();
        viewModel.secretProperty().set(TestLocalServer.PASSWORD);
        viewModel.connect();
        open();

        viewModel.selectedProperty().set(profiles.profiles().get(0));
        viewModel.connect();

        assertEquals("", viewModel.errorProperty().get());
        assertTrue(viewModel.connectedProperty().get());
    }

    @Test
    void saysWhereSecretsAreKept() {
        open();

        assertEquals(profiles.secrets().describe(), viewModel.secretsLocation());
        assertTrue(viewModel.secretsLocation().contains("secrets.json"),
                viewModel.secretsLocation());
    }

    @Test
    void aBrokenSecretsFileIsNamedInTheDialogAndNothingIsSaved() throws Exception {
        Path secrets = home.resolve("secrets.json");
        Files.writeString(secrets, "oops");
        open();
        viewModel.secretProperty().set(TestLocalServer.PASSWORD);

        viewModel.connect();

        assertEquals("Cannot read the secrets file " + secrets + ": this is not valid JSON at line 1, "
                + "column 5. The connection was not saved.", viewModel.errorProperty().get());
        assertFalse(viewModel.connectedProperty().get());
        assertFalse(viewModel.busyProperty().get());
        assertTrue(profiles.profiles().isEmpty());
        assertEquals("oops", Files.readString(secrets));
    }

    @Test
    void aBrokenSecretsFileIsNamedWhenConnectingWithTheStoredSecret() throws Exception {
        open();
        viewModel.secretProperty().set(TestLocalServer.PASSWORD);
        viewModel.connect();
        Path secrets = home.resolve("secrets.json");
        Files.writeString(secrets, "{\"team\": ");
        open();
        viewModel.selectedProperty().set(profiles.profiles().get(0));

        viewModel.connect();

        assertEquals("Cannot read the secrets file " + secrets + ": the JSON ends too early at "
                + "line 1, column 10", viewModel.errorProperty().get());
        assertFalse(viewModel.busyProperty().get());
    }

    @Test
    void aBrokenConnectionsFileIsNamedWhenTheDialogOpensAndIsLeftAlone() throws Exception {
        Path file = home.resolve("profiles.json");
        Files.writeString(file, "[]");

        open();

        assertEquals("Cannot read the connections file " + file + ": the file holds the wrong kind "
                + "of value (expected an object) at line 1, column 1", viewModel.errorProperty().get());
        assertTrue(viewModel.getProfiles().isEmpty());
        assertEquals("[]", Files.readString(file));
    }

    @Test
    void theLocalServerCanBeChosenWhileTheConnectionsFileIsBroken() throws Exception {
        Path file = home.resolve("profiles.json");
        Files.writeString(file, "[]");
        open();

        viewModel.useLocalServer();

        assertTrue(viewModel.connectedProperty().get());
        assertEquals("local", session.workspaceProperty().get().connection().profile());
        assertEquals(BannerModel.Severity.WARNING, banner.severityProperty().get());
        assertTrue(banner.messageProperty().get().startsWith("Cannot read the connections file "
                + file), banner.messageProperty().get());
        assertTrue(banner.messageProperty().get().endsWith(Session.LOCAL_UNTIL_MENDED));
        assertEquals("[]", Files.readString(file));
    }
}
