package dev.snapdeck.ui.controls;

import java.util.Objects;

/** A dependency: {@code to} runs after {@code from}. */
public record DagEdge(String from, String to) {

    public DagEdge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
