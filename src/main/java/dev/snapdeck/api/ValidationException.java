package dev.snapdeck.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * 422: the server rejected the request's shape. {@link #problems()} holds the server's detail list
 * as readable lines, each with its location (e.g. {@code body.run_configuration.enable_cache}).
 */
public class ValidationException extends ZenmlException {

    private final List<Problem> problems;

    public ValidationException(int status, String exceptionClass, String serverMessage,
            List<Problem> problems) {
        super(status, exceptionClass, serverMessage);
        this.problems = List.copyOf(problems);
    }

    /** One complaint of the server; {@code location} is empty when the server named none. */
    public record Problem(String location, String message) {

        /** The line shown to the user: {@code location: message}. */
        @Override
        public String toString() {
            return location.isEmpty() ? message : location + ": " + message;
        }
    }

    /** Never empty: falls back to one problem holding the whole server message. */
    public List<Problem> problems() {
        return problems;
    }

    /** The problems as lines, one per problem. */
    public List<String> lines() {
        return problems.stream().map(Problem::toString).collect(Collectors.toList());
    }
}
