package dev.snapdeck.ui.shell;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ShellPreferencesTest {

    private final Preferences node = Preferences.userRoot()
            .node("dev/snapdeck/test/" + UUID.randomUUID());
    private final ShellPreferences preferences = new ShellPreferences(node);

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void roundTripsTheWindowState() {
        WindowState state = new WindowState(10.5, 20, 1280, 800, true);

        preferences.saveWindowState(state);

        assertEquals(Optional.of(state), new ShellPreferences(node).windowState());
    }

    @Test
    void ignoresAGarbledWindowState() {
        node.put(ShellPreferences.WINDOW, "10,twenty,30");

        Optional<WindowState> state = preferences.windowState();

        assertTrue(state.isEmpty());
    }

    @Test
    void roundTripsDividerPositionsPerKey() {
        preferences.saveDividerPositions("main", List.of(0.2));
        preferences.saveDividerPositions("runDetail", List.of(0.3, 0.7));

        assertEquals(List.of(0.2), preferences.dividerPositions("main"));
        assertEquals(List.of(0.3, 0.7), preferences.dividerPositions("runDetail"));
        assertEquals(List.of(), preferences.dividerPositions("unknown"));
    }

    @Test
    void fallsBackToLightForAnUnknownTheme() {
        node.put(ShellPreferences.THEME, "sepia");

        assertEquals(Theme.LIGHT, preferences.theme());
    }

    @Test
    void keepsGoingWhenTheNodeWasRemoved() throws BackingStoreException {
        Preferences doomed = node.node("doomed");
        ShellPreferences onDoomed = new ShellPreferences(doomed);
        doomed.removeNode();

        Executable save = () -> onDoomed.saveTheme(Theme.DARK);

        assertDoesNotThrow(save);
    }
}
