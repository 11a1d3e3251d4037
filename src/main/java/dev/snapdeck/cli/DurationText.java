package dev.snapdeck.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A duration as people type it on a command line, and as a message says it back: plain seconds
 * ({@code 300}, {@code 0.5}), a number with a unit ({@code 500ms}, {@code 90s}, {@code 5m},
 * {@code 1h}) or ISO-8601 as {@link Duration#parse} reads it ({@code PT5M}). Negative durations
 * are refused, since no option of ours means anything by them.
 */
final class DurationText implements ITypeConverter<Duration> {

    private static final Pattern NUMBER_AND_UNIT =
            Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h|d)?");
    private static final long MILLIS_PER_MINUTE = 60_000;
    private static final long MILLIS_PER_HOUR = 3_600_000;
    private static final long MILLIS_PER_DAY = 24 * MILLIS_PER_HOUR;

    @Override
    public Duration convert(String text) {
        String typed = text.strip().toLowerCase(Locale.ROOT);
        if (typed.startsWith("-")) {
            throw negative(text);
        }
        Duration parsed = typed.startsWith("p") ? parseIso(typed, text) : parseNumber(typed, text);
        if (parsed.isNegative()) {
            throw negative(text);
        }
        return parsed;
    }

    private static Duration parseIso(String typed, String text) {
        try {
            return Duration.parse(typed);
        } catch (DateTimeParseException e) {
            throw notADuration(text);
        }
    }

    private static Duration parseNumber(String typed, String text) {
        Matcher matcher = NUMBER_AND_UNIT.matcher(typed);
        if (!matcher.matches()) {
            throw notADuration(text);
        }
        BigDecimal millis = new BigDecimal(matcher.group(1)).multiply(millisPer(matcher.group(2)));
        if (millis.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new TypeConversionException("'" + text + "' is too long; give at most "
                    + "a few years (e.g. 365d).");
        }
        if (millis.stripTrailingZeros().scale() > 0) {
            throw new TypeConversionException("'" + text + "' is finer than a millisecond; "
                    + "give whole milliseconds at most (e.g. 1.5s, 1500ms).");
        }
        return Duration.ofMillis(millis.longValueExact());
    }

    private static BigDecimal millisPer(String unit) {
        if (unit == null || unit.equals("s")) {
            return BigDecimal.valueOf(1000);
        }
        switch (unit) {
            case "ms":
                return BigDecimal.ONE;
            case "h":
                return BigDecimal.valueOf(MILLIS_PER_HOUR);
            case "d":
                return BigDecimal.valueOf(MILLIS_PER_DAY);
            default:
                return BigDecimal.valueOf(MILLIS_PER_MINUTE);
        }
    }

    private static TypeConversionException negative(String text) {
        return new TypeConversionException("'" + text + "' is negative; give 0 or more.");
    }

    private static TypeConversionException notADuration(String text) {
        return new TypeConversionException("'" + text + "' is not a duration: give seconds "
                + "(300), a number with a unit (500ms, 90s, 5m, 1h, 1d) or ISO-8601 (PT5M).");
    }

    /** The duration in the largest unit that says it exactly: "5 min", "90 s", "1.5 s". */
    static String spoken(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % MILLIS_PER_HOUR == 0) {
            return millis / MILLIS_PER_HOUR + " h";
        }
        if (millis % MILLIS_PER_MINUTE == 0) {
            return millis / MILLIS_PER_MINUTE + " min";
        }
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
    }
}
