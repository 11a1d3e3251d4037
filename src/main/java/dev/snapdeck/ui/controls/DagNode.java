package dev.snapdeck.ui.controls;

import java.util.Objects;

/** A node of a drawn DAG: its id, the text shown, and its status as the server names it. */
public record DagNode(String id, String label, String status) {

    public DagNode {
        Objects.requireNonNull(id, "id");
        label = label == null ? id : label;
        status = status == null ? "" : status;
    }
}
