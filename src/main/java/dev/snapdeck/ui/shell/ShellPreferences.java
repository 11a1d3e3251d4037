package dev.snapdeck.ui.shell;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import dev.snapdeck.SnapdeckHome;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the shell's looks between runs in {@link java.util.prefs}: theme, window geometry and
 * the sidebar's width. Values that cannot be read fall back to defaults, with a warning
 * in the log saying which key held what.
 */
public final class ShellPreferences {

    static final String ROOT_NODE = "dev/snapdeck/dashboard";
    static final String THEME = "theme";
    static final String WINDOW = "window";
    static final String SIDEBAR_WIDTH = "sidebarWidth";
    /** Where versions before the sidebar's width was kept in pixels kept its divider. */
    static final String OLD_MAIN_DIVIDER = "dividers.main";

    private static final Logger LOG = LoggerFactory.getLogger(ShellPreferences.class);

    private final Preferences node;

    public ShellPreferences(Preferences node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    /**
     * The dashboard's own node in the user's preferences; a data folder of its own
     * ({@code SNAPDECK_HOME}) keeps a window and theme of its own there.
     */
    public static ShellPreferences forUser() {
        return new ShellPreferences(Preferences.userRoot().node(
                nodeFor(System.getenv(SnapdeckHome.ENVIRONMENT_VARIABLE))));
    }

    /** The preferences node for the data folder named by {@code SNAPDECK_HOME} (may be null). */
    static String nodeFor(String explicitHome) {
        if (explicitHome == null || explicitHome.isBlank()) {
            return ROOT_NODE;
        }
        String folder = Path.of(explicitHome).toAbsolutePath().normalize().toString();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(folder.getBytes(StandardCharsets.UTF_8));
            // Node names are limited to 80 characters; a path is not, so it goes in as a digest.
            return ROOT_NODE + "/home-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
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

    /**
     * The sidebar's width in pixels, up to the middle of its divider, if one was saved.
     *
     * <p>Earlier versions kept the divider as a fraction of the window ({@value #OLD_MAIN_DIVIDER}).
     * That fraction grew on every start (the sidebar kept its pixels while the window opened at
     * another size), so it says nothing about the width the user chose: it is dropped here, and the
     * sidebar starts at its default width once.
     */
    public OptionalDouble sidebarWidth() {
        if (node.get(OLD_MAIN_DIVIDER, null) != null) {
            LOG.info("Dropping preference '{}' ({}); the sidebar's width is now kept in pixels",
                    OLD_MAIN_DIVIDER, node.get(OLD_MAIN_DIVIDER, null));
            remove(OLD_MAIN_DIVIDER);
        }
        String stored = node.get(SIDEBAR_WIDTH, null);
        if (stored == null) {
            return OptionalDouble.empty();
        }
        double width;
        try {
            width = Double.parseDouble(stored);
        } catch (NumberFormatException e) {
            width = Double.NaN;
        }
        if (width > 0 && Double.isFinite(width)) {
            return OptionalDouble.of(width);
        }
        LOG.warn("Preference '{}' holds '{}', not a width in pixels; using the default width",
                SIDEBAR_WIDTH, stored);
        return OptionalDouble.empty();
    }

    public void saveSidebarWidth(double width) {
        put(SIDEBAR_WIDTH, Double.toString(width));
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

    /** Removes one value; as with {@link #put}, a failure is logged, not thrown. */
    private void remove(String key) {
        try {
            node.remove(key);
            node.flush();
        } catch (IllegalStateException e) {
            LOG.warn("Preferences node {} was removed; '{}' stays", node, key);
        } catch (BackingStoreException e) {
            LOG.warn("Could not write the dashboard preferences; '{}' comes back at the next start", key, e);
        }
    }
}
