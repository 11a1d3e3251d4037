package dev.snapdeck.api;

import java.io.IOException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * No answer: the connection could not be made, or it was closed before the whole response
 * arrived. For a request that changes something (a run trigger) the outcome is unknown: the server
 * may have acted on it. Such requests are never re-sent automatically.
 */
public class ServerUnreachableException extends ZenmlException {

    public ServerUnreachableException(String what, IOException cause) {
        super(0, null, what + ": " + reason(cause), cause);
    }

    /**
     * The failure in words, without Java's class names: "Failed to connect to 127.0.0.1:8237
     * (connection refused)", "unknown host zenml.example.com".
     */
    static String reason(IOException failure) {
        if (failure instanceof UnknownHostException) {
            return "unknown host " + failure.getMessage();
        }
        String text = failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getMessage();
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root != failure && root.getMessage() != null
                && !text.contains(root.getMessage())
                ? " (" + root.getMessage().toLowerCase(Locale.ROOT) + ")" : "";
        // OkHttp writes a resolved address as "host/ip:port", or "/ip:port" with no host name.
        return text.replace(" /", " ") + detail;
    }
}
