package dev.snapdeck.cli;

/** How a command prints what it found: aligned columns for people, JSON for scripts. */
enum OutputFormat {
    table,
    json
}
