package fi.ikkuna.widget;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class OpeningHoursTest {
    private static final String ZONE = "Europe/Helsinki";

    @Test
    void weekdaysInTheCountysTimeZone() {
        OpeningHours h = OpeningHours.parse("mon-fri 08:00-16:00; sat 10:00-14:00", ZONE);
        // Monday 23 Nov 2026, 08:30 in Helsinki is 06:30 UTC (EET, +2).
        assertTrue(h.isOpen(Instant.parse("2026-11-23T06:30:00Z")));
        assertFalse(h.isOpen(Instant.parse("2026-11-23T05:59:00Z")));
        assertFalse(h.isOpen(Instant.parse("2026-11-23T14:00:00Z")), "16:00 is closing time");
        assertTrue(h.isOpen(Instant.parse("2026-11-28T09:00:00Z")), "Saturday 11:00");
        assertFalse(h.isOpen(Instant.parse("2026-11-29T09:00:00Z")), "Sunday");
    }

    @Test
    void alwaysAndNever() {
        assertTrue(OpeningHours.parse("always", ZONE).isOpen(Instant.EPOCH));
        assertFalse(OpeningHours.parse("never", ZONE).isOpen(Instant.EPOCH));
    }

    @Test
    void unreadableSpecFailsAtStart() {
        assertThrows(IllegalArgumentException.class, () -> OpeningHours.parse("weekdays", ZONE));
        assertThrows(IllegalArgumentException.class, () -> OpeningHours.parse("xx 08:00-16:00", ZONE));
    }
}
