package dev.snapdeck.server.http;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

/** The server's JSON mapper and helpers for building ZenML's envelopes. */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** Parses stored JSON text; the store only holds text this server wrote. */
    public static JsonNode parse(Object text) {
        if (text == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            return MAPPER.readTree(text.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is damaged: " + e.getOriginalMessage(), e);
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code node} rendered to JSON text now, and written as that text wherever it is placed. */
    public static JsonNode rendered(JsonNode node) {
        return MAPPER.getNodeFactory().rawValueNode(new RawValue(write(node)));
    }

    /** {@code node} as UTF-8 JSON, for an answer's body. */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The resource envelope of §1.3, keys in ZenML's order. */
    public static ObjectNode envelope(JsonNode body, JsonNode metadata, JsonNode resources, Object id, Object name,
            boolean withName) {
        ObjectNode node = object();
        node.set("body", body);
        node.set("metadata", metadata);
        node.set("resources", resources);
        node.put("id", id == null ? null : id.toString());
        node.put("permission_denied", false);
        if (withName) {
            node.put("name", name == null ? null : name.toString());
        }
        return node;
    }

    /** An envelope as embedded in another object's resources: no metadata, no resources. */
    public static ObjectNode embedded(ObjectNode full) {
        ObjectNode node = full.deepCopy();
        node.putNull("metadata");
        node.putNull("resources");
        return node;
    }

    public static ObjectNode page(int index, int size, long total, List<? extends JsonNode> items) {
        ObjectNode page = object();
        page.put("index", index);
        page.put("max_size", size);
        page.put("total_pages", Math.max(1, (total + size - 1) / size));
        page.put("total", total);
        page.putArray("items").addAll(items);
        return page;
    }

    public static boolean bool(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value instanceof Number number && number.intValue() != 0;
    }
}
