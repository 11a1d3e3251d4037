package dev.snapdeck.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

/** Reading JSON request bodies; malformed JSON and wrong types answer 422 in ZenML's shape C. */
final class Bodies {

    private static final String BODY_ATTRIBUTE = "snapdeck.body";

    private Bodies() {
    }

    static JsonNode parse(Context ctx) {
        String text = text(ctx);
        if (text.isBlank()) {
            throw ApiException.bodyValidation("missing", "'body',", "Field required", "None");
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            long offset = e.getLocation() == null ? 0 : e.getLocation().getCharOffset();
            throw ApiException.bodyValidation("json_invalid", "'body', " + offset,
                    "JSON decode error: " + e.getOriginalMessage().replace("'", "\""), "{}");
        }
    }

    /**
     * The request body as text, read at most {@link Api#MAX_BODY_BYTES} far. Jetty enforces the
     * limit from Content-Length only, so a chunked body is counted here as it is read.
     */
    static String text(Context ctx) {
        Object cached = ctx.attribute(BODY_ATTRIBUTE);
        if (cached != null) {
            return (String) cached;
        }
        if (ctx.req().getContentLengthLong() > Api.MAX_BODY_BYTES) {
            // Refused before reading: a body declared too large is not waited for.
            throw new HttpResponseException(413, "Content Too Large");
        }
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes((int) Api.MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw ApiException.bodyValidation("json_invalid", "'body',",
                    "The request body could not be read: " + e.getMessage(), "{}");
        }
        if (bytes.length > Api.MAX_BODY_BYTES) {
            throw new HttpResponseException(413, "Content Too Large");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.bodyValidation("json_invalid", "'body',",
                    "JSON decode error: the body is not UTF-8", "{}");
        }
        ctx.attribute(BODY_ATTRIBUTE, text);
        return text;
    }

    static JsonNode object(Context ctx) {
        JsonNode node = parse(ctx);
        if (!node.isObject()) {
            throw ApiException.bodyValidation("model_attributes_type", "'body',",
                    "Input should be a valid dictionary or object to extract fields from", node.toString());
        }
        return node;
    }

    static JsonNode optionalObject(Context ctx) {
        return text(ctx).isBlank() ? Json.object() : object(ctx);
    }

    static String requiredText(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw ApiException.bodyValidation(value.isMissingNode() ? "missing" : "string_type", "'body', '" + field
                    + "'", value.isMissingNode() ? "Field required" : "Input should be a non-empty string",
                    value.isMissingNode() ? "None" : value.toString());
        }
        return value.asText();
    }

    /**
     * An optional list of strings (absent or null: empty).
     *
     * @throws ApiException 422 at the field when it is not a list, or at the item that is not a string
     */
    static List<String> textList(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw ApiException.bodyValidation("list_type", "'body', '" + field + "'", "Input should be a valid list",
                    value.toString());
        }
        List<String> items = new ArrayList<>();
        for (int index = 0; index < value.size(); index++) {
            JsonNode item = value.get(index);
            if (!item.isTextual()) {
                throw ApiException.bodyValidation("string_type", "'body', '" + field + "', " + index,
                        "Input should be a valid string", item.toString());
            }
            items.add(item.asText());
        }
        return items;
    }

    /**
     * An optional whole number within {@code [min, max]} ({@code fallback} when absent).
     *
     * @throws ApiException 422 at the field when it is not a whole number or out of range
     */
    static long wholeNumber(JsonNode body, String field, long fallback, long min, long max) {
        JsonNode value = body.path(field);
        if (value.isMissingNode()) {
            return fallback;
        }
        String location = "'body', '" + field + "'";
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw ApiException.bodyValidation("int_type", location, "Input should be a valid integer",
                    value.isNull() ? "None" : value.toString());
        }
        long number = value.asLong();
        if (number < min) {
            throw ApiException.bodyValidation("greater_than_equal", location,
                    "Input should be greater than or equal to " + min, value.toString());
        }
        if (number > max) {
            throw ApiException.bodyValidation("less_than_equal", location,
                    "Input should be less than or equal to " + max, value.toString());
        }
        return number;
    }
}
