package dev.snapdeck.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

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
        String text = new String(bytes, StandardCharsets.UTF_8);
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
}
