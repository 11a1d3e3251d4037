package dev.snapdeck.ui.shell;

/** The two looks of the dashboard (AtlantaFX Primer light and dark). */
public enum Theme {
    LIGHT,
    DARK;

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
