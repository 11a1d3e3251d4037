package dev.snapdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import picocli.CommandLine.TypeConversionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationTextTest {

    private final DurationText converter = new DurationText();

    @ParameterizedTest
    @CsvSource({"300, 300000", "0.5, 500", "0, 0", "500ms, 500", "90s, 90000", "5m, 300000",
        "5 min, 300000", "1h, 3600000", "1d, 86400000", "PT5M, 300000", "pt1.5s, 1500", " 2M , 120000"})
    void readsSecondsUnitsAndIsoDurations(String typed, long millis) {
        assertEquals(Duration.ofMillis(millis), converter.convert(typed));
    }

    @ParameterizedTest
    @CsvSource({"-5", "PT-5M", "-PT1S"})
    void refusesNegativeDurationsSayingSo(String typed) {
        TypeConversionException refused = assertThrows(TypeConversionException.class,
                () -> converter.convert(typed));

        assertTrue(refused.getMessage().contains("negative"), refused.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"five, not a duration", "5w, not a duration", "P, not a duration",
        "'', not a duration", "0.0001, finer than a millisecond", "9999999999999h, too long"})
    void refusesWhatIsNotADurationQuotingIt(String typed, String why) {
        TypeConversionException refused = assertThrows(TypeConversionException.class,
                () -> converter.convert(typed));

        assertTrue(refused.getMessage().startsWith("'" + typed + "' is "), refused.getMessage());
        assertTrue(refused.getMessage().contains(why), refused.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"300000, 5 min", "7200000, 2 h", "90000, 90 s", "1500, 1.5 s", "100, 100 ms",
        "0, 0 ms", "5000, 5 s"})
    void saysADurationInTheLargestExactUnit(long millis, String spoken) {
        assertEquals(spoken, DurationText.spoken(Duration.ofMillis(millis)));
    }
}
