package dev.snapdeck.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * Tolerant readers over Jackson trees: a missing or null field reads as null, unknown fields are
 * never looked at. Only a field that is present but malformed (an id that is no UUID, a timestamp
 * that is no timestamp) fails, with the field's name in the message.
 */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** Follows {@code path}; returns a missing node when any step is absent or null. */
    static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node == null ? NullNode.getInstance() : node;
        for (String key : path) {
            current = current.path(key);
        }
        return current;
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    static String text(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return absent(value) ? null : value.asText();
    }

    static boolean bool(JsonNode node, String... path) {
        return at(node, path).asBoolean(false);
    }

    static Integer integer(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return absent(value) ? null : value.asInt();
    }

    static UUID uuid(JsonNode node, String... path) {
        String value = text(node, path);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ZenmlParseException(
                    "field " + String.join(".", path) + " is not a UUID: " + value, e);
        }
    }

    /** ZenML sends naive UTC ({@code 2026-06-30T14:03:11.482917}); an explicit offset wins. */
    static Instant instant(JsonNode node, String... path) {
        String value = text(node, path);
        if (value == null) {
            return null;
        }
        try {
            return parseInstant(value);
        } catch (DateTimeParseException e) {
            throw new ZenmlParseException(
                    "field " + String.join(".", path) + " is not a timestamp: " + value, e);
        }
    }

    static Instant parseInstant(String value) {
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException naiveFailed) {
            return OffsetDateTime.parse(value).toInstant();
        }
    }

    /** The node itself when present, else null: keeps free-form objects as trees. */
    static JsonNode tree(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return absent(value) ? null : value;
    }

    static <T> List<T> list(JsonNode node, Function<JsonNode, T> reader) {
        if (absent(node) || !node.isArray()) {
            return List.of();
        }
        List<T> items = new ArrayList<>(node.size());
        node.forEach(item -> items.add(reader.apply(item)));
        return Collections.unmodifiableList(items);
    }

    /** Names of the embedded tag objects under {@code resources.tags}. */
    static List<String> tagNames(JsonNode resource) {
        return list(at(resource, "resources", "tags"), tag -> text(tag, "name"));
    }

    static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (!absent(node) && node.isObject()) {
            node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        }
        return Collections.unmodifiableMap(map);
    }
}
