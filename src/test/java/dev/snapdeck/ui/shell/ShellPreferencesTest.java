package dev.snapdeck.ui.shell;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalDouble;
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
    void roundTripsTheSidebarWidth() {
        preferences.saveSidebarWidth(231.5);

        assertEquals(OptionalDouble.of(231.5), new ShellPreferences(node).sidebarWidth());
    }

    @Test
    void ignoresASidebarWidthThatIsNotAWidth() {
        node.put(ShellPreferences.SIDEBAR_WIDTH, "wide");
        OptionalDouble garbled = preferences.sidebarWidth();
        node.put(ShellPreferences.SIDEBAR_WIDTH, "-40");

        assertTrue(garbled.isEmpty());
        assertTrue(preferences.sidebarWidth().isEmpty());
    }

    @Test
    void dropsTheOldDividerFractionAndKeepsTheRest() {
        node.put(ShellPreferences.OLD_MAIN_DIVIDER, "0.46");
        preferences.saveTheme(Theme.DARK);

        OptionalDouble width = preferences.sidebarWidth();

        assertTrue(width.isEmpty());
        assertNull(node.get(ShellPreferences.OLD_MAIN_DIVIDER, null));
        assertEquals(Theme.DARK, preferences.theme());
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

    @Test
    void aDataFolderOfItsOwnKeepsPreferencesOfItsOwn() {
        String first = ShellPreferences.nodeFor("/tmp/snapdeck-a");

        assertEquals("dev/snapdeck/dashboard", ShellPreferences.nodeFor(null));
        assertEquals("dev/snapdeck/dashboard", ShellPreferences.nodeFor(" "));
        assertTrue(first.startsWith("dev/snapdeck/dashboard/home-"), first);
        assertEquals(first, ShellPreferences.nodeFor("/tmp/snapdeck-a/../snapdeck-a"));
        assertNotEquals(first, ShellPreferences.nodeFor("/tmp/snapdeck-b"));
    }
}
