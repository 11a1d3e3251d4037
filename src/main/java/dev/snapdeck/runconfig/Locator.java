package dev.snapdeck.runconfig;

import java.util.List;

/**
 * Finds where a JSON path was written in a {@link YamlNode} tree. Below an alias, everything is
 * reported at the alias, where the user wrote it.
 */
final class Locator {

    /** Where the deepest written part of a path is; {@code complete} if all of it was written. */
    record Found(Span keySpan, Span valueSpan, boolean complete) {
    }

    private Locator() {
    }

    static Found find(YamlNode root, List<String> path) {
        if (root == null) {
            return new Found(Span.START, Span.START, path.isEmpty());
        }
        YamlNode node = root;
        Span keySpan = root.span();
        Span aliasSpan = null;
        int matched = 0;
        for (String segment : path) {
            if (node instanceof YamlNode.Alias alias) {
                aliasSpan = aliasSpan == null ? alias.span() : aliasSpan;
                node = alias.target();
            }
            YamlNode next = null;
            if (node instanceof YamlNode.Mapping mapping) {
                YamlNode.Entry entry = mapping.get(segment);
                if (entry != null) {
                    keySpan = entry.key().span();
                    next = entry.value();
                }
            } else if (node instanceof YamlNode.Sequence sequence && isIndex(segment)
                    && Integer.parseInt(segment) < sequence.items().size()) {
                next = sequence.items().get(Integer.parseInt(segment));
                keySpan = next.span();
            }
            if (next == null) {
                break;
            }
            node = next;
            matched++;
        }
        Span value = aliasSpan != null ? aliasSpan : node.span();
        return new Found(aliasSpan != null ? aliasSpan : keySpan, value, matched == path.size());
    }

    private static boolean isIndex(String segment) {
        return !segment.isEmpty() && segment.length() < 9
                && segment.chars().allMatch(Character::isDigit);
    }
}
