package dev.snapdeck.ui.shell;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.event.EventHandler;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The app shell: banner on top, sidebar on the left, the selected screen in the middle and the
 * status bar at the bottom. Screens are plugged in as suppliers, each called once, when the screen
 * is first shown.
 *
 * <p>Shortcuts: Ctrl+1/2/3 switch screens, F5 refreshes the current one (see
 * {@link MainViewModel#setRefreshHandler}), Ctrl+F focuses the node with id
 * {@value #SEARCH_FIELD_ID} inside the current screen.
 */
public final class MainView extends BorderPane {

    /**
     * The smallest the window goes. Screens are laid out for 1024x700; down to this size every
     * screen still works, with some column headers and filter labels shortened (as the README says).
     */
    static final double MIN_WIDTH = 960;
    static final double MIN_HEIGHT = 600;
    /** The sidebar's width (up to the middle of its divider) until the user drags it. */
    static final double DEFAULT_SIDEBAR_WIDTH = 192;
    /** However wide it was dragged, the sidebar leaves the larger part of the window to the screen. */
    private static final double MAX_SIDEBAR_SHARE = 0.5;
    private static final String DIVIDER_CLASS = "split-pane-divider";

    public static final String SEARCH_FIELD_ID = "searchField";
    public static final String CONTENT_ID = "content";
    public static final String BANNER_ID = "banner";
    public static final String BANNER_MESSAGE_ID = "bannerMessage";
    public static final String BANNER_DISMISS_ID = "bannerDismiss";
    public static final String THEME_TOGGLE_ID = "themeToggle";
    public static final String STATUS_SERVER_ID = "statusServer";
    public static final String STATUS_VERSION_ID = "statusVersion";
    public static final String STATUS_MODE_ID = "statusMode";
    public static final String STATUS_USER_ID = "statusUser";
    public static final String STATUS_CAN_RUN_ID = "statusCanRun";
    private static final String WINDOW_SAVER = MainView.class.getName() + ".windowSaver";
    static final String STYLE_CLASS = "main-view";
    static final String SIDEBAR_CLASS = "sidebar";
    static final String NAV_CLASS = "nav-item";
    static final String BANNER_CLASS = "banner";
    static final String STATUS_BAR_CLASS = "status-bar";
    static final String CAN_RUN_CLASS = "can-run";
    static final String CANNOT_RUN_CLASS = "cannot-run";

    private static final Map<Screen, Feather> ICONS = Map.of(Screen.SNAPSHOTS, Feather.CAMERA,
            Screen.PIPELINES, Feather.GIT_MERGE, Screen.RUNS, Feather.ACTIVITY);

    private final MainViewModel viewModel;
    private final Map<Screen, Supplier<Node>> screenFactories = new EnumMap<>(Screen.class);
    private final Map<Screen, Node> screens = new EnumMap<>(Screen.class);
    private final StackPane content = new StackPane();
    private final ToggleGroup navigation = new ToggleGroup();
    private final SplitPane split = new SplitPane();
    private final VBox sidebarActions = new VBox(4);
    private double sidebarWidth;
    private boolean draggingDivider;

    public MainView(MainViewModel viewModel, Map<Screen, Supplier<Node>> screenFactories) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        // Not new EnumMap<>(map): that throws for an empty map, and no screen plugged in is allowed.
        this.screenFactories.putAll(screenFactories);
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(MainView.class.getResource("MainView.css").toExternalForm());

        content.setId(CONTENT_ID);
        content.getStyleClass().add("content");
        split.getItems().addAll(createSidebar(), content);
        sidebarWidth = viewModel.preferences().sidebarWidth().orElse(DEFAULT_SIDEBAR_WIDTH);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        keepSidebarWidth();
        setTop(createBanner());
        setCenter(split);
        setBottom(createStatusBar());

        viewModel.selectedScreenProperty().addListener((obs, old, now) -> show(now));
        show(viewModel.selectedScreenProperty().get());
        applyTheme(viewModel.themeProperty().get());
        viewModel.themeProperty().addListener((obs, old, now) -> applyTheme(now));
        sceneProperty().addListener((obs, old, scene) -> installShortcuts(scene));
    }

    /** The node of the screen shown now. */
    public Node currentScreen() {
        return screens.get(viewModel.selectedScreenProperty().get());
    }

    /** Focuses the current screen's search field, if it has one. Returns whether it did. */
    public boolean focusSearch() {
        Node screen = currentScreen();
        Node field = screen == null ? null : screen.lookup("#" + SEARCH_FIELD_ID);
        if (field == null) {
            return false;
        }
        field.requestFocus();
        return true;
    }

    /**
     * Restores the window's size and position from the preferences (or, the first time, gives it
     * its scene's size, fitted to the screen) and saves them when the window closes.
     */
    public void rememberWindow(Stage stage) {
        ShellPreferences preferences = viewModel.preferences();
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        // The minimum belongs to this view: a stage that goes on to show something else drops it.
        stage.sceneProperty().addListener((obs, old, now) -> {
            if (now == null || now.getRoot() != this) {
                stage.setMinWidth(0);
                stage.setMinHeight(0);
            }
        });
        WindowState wanted = preferences.windowState().map(MainView::fitted)
                .orElseGet(() -> firstWindow(stage));
        place(stage, wanted);
        if (!stage.isShowing()) {
            placeAgainOnceShown(stage, wanted);
        }

        // One saver per stage: a stage that shows a new MainView must not keep the old saver.
        Object previous = stage.getProperties().get(WINDOW_SAVER);
        if (previous instanceof WindowSaver) {
            stage.removeEventHandler(WindowEvent.WINDOW_HIDING, (WindowSaver) previous);
        }
        WindowSaver saver = new WindowSaver(stage, preferences);
        stage.getProperties().put(WINDOW_SAVER, saver);
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, saver);
    }

    private static void place(Stage stage, WindowState state) {
        stage.setX(state.x());
        stage.setY(state.y());
        stage.setWidth(state.width());
        stage.setHeight(state.height());
        stage.setMaximized(state.maximized());
    }

    /**
     * Places the window once more when it is first shown. Known shortcoming of JavaFX 21's GTK
     * glass (probably JDK-8316423, fixed in JavaFX 22): under some window managers (seen with
     * openbox) a window given a size before it shows falls back to GTK's default 200x200 once the
     * manager has framed it, which the minimum then turns into 960x600, so every start opened at the
     * minimum. Set again once shown, the size sticks. Monocle, which the tests run on, never loses it.
     */
    private static void placeAgainOnceShown(Stage stage, WindowState wanted) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new EventHandler<>() {
            @Override
            public void handle(WindowEvent event) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                place(stage, wanted);
            }
        });
    }

    /** A window never saved: as large as its scene asks (DashboardApp's default size), centred. */
    private static WindowState firstWindow(Stage stage) {
        Scene scene = stage.getScene();
        return centred(scene == null ? MIN_WIDTH : Math.max(MIN_WIDTH, scene.getWidth()),
                scene == null ? MIN_HEIGHT : Math.max(MIN_HEIGHT, scene.getHeight()), false);
    }

    /**
     * A saved window made to fit the screens there are now: at least the minimum size, no larger
     * than the screen it was on, and on a screen at all (a monitor may have gone); else centred on
     * the primary screen.
     */
    static WindowState fitted(WindowState saved) {
        double width = Math.max(MIN_WIDTH, saved.width());
        double height = Math.max(MIN_HEIGHT, saved.height());
        List<javafx.stage.Screen> screens = javafx.stage.Screen.getScreensForRectangle(saved.x(), saved.y(),
                width, height);
        if (screens.isEmpty()) {
            return centred(width, height, saved.maximized());
        }
        Rectangle2D bounds = screens.get(0).getVisualBounds();
        width = Math.min(width, bounds.getWidth());
        height = Math.min(height, bounds.getHeight());
        double x = Math.max(bounds.getMinX(), Math.min(saved.x(), bounds.getMaxX() - width));
        double y = Math.max(bounds.getMinY(), Math.min(saved.y(), bounds.getMaxY() - height));
        return new WindowState(x, y, width, height, saved.maximized());
    }

    /** A window of the given size, or smaller where the primary screen is, in the middle of it. */
    private static WindowState centred(double width, double height, boolean maximized) {
        Rectangle2D bounds = javafx.stage.Screen.getPrimary().getVisualBounds();
        double fittedWidth = Math.min(width, bounds.getWidth());
        double fittedHeight = Math.min(height, bounds.getHeight());
        return new WindowState(bounds.getMinX() + (bounds.getWidth() - fittedWidth) / 2,
                bounds.getMinY() + (bounds.getHeight() - fittedHeight) / 2, fittedWidth, fittedHeight,
                maximized);
    }

    private static final class WindowSaver implements EventHandler<WindowEvent> {

        private final Stage stage;
        private final ShellPreferences preferences;

        WindowSaver(Stage stage, ShellPreferences preferences) {
            this.stage = stage;
            this.preferences = preferences;
        }

        @Override
        public void handle(WindowEvent event) {
            preferences.saveWindowState(new WindowState(stage.getX(), stage.getY(),
                    stage.getWidth(), stage.getHeight(), stage.isMaximized()));
        }
    }

    /**
     * Keeps the sidebar at the width last dragged to, in pixels, whatever the window's width: the
     * divider is placed again whenever the split pane's width changes, so neither a window opening
     * at another size nor one squeezed for a moment while the window manager frames it moves it.
     * Only a drag of the divider changes (and saves) the width.
     */
    private void keepSidebarWidth() {
        split.widthProperty().addListener((obs, old, now) -> placeDivider());
        split.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> draggingDivider = isOnDivider(e.getTarget()));
        split.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (draggingDivider) {
                draggingDivider = false;
                sidebarWidth = split.getDividers().get(0).getPosition() * split.getWidth();
                viewModel.preferences().saveSidebarWidth(sidebarWidth);
            }
        });
    }

    private void placeDivider() {
        double width = split.getWidth();
        if (width > 0) {
            split.setDividerPosition(0, Math.min(sidebarWidth, width * MAX_SIDEBAR_SHARE) / width);
        }
    }

    private boolean isOnDivider(Object target) {
        for (Node node = target instanceof Node ? (Node) target : null; node != null && node != split;
                node = node.getParent()) {
            if (node.getStyleClass().contains(DIVIDER_CLASS)) {
                return true;
            }
        }
        return false;
    }

    /** Adds an action (e.g. Connect…) to the bottom of the sidebar, styled like its items. */
    public void addSidebarAction(Button action) {
        action.getStyleClass().add(NAV_CLASS);
        action.setMaxWidth(Double.MAX_VALUE);
        sidebarActions.getChildren().add(action);
    }

    SplitPane mainSplit() {
        return split;
    }

    private void show(Screen screen) {
        Node node = screens.computeIfAbsent(screen, this::createScreen);
        content.getChildren().setAll(node);
        navigation.getToggles().stream()
                .filter(toggle -> toggle.getUserData() == screen)
                .findFirst().ifPresent(toggle -> toggle.setSelected(true));
    }

    private Node createScreen(Screen screen) {
        Supplier<Node> factory = screenFactories.get(screen);
        if (factory != null) {
            return factory.get();
        }
        Label missing = new Label(screen.title() + " is not available yet");
        missing.getStyleClass().add("placeholder");
        return missing;
    }

    private VBox createSidebar() {
        Label brand = new Label("Snapdeck", new FontIcon(Feather.APERTURE));
        brand.getStyleClass().add("brand");
        VBox sidebar = new VBox(brand);
        sidebar.getStyleClass().add(SIDEBAR_CLASS);

        int number = 1;
        for (Screen screen : Screen.values()) {
            ToggleButton item = new ToggleButton(screen.title(), new FontIcon(ICONS.get(screen)));
            item.setId("nav" + screen.title());
            item.getStyleClass().add(NAV_CLASS);
            item.setUserData(screen);
            item.setToggleGroup(navigation);
            item.setMaxWidth(Double.MAX_VALUE);
            item.setTooltip(new Tooltip(screen.title() + " (Ctrl+" + number++ + ")"));
            item.setOnAction(e -> {
                viewModel.showScreen(screen);
                item.setSelected(true);
            });
            sidebar.getChildren().add(item);
        }

        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        sidebar.getChildren().addAll(spacer, sidebarActions, new Separator(),
                createThemeToggle());
        // Dragged as narrow as it goes, the sidebar still shows its labels whole.
        sidebar.setMinWidth(Region.USE_PREF_SIZE);
        return sidebar;
    }

    private Button createThemeToggle() {
        Button toggle = new Button();
        toggle.setId(THEME_TOGGLE_ID);
        toggle.getStyleClass().add(NAV_CLASS);
        toggle.setMaxWidth(Double.MAX_VALUE);
        toggle.textProperty().bind(Bindings.createStringBinding(() ->
                viewModel.themeProperty().get() == Theme.LIGHT ? "Dark theme" : "Light theme",
                viewModel.themeProperty()));
        toggle.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(
                viewModel.themeProperty().get() == Theme.LIGHT ? Feather.MOON : Feather.SUN),
                viewModel.themeProperty()));
        toggle.setOnAction(e -> viewModel.toggleTheme());
        return toggle;
    }

    private HBox createBanner() {
        BannerModel model = viewModel.banner();
        FontIcon icon = new FontIcon();
        icon.iconCodeProperty().bind(Bindings.createObjectBinding(() ->
                model.severityProperty().get() == BannerModel.Severity.INFO
                        ? Feather.INFO : Feather.ALERT_TRIANGLE, model.severityProperty()));
        Label message = new Label();
        message.setId(BANNER_MESSAGE_ID);
        message.textProperty().bind(model.messageProperty());
        // A warning or an error stays until its cause goes away or the user has read it; what
        // only says that something is under way ("Connecting…") goes by itself.
        Button dismiss = new Button(null, new FontIcon(Feather.X));
        dismiss.setId(BANNER_DISMISS_ID);
        dismiss.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        dismiss.setTooltip(new Tooltip("Hide this message"));
        dismiss.setOnAction(e -> model.hide());
        dismiss.visibleProperty().bind(model.severityProperty().isNotEqualTo(
                BannerModel.Severity.INFO));
        dismiss.managedProperty().bind(dismiss.visibleProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);

        HBox banner = new HBox(icon, message, gap, dismiss);
        banner.setId(BANNER_ID);
        banner.getStyleClass().add(BANNER_CLASS);
        banner.visibleProperty().bind(model.visibleProperty());
        banner.managedProperty().bind(model.visibleProperty());
        model.severityProperty().addListener((obs, old, now) -> styleBanner(banner, now));
        styleBanner(banner, model.severityProperty().get());
        return banner;
    }

    private static void styleBanner(HBox banner, BannerModel.Severity severity) {
        banner.getStyleClass().removeIf(c -> c.startsWith(BANNER_CLASS + "-"));
        banner.getStyleClass().add(BANNER_CLASS + "-" + severity.name().toLowerCase(Locale.ROOT));
    }

    private HBox createStatusBar() {
        StatusBarModel model = viewModel.statusBar();
        Label canRun = statusLabel(STATUS_CAN_RUN_ID, Feather.PLAY);
        canRun.textProperty().bind(model.canRunText());
        model.canRunSnapshotsProperty().addListener((obs, old, now) -> styleCanRun(canRun, now));
        styleCanRun(canRun, model.canRunSnapshotsProperty().get());

        Label server = statusLabel(STATUS_SERVER_ID, Feather.SHARE_2);
        server.textProperty().bind(model.serverText());
        Label version = statusLabel(STATUS_VERSION_ID, null);
        version.textProperty().bind(model.versionText());
        Label mode = statusLabel(STATUS_MODE_ID, null);
        mode.textProperty().bind(model.modeText());
        mode.getStyleClass().add("mode");
        Label user = statusLabel(STATUS_USER_ID, null);
        user.textProperty().bind(model.userText());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(server, version, mode, spacer, user, new Separator(
                Orientation.VERTICAL), canRun);
        bar.getStyleClass().add(STATUS_BAR_CLASS);
        return bar;
    }

    private static void styleCanRun(Label label, boolean canRun) {
        label.getStyleClass().removeAll(CAN_RUN_CLASS, CANNOT_RUN_CLASS);
        label.getStyleClass().add(canRun ? CAN_RUN_CLASS : CANNOT_RUN_CLASS);
    }

    private static Label statusLabel(String id, Feather icon) {
        Label label = new Label();
        label.setId(id);
        if (icon != null) {
            label.setGraphic(new FontIcon(icon));
        }
        return label;
    }

    private void installShortcuts(Scene scene) {
        if (scene == null) {
            return;
        }
        Screen[] all = Screen.values();
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3};
        for (int i = 0; i < all.length && i < digits.length; i++) {
            int number = i + 1;
            scene.getAccelerators().put(new KeyCodeCombination(digits[i],
                    KeyCombination.SHORTCUT_DOWN), () -> viewModel.showScreenNumber(number));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), viewModel::refresh);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F,
                KeyCombination.SHORTCUT_DOWN), this::focusSearch);
    }

    private static void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
