package dev.snapdeck.ui.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the app shell: the screen shown, the theme, the banner and the status bar. Screens
 * register what F5 does for them through {@link #setRefreshHandler}, and what to do when they are
 * shown and hidden (live updates stop while nobody sees them) through {@link #setShowHandlers}.
 */
public final class MainViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);

    private final ShellPreferences preferences;
    private final ReadOnlyObjectWrapper<Screen> selectedScreen =
            new ReadOnlyObjectWrapper<>(Screen.SNAPSHOTS);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final BannerModel banner = new BannerModel();
    private final StatusBarModel statusBar = new StatusBarModel();
    private final Map<Screen, Runnable> refreshHandlers = new EnumMap<>(Screen.class);
    private final Map<Screen, Runnable> shownHandlers = new EnumMap<>(Screen.class);
    private final Map<Screen, Runnable> hiddenHandlers = new EnumMap<>(Screen.class);

    public MainViewModel(ShellPreferences preferences) {
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        theme.set(preferences.theme());
        theme.addListener((obs, old, now) -> preferences.saveTheme(now));
    }

    public ReadOnlyObjectProperty<Screen> selectedScreenProperty() {
        return selectedScreen.getReadOnlyProperty();
    }

    /** Shows {@code screen}, telling the screen shown before that it is hidden. */
    public void showScreen(Screen screen) {
        Screen before = selectedScreen.get();
        selectedScreen.set(Objects.requireNonNull(screen, "screen"));
        if (before != screen) {
            hiddenHandlers.getOrDefault(before, () -> { }).run();
            shownHandlers.getOrDefault(screen, () -> { }).run();
        }
    }

    /** Shows the screen at this 1-based sidebar position; other numbers do nothing. */
    public void showScreenNumber(int number) {
        Screen[] screens = Screen.values();
        if (number >= 1 && number <= screens.length) {
            showScreen(screens[number - 1]);
        }
    }

    /** The theme in use; every change is remembered for the next start. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    public BannerModel banner() {
        return banner;
    }

    public StatusBarModel statusBar() {
        return statusBar;
    }

    public ShellPreferences preferences() {
        return preferences;
    }

    /** What {@link #refresh()} does while {@code screen} is shown. */
    public void setRefreshHandler(Screen screen, Runnable handler) {
        refreshHandlers.put(screen, Objects.requireNonNull(handler, "handler"));
    }

    /** What {@code screen} does when it is shown ({@code shown}) and when another replaces it. */
    public void setShowHandlers(Screen screen, Runnable shown, Runnable hidden) {
        shownHandlers.put(screen, Objects.requireNonNull(shown, "shown"));
        hiddenHandlers.put(screen, Objects.requireNonNull(hidden, "hidden"));
    }

    /** Refreshes the screen shown, if it registered a handler (F5). */
    public void refresh() {
        Runnable handler = refreshHandlers.get(selectedScreen.get());
        if (handler == null) {
            LOG.debug("No refresh handler for {}", selectedScreen.get());
            return;
        }
        handler.run();
    }
}
