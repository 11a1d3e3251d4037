package dev.snapdeck.api;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A change to a snapshot ({@code PUT /pipeline_snapshots/{id}}); only what was set is sent.
 * Note the server's rules: an empty description does not clear it; a name clash fails with
 * {@link ConflictException} unless {@link #replace()} was set.
 */
public final class SnapshotUpdate {

    private String name;
    private boolean removeName;
    private String description;
    private boolean replace;
    private final List<String> addTags = new ArrayList<>();
    private final List<String> removeTags = new ArrayList<>();

    /** Gives the snapshot this name; fails on a blank name (the server would answer 422). */
    public SnapshotUpdate name(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a snapshot name must not be blank");
        }
        this.name = name;
        return this;
    }

    /** Makes the snapshot anonymous again (sends {@code "name": false}). */
    public SnapshotUpdate removeName() {
        this.removeName = true;
        return this;
    }

    public SnapshotUpdate description(String description) {
        this.description = description;
        return this;
    }

    /** Take the name even if another snapshot of the pipeline has it. */
    public SnapshotUpdate replace() {
        this.replace = true;
        return this;
    }

    public SnapshotUpdate addTag(String tag) {
        addTags.add(tag);
        return this;
    }

    public SnapshotUpdate removeTag(String tag) {
        removeTags.add(tag);
        return this;
    }

    ObjectNode toJson() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        if (name != null) {
            body.put("name", name);
        } else if (removeName) {
            body.put("name", false);
        }
        if (description != null) {
            body.put("description", description);
        }
        if (replace) {
            body.put("replace", true);
        }
        if (!addTags.isEmpty()) {
            addTags.forEach(body.putArray("add_tags")::add);
        }
        if (!removeTags.isEmpty()) {
            removeTags.forEach(body.putArray("remove_tags")::add);
        }
        return body;
    }
}
