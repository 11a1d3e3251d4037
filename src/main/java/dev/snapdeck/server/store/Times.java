package dev.snapdeck.server.store;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps as ZenML writes them: naive UTC ISO-8601. Stored with six fraction digits (so text
 * order is time order); sent without the fraction when it is zero, as Python does.
 */
public final class Times {

    private static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter FILTER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Times() {
    }

    public static String now() {
        return stored(Instant.now());
    }

    public static String stored(Instant instant) {
        return STORED.format(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    /** The wire form of a stored timestamp (null stays null). */
    public static String wire(Object stored) {
        if (stored == null) {
            return null;
        }
        String text = stored.toString();
        return text.endsWith(".000000") ? text.substring(0, text.length() - 7) : text;
    }

    public static Instant parseStored(String stored) {
        return LocalDateTime.parse(stored, STORED).toInstant(ZoneOffset.UTC);
    }

    /**
     * A filter date {@code YYYY-MM-DD HH:MM:SS} as a stored-form prefix for comparison.
     *
     * @throws IllegalArgumentException when the text has another form
     */
    public static String fromFilter(String text) {
        try {
            return STORED.format(LocalDateTime.parse(text.trim(), FILTER));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date of the form YYYY-MM-DD HH:MM:SS");
        }
    }
}
