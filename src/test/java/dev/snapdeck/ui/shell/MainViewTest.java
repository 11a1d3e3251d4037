package dev.snapdeck.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import atlantafx.base.theme.PrimerDark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainViewTest {

    private static final Preferences ROOT = Preferences.userRoot()
            .node("dev/snapdeck/test/" + UUID.randomUUID());

    private final Preferences node = ROOT.node(UUID.randomUUID().toString());
    private final AtomicInteger runsCreated = new AtomicInteger();
    private MainViewModel viewModel;
    private MainView view;

    @Start
    void start(Stage stage) {
        viewModel = new MainViewModel(new ShellPreferences(node));
        Map<Screen, Supplier<Node>> screens = Map.of(
                Screen.SNAPSHOTS, () -> screen("snapshotsScreen"),
                Screen.RUNS, () -> {
                    runsCreated.incrementAndGet();
                    return screen("runsScreen");
                });
        view = new MainView(viewModel, screens);
        stage.setScene(new Scene(view, 900, 600));
        view.rememberWindow(stage);
        stage.show();
    }

    /** After all tests, since TestFX hides each test's window (which saves) after @AfterEach. */
    @AfterAll
    static void removeNodes() throws BackingStoreException {
        ROOT.removeNode();
    }

    private static Node screen(String id) {
        TextField search = new TextField();
        search.setId(MainView.SEARCH_FIELD_ID);
        VBox box = new VBox(new Label(id), new TextField(), search);
        box.setId(id);
        return box;
    }

    @Test
    void listsSnapshotsFirstAndShowsIt(FxRobot robot) {
        List<Node> items = List.copyOf(robot.lookup("." + MainView.NAV_CLASS).queryAll());

        assertEquals("navSnapshots", items.get(0).getId());
        assertSame(robot.lookup("#snapshotsScreen").query(), view.currentScreen());
    }

    @Test
    void clickingTheSidebarShowsTheScreenAndKeepsIt(FxRobot robot) {
        robot.clickOn("#navRuns");
        Node runs = view.currentScreen();
        robot.clickOn("#navSnapshots");
        robot.clickOn("#navRuns");

        assertEquals("runsScreen", runs.getId());
        assertSame(runs, view.currentScreen());
        assertEquals(1, runsCreated.get());
    }

    @Test
    void theSidebarNeverShrinksBelowItsLabels(FxRobot robot) {
        SplitPane split = robot.lookup(".split-pane").queryAs(SplitPane.class);

        robot.interact(() -> split.setDividerPositions(0.0));
        WaitForAsyncUtils.waitForFxEvents();

        for (Node item : robot.lookup("." + MainView.NAV_CLASS).queryAll()) {
            Labeled label = (Labeled) item;
            assertTrue(label.getWidth() >= label.prefWidth(-1) - 0.5,
                    label.getText() + " is cut: " + label.getWidth() + " < "
                            + label.prefWidth(-1));
        }
    }

    @Test
    void aWarningCanBeHiddenButProgressCannot(FxRobot robot) {
        robot.interact(() -> viewModel.banner().show(BannerModel.Severity.INFO, "Connecting…"));
        boolean dismissableWhileConnecting = robot.lookup("#" + MainView.BANNER_DISMISS_ID)
                .query().isVisible();
        robot.interact(() -> viewModel.banner().show(BannerModel.Severity.WARNING,
                "Cannot read the connections file"));

        robot.clickOn("#" + MainView.BANNER_DISMISS_ID);

        assertFalse(dismissableWhileConnecting);
        assertFalse(viewModel.banner().visibleProperty().get());
    }

    @Test
    void saysWhenAScreenIsNotPluggedIn(FxRobot robot) {
        robot.clickOn("#navPipelines");

        assertEquals("Pipelines is not available yet", ((Label) view.currentScreen()).getText());
    }

    @Test
    void ctrlDigitsSwitchScreens(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        Screen afterThree = viewModel.selectedScreenProperty().get();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);

        assertEquals(Screen.RUNS, afterThree);
        assertEquals(Screen.PIPELINES, viewModel.selectedScreenProperty().get());
    }

    @Test
    void f5RefreshesTheCurrentScreen(FxRobot robot) {
        AtomicInteger refreshes = new AtomicInteger();
        viewModel.setRefreshHandler(Screen.SNAPSHOTS, refreshes::incrementAndGet);

        robot.type(KeyCode.F5);

        assertEquals(1, refreshes.get());
    }

    @Test
    void ctrlFFocusesTheScreensSearchField(FxRobot robot) {
        robot.clickOn("#navRuns");

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);

        Node search = robot.lookup("#runsScreen #" + MainView.SEARCH_FIELD_ID).query();
        assertTrue(search.isFocused());
    }

    @Test
    void bannerAppearsWithTheModel(FxRobot robot) {
        Node banner = robot.lookup("#" + MainView.BANNER_ID).query();
        boolean hiddenAtFirst = !banner.isVisible();

        robot.interact(() -> viewModel.banner().show(BannerModel.Severity.ERROR,
                "Server unreachable — reconnecting…"));

        assertTrue(hiddenAtFirst);
        assertTrue(banner.isVisible());
        assertTrue(banner.getStyleClass().contains("banner-error"));
        assertEquals("Server unreachable — reconnecting…",
                robot.lookup("#" + MainView.BANNER_MESSAGE_ID).queryAs(Label.class).getText());
    }

    @Test
    void statusBarShowsTheConnection(FxRobot robot) {
        robot.interact(() -> {
            StatusBarModel status = viewModel.statusBar();
            status.serverUrlProperty().set("http://127.0.0.1:8237");
            status.serverVersionProperty().set("0.91.0");
            status.userProperty().set("admin");
            status.canRunSnapshotsProperty().set(true);
        });

        assertEquals("http://127.0.0.1:8237", text(robot, MainView.STATUS_SERVER_ID));
        assertEquals("v0.91.0", text(robot, MainView.STATUS_VERSION_ID));
        assertEquals("local", text(robot, MainView.STATUS_MODE_ID));
        assertEquals("admin", text(robot, MainView.STATUS_USER_ID));
        assertEquals("Can run snapshots", text(robot, MainView.STATUS_CAN_RUN_ID));
    }

    @Test
    void themeToggleSwitchesToDarkAndRemembersIt(FxRobot robot) {
        robot.clickOn("#" + MainView.THEME_TOGGLE_ID);

        assertEquals(new PrimerDark().getUserAgentStylesheet(),
                Application.getUserAgentStylesheet());
        assertEquals(Theme.DARK, new ShellPreferences(node).theme());
        robot.clickOn("#" + MainView.THEME_TOGGLE_ID);
        assertFalse(Application.getUserAgentStylesheet().contains("dark"));
    }

    @Test
    void remembersWindowGeometryWhenTheWindowCloses(FxRobot robot) {
        Stage stage = (Stage) view.getScene().getWindow();

        robot.interact(() -> {
            stage.setX(40);
            stage.setWidth(1111);
            stage.hide();
        });

        WindowState saved = new ShellPreferences(node).windowState().orElseThrow();
        assertEquals(40, saved.x());
        assertEquals(1111, saved.width());
        assertFalse(saved.maximized());
    }

    @Test
    void aSavedWindowTooSmallOrOffEveryScreenComesBackUsableAndVisible() {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();

        WindowState fitted = MainView.fitted(new WindowState(screen.getMaxX() + 5000, screen.getMaxY() + 5000,
                200, 175, false));

        assertEquals(Math.min(MainView.MIN_WIDTH, screen.getWidth()), fitted.width());
        assertEquals(Math.min(MainView.MIN_HEIGHT, screen.getHeight()), fitted.height());
        assertTrue(screen.contains(fitted.x(), fitted.y(), fitted.width(), fitted.height()), fitted.toString());
    }

    @Test
    void restartsAtAnyWindowWidthKeepTheSidebarWidthAndTheWindowSize(FxRobot robot) {
        Preferences restarts = ROOT.node(UUID.randomUUID().toString());
        double screenWidth = javafx.stage.Screen.getPrimary().getVisualBounds().getWidth();
        double[] widths = {Math.min(1250, screenWidth), 1000, 1100};

        // First start: the user drags the sidebar wider and leaves the window at the first width.
        MainView first = start(robot, restarts);
        Stage stage = (Stage) first.getScene().getWindow();
        robot.interact(() -> stage.setWidth(widths[0]));
        robot.drag(robot.from(first).lookup(".split-pane-divider").queryAs(Node.class)).dropBy(60, 0);
        double sidebar = sidebarWidth(first);
        double height = stage.getHeight();
        robot.interact(stage::hide);

        for (int restart = 1; restart < widths.length; restart++) {
            MainView again = start(robot, restarts);
            WaitForAsyncUtils.waitForFxEvents();
            Stage window = (Stage) again.getScene().getWindow();

            assertEquals(widths[restart - 1], window.getWidth(), "window width after restart " + restart);
            assertEquals(height, window.getHeight(), "window height after restart " + restart);
            assertEquals(sidebar, sidebarWidth(again), 1, "sidebar width after restart " + restart);
            double newWidth = widths[restart];
            robot.interact(() -> window.setWidth(newWidth));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(sidebar, sidebarWidth(again), 1, "sidebar width in a resized window");
            robot.interact(window::hide);
        }
    }

    @Test
    void opensAtTheSavedSizeThoughTheSizeIsLostWhileTheWindowOpens(FxRobot robot) {
        Preferences saved = ROOT.node(UUID.randomUUID().toString());
        new ShellPreferences(saved).saveWindowState(new WindowState(20, 30, 1100, 700, false));
        AtomicReference<Stage> opened = new AtomicReference<>();

        // As JavaFX 21's GTK glass does under openbox: the size set before showing is gone once shown.
        robot.interact(() -> {
            MainView again = new MainView(new MainViewModel(new ShellPreferences(saved)), Map.of());
            Stage stage = new Stage();
            stage.setScene(new Scene(again, 1200, 760));
            again.rememberWindow(stage);
            stage.setWidth(200);
            stage.setHeight(200);
            stage.show();
            opened.set(stage);
        });

        assertEquals(1100, opened.get().getWidth());
        assertEquals(700, opened.get().getHeight());
        robot.interact(opened.get()::hide);
    }

    /** A start of the dashboard's window as DashboardApp does it, on the given preferences. */
    private static MainView start(FxRobot robot, Preferences preferences) {
        AtomicReference<MainView> started = new AtomicReference<>();
        robot.interact(() -> started.set(start(preferences)));
        return started.get();
    }

    private static MainView start(Preferences preferences) {
        MainView view = new MainView(new MainViewModel(new ShellPreferences(preferences)),
                Map.of(Screen.SNAPSHOTS, () -> screen("snapshotsScreen")));
        Stage stage = new Stage();
        stage.setScene(new Scene(view, 1200, 760));
        view.rememberWindow(stage);
        stage.show();
        return view;
    }

    private static double sidebarWidth(MainView view) {
        return ((Region) view.mainSplit().getItems().get(0)).getWidth();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }
}
