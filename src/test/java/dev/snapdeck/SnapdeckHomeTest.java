package dev.snapdeck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SnapdeckHomeTest {

    private static final Path HOME = Path.of("/home/ada");

    @Test
    void environmentVariableWins() {
        SnapdeckHome home = SnapdeckHome.resolve(Map.of("SNAPDECK_HOME", "/data/snapdeck"),
                "Linux", HOME);

        assertEquals(Path.of("/data/snapdeck"), home.root());
    }

    @Test
    void linuxFollowsXdgDataHome() {
        SnapdeckHome home = SnapdeckHome.resolve(Map.of("XDG_DATA_HOME", "/xdg"), "Linux", HOME);

        assertEquals(Path.of("/xdg/snapdeck"), home.root());
    }

    @Test
    void linuxFallsBackToLocalShare() {
        SnapdeckHome home = SnapdeckHome.resolve(Map.of(), "Linux", HOME);

        assertEquals(Path.of("/home/ada/.local/share/snapdeck"), home.root());
    }

    @Test
    void macUsesApplicationSupport() {
        SnapdeckHome home = SnapdeckHome.resolve(Map.of(), "Mac OS X", HOME);

        assertEquals(HOME.resolve("Library/Application Support/Snapdeck"), home.root());
    }

    @Test
    void windowsUsesAppData() {
        SnapdeckHome home = SnapdeckHome.resolve(Map.of("APPDATA", "/appdata"), "Windows 11", HOME);

        assertEquals(Path.of("/appdata/Snapdeck"), home.root());
    }
}
