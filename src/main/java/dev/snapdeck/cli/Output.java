package dev.snapdeck.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Prints rows and records either as aligned columns for people or as JSON for scripts. Field
 * names are the JSON keys and, upper-cased, the column headings, so both stay the same over
 * releases. In tables, times read as "5m ago" and ids are cut to 8 characters (every command
 * takes an id prefix); JSON has ISO-8601 times and whole ids. Tables and details show control
 * characters as escapes and tables cut long cells ({@link TerminalText}); JSON stays exact.
 */
final class Output {

    private static final int SHORT_ID = 8;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE
            .withZone(ZoneOffset.UTC);

    private final PrintWriter out;
    private final OutputFormat format;
    private final Clock clock;

    Output(PrintWriter out, OutputFormat format, Clock clock) {
        this.out = out;
        this.format = format;
        this.clock = clock;
    }

    /** A row or record from alternating names and values, in that order. */
    static Map<String, Object> record(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    boolean isJson() {
        return format == OutputFormat.json;
    }

    /** Rows under headings, or a JSON array of objects. {@code empty} is said when none. */
    void rows(List<String> columns, List<Map<String, Object>> rows, String empty) {
        if (isJson()) {
            json(rows);
            return;
        }
        if (rows.isEmpty()) {
            out.println(empty);
            return;
        }
        List<List<String>> cells = new ArrayList<>();
        cells.add(columns.stream().map(c -> c.toUpperCase().replace('_', ' ')).toList());
        for (Map<String, Object> row : rows) {
            cells.add(columns.stream().map(c -> TerminalText.cell(cell(row.get(c), true))).toList());
        }
        printAligned(cells);
    }

    /** One record as "Name:  value" lines, or one JSON object. */
    void details(Map<String, Object> record) {
        if (isJson()) {
            json(record);
            return;
        }
        int width = record.keySet().stream().mapToInt(k -> label(k).length()).max().orElse(0);
        record.forEach((key, value) -> out.println(
                pad(label(key) + ":", width + 3) + TerminalText.visible(cell(value, false))));
    }

    void json(Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON output", e);
        }
    }

    /** A sentence for people; nothing in JSON mode or when empty. */
    void line(String text) {
        if (!isJson() && !text.isEmpty()) {
            out.println(text);
        }
    }

    String cell(Object value, boolean shortIds) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Instant) {
            return relative((Instant) value);
        }
        if (value instanceof UUID) {
            return shortIds ? value.toString().substring(0, SHORT_ID) : value.toString();
        }
        if (value instanceof Collection) {
            Collection<?> items = (Collection<?>) value;
            return items.isEmpty() ? "-" : String.join(", ",
                    items.stream().map(v -> cell(v, shortIds)).toList());
        }
        if (value instanceof JsonNode) {
            return ((JsonNode) value).toString();
        }
        return value.toString();
    }

    /** "just now", "42s ago", "5m ago", "3h ago", "2d ago"; older or future: the date. */
    String relative(Instant when) {
        Duration age = Duration.between(when, clock.instant());
        if (age.isNegative() || age.toDays() > 30) {
            return DATE.format(when.truncatedTo(ChronoUnit.SECONDS));
        }
        if (age.getSeconds() < 5) {
            return "just now";
        }
        if (age.toMinutes() < 1) {
            return age.getSeconds() + "s ago";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + "m ago";
        }
        return age.toDays() < 1 ? age.toHours() + "h ago" : age.toDays() + "d ago";
    }

    private void printAligned(List<List<String>> cells) {
        int columns = cells.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : cells) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? row.get(i) : pad(row.get(i), widths[i] + 2));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String label(String key) {
        String words = key.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
