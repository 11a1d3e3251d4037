package dev.snapdeck.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MainViewModelTest {

    private final Preferences node = Preferences.userRoot()
            .node("dev/snapdeck/test/" + UUID.randomUUID());
    private final ShellPreferences preferences = new ShellPreferences(node);

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void opensOnSnapshots() {
        MainViewModel viewModel = new MainViewModel(preferences);

        assertEquals(Screen.SNAPSHOTS, viewModel.selectedScreenProperty().get());
    }

    @Test
    void switchesScreensBySidebarNumberAndIgnoresOthers() {
        MainViewModel viewModel = new MainViewModel(preferences);

        viewModel.showScreenNumber(3);
        Screen afterThree = viewModel.selectedScreenProperty().get();
        viewModel.showScreenNumber(9);

        assertEquals(Screen.RUNS, afterThree);
        assertEquals(Screen.RUNS, viewModel.selectedScreenProperty().get());
    }

    @Test
    void tellsTheScreenLeftThatItIsHiddenAndTheScreenShownThatItIsShown() {
        MainViewModel viewModel = new MainViewModel(preferences);
        List<String> told = new ArrayList<>();
        viewModel.setShowHandlers(Screen.SNAPSHOTS, () -> told.add("snapshots shown"),
                () -> told.add("snapshots hidden"));
        viewModel.setShowHandlers(Screen.RUNS, () -> told.add("runs shown"),
                () -> told.add("runs hidden"));

        viewModel.showScreen(Screen.RUNS);
        viewModel.showScreen(Screen.RUNS);
        viewModel.showScreen(Screen.PIPELINES);
        viewModel.showScreen(Screen.SNAPSHOTS);

        assertEquals(List.of("snapshots hidden", "runs shown", "runs hidden", "snapshots shown"),
                told);
    }

    @Test
    void refreshRunsOnlyTheShownScreensHandler() {
        MainViewModel viewModel = new MainViewModel(preferences);
        List<Screen> refreshed = new ArrayList<>();
        viewModel.setRefreshHandler(Screen.SNAPSHOTS, () -> refreshed.add(Screen.SNAPSHOTS));
        viewModel.setRefreshHandler(Screen.RUNS, () -> refreshed.add(Screen.RUNS));

        viewModel.showScreen(Screen.RUNS);
        viewModel.refresh();
        viewModel.showScreen(Screen.PIPELINES);
        viewModel.refresh();

        assertEquals(List.of(Screen.RUNS), refreshed);
    }

    @Test
    void remembersTheThemeForTheNextStart() {
        MainViewModel first = new MainViewModel(preferences);

        first.toggleTheme();
        MainViewModel second = new MainViewModel(new ShellPreferences(node));

        assertEquals(Theme.DARK, second.themeProperty().get());
    }

    @Test
    void bannerShowsAndHidesAMessage() {
        BannerModel banner = new BannerModel();

        banner.show(BannerModel.Severity.WARNING, "Server unreachable — reconnecting…");
        boolean shown = banner.visibleProperty().get();
        banner.hide();

        assertTrue(shown);
        assertFalse(banner.visibleProperty().get());
        assertEquals(BannerModel.Severity.WARNING, banner.severityProperty().get());
        assertEquals("Server unreachable — reconnecting…", banner.messageProperty().get());
    }

    @Test
    void statusBarTextsFollowTheConnection() {
        StatusBarModel status = new StatusBarModel();
        String before = status.serverText().get();

        status.serverUrlProperty().set("https://zenml.example.org");
        status.localProperty().set(false);
        status.serverVersionProperty().set("0.91.0");
        status.canRunSnapshotsProperty().set(true);

        assertEquals("Not connected", before);
        assertEquals("https://zenml.example.org", status.serverText().get());
        assertEquals("remote", status.modeText().get());
        assertEquals("v0.91.0", status.versionText().get());
        assertEquals("Can run snapshots", status.canRunText().get());
        assertEquals("not signed in", status.userText().get());
    }
}
