package dev.snapdeck.ui.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;

import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.RunQuery;
import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.service.ConnectionProfile;
import dev.snapdeck.service.Connector;
import dev.snapdeck.service.FileSecretStore;
import dev.snapdeck.service.ProfileStore;
import dev.snapdeck.service.Workspace;
import dev.snapdeck.testing.TestLocalServer;
import dev.snapdeck.ui.editor.RunSnapshotView;
import dev.snapdeck.ui.editor.RunSnapshotViewModel;
import dev.snapdeck.ui.shell.FxAuthPrompt;
import dev.snapdeck.ui.testing.FakeShell;

import atlantafx.base.theme.PrimerLight;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A session that ends while the user has unsaved edits in Run Snapshot, against a real local
 * server: signed in with a pasted token (which cannot renew itself), the user edits the YAML, the
 * token expires, Run asks to sign in again, and after a new token the same run starts with the
 * edits, which are still in the editor.
 */
@ExtendWith(ApplicationExtension.class)
class ExpiredSessionEndToEndTest {

    @TempDir
    static Path folder;
    private static TestLocalServer server;
    private static Workspace workspace;
    private static UUID snapshotId;

    private final FakeShell shell = new FakeShell();
    private BackgroundExecutor executor;
    private RunSnapshotView view;

    @BeforeAll
    static void signInWithAPastedToken() throws Exception {
        server = new TestLocalServer(folder.resolve("server"));
        server.start();
        snapshotId = server.snapshotOfExample("iris-session");
        ProfileStore profiles = new ProfileStore(folder.resolve("profiles.json"),
                new FileSecretStore(folder.resolve("secrets.json")));
        ConnectionProfile pasted = new ConnectionProfile("pasted", server.url(),
                ConnectionProfile.SignIn.TOKEN, null);
        profiles.save(pasted, server.login());
        profiles.activate(pasted.name());
        workspace = new Connector(profiles, server, new FxAuthPrompt(profiles::active))
                .connect(pasted);
    }

    @AfterAll
    static void stopServer() {
        workspace.close();
        server.close();
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        executor = BackgroundExecutor.create(Platform::runLater);
        view = new RunSnapshotView(new RunSnapshotViewModel(shell.context(workspace, executor),
                snapshotId));
        stage.setScene(new Scene(view, 1100, 700));
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(view::dispose);
        executor.close();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }

    @Test
    void runAsksToSignInAgainThenStartsWithTheEditsKept(FxRobot robot) throws Exception {
        Button run = robot.lookup("#" + RunSnapshotView.RUN_BUTTON_ID).queryButton();
        waitFor(() -> !run.isDisabled());
        robot.interact(() -> view.editor().updateText(
                view.editor().getText().replaceFirst("\\bk: \\d+", "k: 3")));
        TextArea request = robot.lookup("#" + RunSnapshotView.REQUEST_JSON_ID)
                .queryAs(TextArea.class);
        waitFor(() -> request.getText().contains("\"k\" : 3") && !run.isDisabled());
        String edited = view.editor().getText();

        server.expireTokens();
        robot.clickOn(run);
        waitFor(() -> robot.lookup("#" + FxAuthPrompt.SECRET_ID).tryQuery()
                .map(Node::isVisible).orElse(false));
        boolean keptWhileAsking = view.editor().getText().equals(edited);
        robot.clickOn("#" + FxAuthPrompt.SECRET_ID).write(server.login());
        robot.clickOn("OK");
        waitFor(() -> !shell.navigation.isEmpty());

        UUID runId = UUID.fromString(shell.navigation.get(0).substring("run ".length()));
        PipelineRun started = workspace.run(runId);
        assertTrue(keptWhileAsking);
        assertEquals(3, started.config().at("/steps/train_model/parameters/k").asInt(),
                started.config().toString());
        assertEquals(1, workspace.runs(new RunQuery()).total(), "started once, not twice");
        assertEquals(edited, view.editor().getText());
        assertTrue(view.editor().isDirty(), "the edits are still unsaved edits");
    }
}
