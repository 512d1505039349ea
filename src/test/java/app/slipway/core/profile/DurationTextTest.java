package app.slipway.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {
    @ParameterizedTest
    @CsvSource({"180s, 180", "3m, 180", "90, 90", "' 45s ', 45", "2h, 7200", "1m, 60"})
    void parsesSecondsMinutesHoursAndBareSeconds(String text, long seconds) {
        assertEquals(Optional.of(Duration.ofSeconds(seconds)), DurationText.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "0", "0s", "-5s", "3 minutes", "1.5m", "10d", "3M", "PT3M", "1m30s"})
    void rejectsEverythingElse(String text) {
        assertTrue(DurationText.parse(text).isEmpty(), text);
    }

    @ParameterizedTest
    @CsvSource({"180, 3m", "90, 90s", "3600, 1h", "61, 61s"})
    void formatsCompactly(long seconds, String text) {
        assertEquals(text, DurationText.format(Duration.ofSeconds(seconds)));
    }
}
