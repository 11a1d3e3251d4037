package dev.snapdeck.runconfig;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A node of a YAML document that remembers where it was written. Produced by
 * {@link PositionedYamlReader}; immutable.
 */
public sealed interface YamlNode
        permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence, YamlNode.Alias {

    /** Where the node is written (for a mapping or list: its first to its last character). */
    Span span();

    /**
     * A scalar as typed ({@code text}, without quotes) and the JSON value it is sent as under
     * Snapdeck's scalar rule (see {@link ScalarRule}). {@code plain} is false for quoted and block
     * scalars, which are always text.
     */
    record Scalar(Span span, String text, boolean plain, JsonNode value) implements YamlNode {
    }

    /** One {@code key: value} pair; the key keeps its own span. */
    record Entry(Scalar key, String name, YamlNode value) {
    }

    /** A mapping, entries in written order (duplicates kept, so they can be reported). */
    record Mapping(Span span, List<Entry> entries) implements YamlNode {

        /** The entry that counts for {@code name}: the last one written, as YAML readers do. */
        public Entry get(String name) {
            Entry found = null;
            for (Entry entry : entries) {
                if (entry.name().equals(name)) {
                    found = entry;
                }
            }
            return found;
        }
    }

    /** A list. */
    record Sequence(Span span, List<YamlNode> items) implements YamlNode {
    }

    /** {@code *name}: stands for the anchored node {@code target}, which it expands to. */
    record Alias(Span span, String name, YamlNode target) implements YamlNode {
    }
}
