package fi.ikkuna.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import fi.ikkuna.auth.Principal;
import fi.ikkuna.triage.TestRules;
import org.junit.jupiter.api.Test;

/**
 * Issue 14.2: "staffed" is a signed-in professional of the queue, online, within the queue's hours from the county's
 * own queues.yaml (public holidays and dated exceptions included). Fixed clocks, so the answer never depends on when
 * the suite runs.
 */
class StaffingTest {
    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    private static final Principal NURSE = new Principal("n", "hoitaja", "Hanna Virtanen", "sairaanhoitaja", "professional",
            Set.of("health", "prescriptions", "dental", "general"));
    private static final Principal ADVISER = new Principal("p", "pelastus", "Pekka Nieminen", "palotarkastaja", "professional",
            Set.of("rescue", "general"));
    private static final Principal ADMIN = new Principal("a", "admin", "Antti Järvinen", "pääkäyttäjä", "administrator",
            Set.of("health", "general", "rescue", "social"));
    private static final Principal EDITOR = new Principal("e", "saannot", "Riikka Laine", "sääntöasiantuntija", "rules_editor", Set.of());
    private static final Principal MANAGER = new Principal("m", "johtaja", "Maija Lehtonen", "palvelupäällikkö", "manager", Set.of());

    private static Staffing at(String localTime, Principal... online) {
        Clock clock = Clock.fixed(LocalDateTime.parse(localTime).atZone(HELSINKI).toInstant(), HELSINKI);
        return new Staffing(() -> List.of(online), () -> TestRules.pipeline().queues(), clock, HELSINKI, true);
    }

    @Test
    void aNurseOnAWeekdayStaffsHerOpenQueues() {
        Staffing s = at("2026-12-07T10:00", NURSE); // Monday
        assertEquals(Set.of("health", "prescriptions", "dental", "general"), s.staffedQueues());
        assertEquals(Set.of("health", "dental", "general"), s.staffedServices());
    }

    @Test
    void administratorsEditorsAndManagersStaffNothing() {
        assertEquals(Set.of(), at("2026-12-07T10:00", ADMIN, EDITOR, MANAGER).staffedQueues());
    }

    @Test
    void aRescueAdviserStaffsRescueAndGeneralOnly() {
        assertEquals(Set.of("rescue", "general"), at("2026-12-07T10:00", ADVISER).staffedQueues());
    }

    @Test
    void eachQueueKeepsItsOwnHours() {
        assertEquals(Set.of("general"), at("2026-12-07T17:00", NURSE).staffedQueues(), "health closes at 16, general at 18");
        assertEquals(Set.of("general"), at("2026-12-05T11:00", NURSE).staffedQueues(), "Saturday: only general, 10-14");
        assertEquals(Set.of(), at("2026-12-05T15:00", NURSE).staffedQueues());
        assertEquals(Set.of(), at("2026-12-07T07:00", NURSE).staffedQueues(), "before opening");
    }

    @Test
    void holidaysAndDatedExceptionsCount() {
        assertEquals(Set.of(), at("2026-12-25T10:00", NURSE, ADVISER).staffedQueues(), "Christmas Day, a Friday");
        assertEquals(Set.of(), at("2026-12-24T10:00", NURSE, ADVISER).staffedQueues(), "Christmas Eve, a Thursday");
        assertEquals(Set.of("prescriptions", "dental", "general"), at("2026-12-31T14:30", NURSE).staffedQueues(),
                "New Year's Eve, a Thursday: health closes at 14 by its dated exception, the others keep their hours");
    }

    @Test
    void withoutTheRuleEveryQueueCountsAsStaffed() {
        Clock clock = Clock.fixed(LocalDateTime.parse("2026-12-25T03:00").atZone(HELSINKI).toInstant(), HELSINKI);
        Staffing s = new Staffing(List::of, () -> TestRules.pipeline().queues(), clock, HELSINKI, false);
        assertEquals(TestRules.pipeline().queues().size(), s.staffedQueues().size());
    }
}
