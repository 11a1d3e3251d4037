package dev.snapdeck.server.http;

/**
 * An error answered in one of ZenML's shapes: A {@code {"detail": [class, message]}} (our own
 * errors), B {@code {"detail": message}} (framework errors) or C {@code [class, message]} (body
 * validation).
 */
public final class ApiException extends RuntimeException {

    /** The body shapes of ZenML's errors. */
    public enum Shape { A, B, C }

    private final int status;
    private final String exceptionClass;
    private final Shape shape;

    private ApiException(int status, Shape shape, String exceptionClass, String message) {
        super(message);
        this.status = status;
        this.shape = shape;
        this.exceptionClass = exceptionClass;
    }

    public static ApiException of(int status, String exceptionClass, String message) {
        return new ApiException(status, Shape.A, exceptionClass, message);
    }

    public static ApiException framework(int status, String message) {
        return new ApiException(status, Shape.B, null, message);
    }

    /** 422 for a request body field, with pydantic's rendering of the location. */
    public static ApiException bodyValidation(String type, String location, String message, String input) {
        String text = "[{'type': '" + type + "', 'loc': (" + location + "), 'msg': '" + message + "', 'input': "
                + input + "}]";
        return new ApiException(422, Shape.C, "ValueError", text);
    }

    public static ApiException badRequest(String message) {
        return of(400, "ValueError", message);
    }

    public static ApiException notFound(String kind, String id) {
        return of(404, "KeyError", "'Unable to get " + kind + " with ID " + id + ": No " + kind
                + " with this ID found.'");
    }

    public static ApiException unauthorized(String message) {
        return of(401, "AuthorizationException", "Authentication error: " + message);
    }

    public static ApiException conflict(String message) {
        return of(409, "EntityExistsError", message);
    }

    public static ApiException forbidden(String message) {
        return of(403, "IllegalOperationError", message);
    }

    public static ApiException queryValidation(String message) {
        return of(422, "ValueError", message);
    }

    public int status() {
        return status;
    }

    public Shape shape() {
        return shape;
    }

    public String exceptionClass() {
        return exceptionClass;
    }
}
