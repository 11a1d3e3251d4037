package dev.snapdeck.api;

/**
 * Base of every failure the client reports. Unchecked: callers (the service layer) catch it on
 * their background thread and turn it into a message for the user.
 *
 * <p>{@link #status()} is the HTTP status (0 when no answer arrived), {@link #exceptionClass()}
 * the server's exception name when it sent one (e.g. {@code KeyError}), and
 * {@link #serverMessage()} the server's own text, shown to the user as-is.
 */
public class ZenmlException extends RuntimeException {

    private final int status;
    private final String exceptionClass;
    private final String serverMessage;

    public ZenmlException(int status, String exceptionClass, String serverMessage) {
        this(status, exceptionClass, serverMessage, null);
    }

    public ZenmlException(int status, String exceptionClass, String serverMessage,
            Throwable cause) {
        super(describe(status, exceptionClass, serverMessage), cause);
        this.status = status;
        this.exceptionClass = exceptionClass;
        this.serverMessage = serverMessage;
    }

    private static String describe(int status, String exceptionClass, String serverMessage) {
        StringBuilder text = new StringBuilder();
        if (status > 0) {
            text.append("HTTP ").append(status).append(": ");
        }
        if (exceptionClass != null) {
            text.append(exceptionClass).append(": ");
        }
        return text.append(serverMessage == null ? "(no message)" : serverMessage).toString();
    }

    /** The HTTP status, or 0 when the server never answered. */
    public int status() {
        return status;
    }

    /** The server's exception class name ({@code detail[0]}), or null when it sent none. */
    public String exceptionClass() {
        return exceptionClass;
    }

    /** The server's own message, or for local failures a plain description. */
    public String serverMessage() {
        return serverMessage;
    }
}
