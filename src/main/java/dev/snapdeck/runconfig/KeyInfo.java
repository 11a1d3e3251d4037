package dev.snapdeck.runconfig;

/** A key the schema allows at some place, with its type in words and its description. */
public record KeyInfo(String name, String type, String description) {
}
