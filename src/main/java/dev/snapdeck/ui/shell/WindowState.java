package dev.snapdeck.ui.shell;

/** Where the main window was and how big, in screen coordinates. */
public record WindowState(double x, double y, double width, double height, boolean maximized) {
}
