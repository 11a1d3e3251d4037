package dev.snapdeck.service;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Says in plain words what is wrong with a JSON file of the data folder, and where, instead of
 * Jackson's messages, which name Java types and tokens ("Cannot deserialize value of type
 * ProfileStore$Stored from Array value") that mean nothing to the person who has to fix the file.
 */
final class JsonFileProblem {

    private JsonFileProblem() {
    }

    /** What is wrong, ending with "at line L, column C" when the parser knows where. */
    static String describe(IOException failure) {
        if (failure instanceof AccessDeniedException) {
            return "you are not allowed to read it";
        }
        if (!(failure instanceof JsonProcessingException)) {
            return failure.getMessage() == null ? failure.getClass().getSimpleName()
                    : failure.getMessage();
        }
        JsonProcessingException json = (JsonProcessingException) failure;
        if (isEmptyFile(json)) {
            return "the file is empty";
        }
        return what(json) + where(json.getLocation());
    }

    private static String what(JsonProcessingException failure) {
        if (failure instanceof JsonEOFException) {
            return "the JSON ends too early";
        }
        if (!(failure instanceof JsonMappingException)) {
            return "this is not valid JSON";
        }
        JsonMappingException mapping = (JsonMappingException) failure;
        if (mapping.getCause() instanceof JsonProcessingException) {
            return what((JsonProcessingException) mapping.getCause());
        }
        String field = field(mapping.getPath());
        if (mapping instanceof InvalidFormatException) {
            return "the value " + quoted(((InvalidFormatException) mapping).getValue())
                    + " is not allowed" + (field.isEmpty() ? "" : " for " + field);
        }
        if (mapping instanceof ValueInstantiationException && mapping.getCause() != null) {
            Throwable cause = mapping.getCause();
            if (cause instanceof NullPointerException) {
                return (field.isEmpty() ? "an entry" : field) + " has no \"" + cause.getMessage()
                        + "\"";
            }
            return (field.isEmpty() ? "" : field + ": ") + cause.getMessage();
        }
        if (mapping instanceof MismatchedInputException) {
            return (field.isEmpty() ? "the file" : field) + " holds the wrong kind of value"
                    + expected(((MismatchedInputException) mapping).getTargetType());
        }
        return "the JSON does not have the expected layout" + (field.isEmpty() ? "" : " at " + field);
    }

    private static boolean isEmptyFile(JsonProcessingException failure) {
        return failure instanceof MismatchedInputException
                && String.valueOf(failure.getOriginalMessage()).startsWith("No content to map");
    }

    /** Where in the document, quoted: {@code "profiles[0].url"}; empty for the whole document. */
    private static String field(List<Reference> path) {
        StringBuilder text = new StringBuilder();
        for (Reference reference : path) {
            if (reference.getFieldName() != null) {
                text.append(text.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                text.append('[').append(reference.getIndex()).append(']');
            }
        }
        return text.length() == 0 ? "" : "\"" + text + "\"";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        if (type == String.class) {
            return " (expected text)";
        }
        if (type.isEnum()) {
            StringBuilder names = new StringBuilder();
            for (Object constant : type.getEnumConstants()) {
                names.append(names.length() == 0 ? "" : ", ").append(constant);
            }
            return " (expected one of " + names + ")";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return " (expected a list)";
        }
        return " (expected an object)";
    }

    private static String quoted(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
