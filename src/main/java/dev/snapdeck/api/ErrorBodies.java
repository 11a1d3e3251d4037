package dev.snapdeck.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns a non-2xx answer into a typed exception. The body may come in any of the five shapes of
 * the reference (§2) or be no JSON at all; the kind is chosen from the status alone.
 */
final class ErrorBodies {

    private static final Pattern LOC = Pattern.compile("'loc':\\s*\\(([^)]*)\\)");
    private static final Pattern MSG = Pattern.compile("'msg':\\s*(['\"])((?:\\\\.|(?!\\1).)*)\\1");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'|(\\d+)");

    private ErrorBodies() {
    }

    /** What the body says: the exception class (may be null) and the message. */
    record Detail(String exceptionClass, String message, boolean plainText) {
    }

    static ZenmlException toException(int status, String body) {
        Detail detail = parse(body);
        String cls = detail.exceptionClass();
        String msg = detail.message();
        switch (status) {
            case 400:
                return new BadRequestException(status, cls, msg);
            case 401:
                return new UnauthorizedException(status, cls, msg);
            case 403:
                return new ForbiddenException(status, cls, msg);
            case 404:
                return new NotFoundException(status, cls, msg);
            case 409:
                return new ConflictException(status, cls, msg);
            case 422:
                return new ValidationException(status, cls, msg, problems(msg));
            default:
                return status >= 500
                        ? new ServerErrorException(status, cls, msg)
                        : new ZenmlException(status, cls, msg);
        }
    }

    static Detail parse(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            root = null;
        }
        if (root == null) {
            return new Detail(null, body == null || body.isBlank() ? "(empty body)" : body, true);
        }
        if (isStringList(root)) {
            return fromList(root);
        }
        return fromObject(root, body);
    }

    private static Detail fromObject(JsonNode root, String raw) {
        JsonNode detail = root.path("detail");
        if (isStringList(detail) || (detail.isArray() && detail.size() == 1
                && detail.get(0).isTextual())) {
            return fromList(detail);
        }
        if (detail.isTextual()) {
            return new Detail(null, detail.asText(), true);
        }
        if (root.path("error").isTextual()) {
            String description = Json.text(root, "error_description");
            return new Detail(root.get("error").asText(),
                    description == null ? root.get("error").asText() : description, false);
        }
        return new Detail(null, raw, true);
    }

    private static boolean isStringList(JsonNode node) {
        return node.isArray() && node.size() >= 2 && node.get(0).isTextual();
    }

    private static Detail fromList(JsonNode list) {
        if (list.size() == 1) {
            return new Detail(null, list.get(0).asText(), false);
        }
        List<String> rest = new ArrayList<>();
        for (int i = 1; i < list.size(); i++) {
            JsonNode item = list.get(i);
            rest.add(item.isTextual() ? item.asText() : item.toString());
        }
        return new Detail(list.get(0).asText(), String.join(": ", rest), false);
    }

    /**
     * Reads the validator's error list out of its Python rendering: pairs of {@code 'loc': (...)}
     * and {@code 'msg': '...'}, or pydantic's "N validation errors" text (a location line followed
     * by an indented message line). Anything else becomes one problem without a location.
     */
    static List<ValidationException.Problem> problems(String message) {
        List<ValidationException.Problem> found = new ArrayList<>();
        if (message == null) {
            return List.of(new ValidationException.Problem("", "(no message)"));
        }
        Matcher loc = LOC.matcher(message);
        Matcher msg = MSG.matcher(message);
        while (loc.find() && msg.find(loc.end())) {
            found.add(new ValidationException.Problem(location(loc.group(1)), msg.group(2)));
        }
        if (found.isEmpty()) {
            found.addAll(pydanticText(message));
        }
        if (found.isEmpty()) {
            found.add(new ValidationException.Problem("", message));
        }
        return found;
    }

    private static String location(String tuple) {
        List<String> parts = new ArrayList<>();
        Matcher part = QUOTED.matcher(tuple);
        while (part.find()) {
            parts.add(part.group(1) != null ? part.group(1) : part.group(2));
        }
        return String.join(".", parts);
    }

    private static List<ValidationException.Problem> pydanticText(String message) {
        List<ValidationException.Problem> found = new ArrayList<>();
        String[] lines = message.split("\n");
        if (lines.length < 3 || !lines[0].matches("\\d+ validation errors? for .*")) {
            return found;
        }
        for (int i = 1; i + 1 < lines.length; i++) {
            boolean locationLine = !lines[i].startsWith(" ");
            if (locationLine && lines[i + 1].startsWith("  ") && !lines[i + 1].startsWith("    ")) {
                String text = lines[i + 1].trim().replaceFirst("\\s*\\[type=.*$", "");
                found.add(new ValidationException.Problem(lines[i].trim(), text));
            }
        }
        return found;
    }
}
