package dev.snapdeck.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;

/** Reading JSON request bodies; malformed JSON and wrong types answer 422 in ZenML's shape C. */
final class Bodies {

    private Bodies() {
    }

    static JsonNode parse(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            throw ApiException.bodyValidation("missing", "'body',", "Field required", "None");
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.bodyValidation("json_invalid", "'body', " + e.getLocation().getCharOffset(),
                    "JSON decode error: " + e.getOriginalMessage().replace("'", "\""), "{}");
        }
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
        return ctx.body().isBlank() ? Json.object() : object(ctx);
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
