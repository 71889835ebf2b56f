package fi.ikkuna.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

/** The configuration's checks and the daily run's time (docs/data-rights.md, "Retention"). */
class RetentionSettingsTest {
    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    private static RetentionSettings settings(Map<String, String> values) {
        Config c = Config.builder().sources(ConfigSources.create(values)).disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource().build();
        return RetentionSettings.from(c, HELSINKI);
    }

    @Test
    void periodsComeFromConfigurationAndDefaultsFillTheRest() {
        RetentionSettings s = settings(Map.of("kinds.faq.keep", "P10D", "run-at", "02:15", "batch-size", "7"));
        assertEquals(Period.ofDays(10), s.policies().get(RetentionKind.FAQ).keep());
        assertEquals(Period.ofYears(5), s.policies().get(RetentionKind.EMERGENCY).keep());
        assertEquals(LocalTime.of(2, 15), s.runAt());
        assertEquals(7, s.batchSize());
        assertEquals(12, s.accessLogYears());
    }

    @Test
    void aMinimumLongerThanTheKeepOrANonPositiveBatchIsRefusedAtStart() {
        Map<String, String> bad = new HashMap<>(Map.of("kinds.handled.keep", "P1Y", "kinds.handled.minimum", "P2Y"));
        assertThrows(IllegalStateException.class, () -> settings(bad));
        assertThrows(IllegalStateException.class, () -> settings(Map.of("batch-size", "0")));
        assertThrows(IllegalStateException.class, () -> settings(Map.of("access-log-years", "0")));
    }

    @Test
    void theDailyRunIsAtItsLocalTimeAcrossDaylightSaving() {
        LocalTime at = LocalTime.of(3, 30);
        Instant before = Instant.parse("2026-01-10T01:29:00Z");
        assertEquals(Instant.parse("2026-01-10T01:30:00Z"), DailySchedule.next(before, HELSINKI, at));
        assertEquals(Instant.parse("2026-01-11T01:30:00Z"), DailySchedule.next(Instant.parse("2026-01-10T01:30:00Z"), HELSINKI, at));
        // Summer time: 03:30 local is 00:30 UTC.
        assertEquals(Instant.parse("2026-06-02T00:30:00Z"), DailySchedule.next(Instant.parse("2026-06-01T01:00:00Z"), HELSINKI, at));
        // 29 March 2026 has no 03:30 in Helsinki (03:00 -> 04:00): the run is at 04:30 summer time, once.
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), DailySchedule.next(Instant.parse("2026-03-29T00:00:00Z"), HELSINKI, at));
    }
}
