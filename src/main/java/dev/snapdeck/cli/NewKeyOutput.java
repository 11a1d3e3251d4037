package dev.snapdeck.cli;

import java.io.PrintWriter;
import java.util.Map;

import dev.snapdeck.api.ApiKey;

/**
 * Prints an API key the server just made. The server keeps only a hash of it, so this is the
 * one time anyone sees it: people get it on a line of its own under a warning, scripts get it
 * in the JSON's {@code key} field with the warning on standard error.
 */
final class NewKeyOutput {

    static final String WARNING = "The API key is shown only once: the server keeps no copy. "
            + "Store it now.";

    private NewKeyOutput() {
    }

    /**
     * @param headline what happened, for people
     * @param record   the JSON for scripts; the key is added under {@code api_key}
     */
    static void print(Output output, PrintWriter err, String headline, Map<String, Object> record,
            ApiKey key) {
        if (output.isJson()) {
            record.put("api_key", Rows.apiKey(key));
            output.json(record);
            err.println("warning: " + WARNING);
            return;
        }
        output.line(headline);
        output.line(WARNING);
        output.line(key.key());
    }
}
