package dev.snapdeck.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the shell's looks between runs in {@link java.util.prefs}: theme, window geometry and
 * split-pane divider positions. Values that cannot be read fall back to defaults, with a warning
 * in the log saying which key held what.
 */
public final class ShellPreferences {

    static final String THEME = "theme";
    static final String WINDOW = "window";
    static final String DIVIDERS = "dividers.";

    private static final Logger LOG = LoggerFactory.getLogger(ShellPreferences.class);

    private final Preferences node;

    public ShellPreferences(Preferences node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    /** The dashboard's own node in the user's preferences. */
    public static ShellPreferences forUser() {
        return new ShellPreferences(Preferences.userRoot().node("dev/snapdeck/dashboard"));
    }

    public Theme theme() {
        String stored = node.get(THEME, Theme.LIGHT.name());
        try {
            return Theme.valueOf(stored.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            LOG.warn("Preference '{}' holds unknown theme '{}'; using light", THEME, stored);
            return Theme.LIGHT;
        }
    }

    public void saveTheme(Theme theme) {
        put(THEME, theme.name());
    }

    public Optional<WindowState> windowState() {
        String stored = node.get(WINDOW, null);
        if (stored == null) {
            return Optional.empty();
        }
        String[] parts = stored.split(",");
        try {
            if (parts.length != 5) {
                throw new NumberFormatException("expected 5 comma-separated values");
            }
            return Optional.of(new WindowState(Double.parseDouble(parts[0]),
                    Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
                    Double.parseDouble(parts[3]), Boolean.parseBoolean(parts[4])));
        } catch (NumberFormatException e) {
            LOG.warn("Preference '{}' holds '{}', not x,y,width,height,maximized: {}; ignoring it",
                    WINDOW, stored, e.getMessage());
            return Optional.empty();
        }
    }

    public void saveWindowState(WindowState state) {
        put(WINDOW, state.x() + "," + state.y() + "," + state.width() + ","
                + state.height() + "," + state.maximized());
    }

    /** Divider positions saved under {@code key}, or an empty list. */
    public List<Double> dividerPositions(String key) {
        String stored = node.get(DIVIDERS + key, "");
        List<Double> positions = new ArrayList<>();
        if (stored.isEmpty()) {
            return positions;
        }
        try {
            for (String part : stored.split(",")) {
                positions.add(Double.parseDouble(part));
            }
            return positions;
        } catch (NumberFormatException e) {
            LOG.warn("Preference '{}' holds '{}', not a list of numbers; ignoring it",
                    DIVIDERS + key, stored);
            return new ArrayList<>();
        }
    }

    public void saveDividerPositions(String key, List<Double> positions) {
        StringBuilder joined = new StringBuilder();
        for (Double position : positions) {
            joined.append(joined.length() == 0 ? "" : ",").append(position);
        }
        put(DIVIDERS + key, joined.toString());
    }

    /** Writes one value; a preferences node removed meanwhile is logged, not thrown. */
    private void put(String key, String value) {
        try {
            node.put(key, value);
            node.flush();
        } catch (IllegalStateException e) {
            LOG.warn("Preferences node {} was removed; '{}' is not remembered", node, key);
        } catch (BackingStoreException e) {
            LOG.warn("Could not write the dashboard preferences; '{}' lasts until exit", key, e);
        }
    }
}
