package fi.ikkuna.triage;

import fi.ikkuna.triage.calendar.DeadlinePolicy;
import fi.ikkuna.triage.calendar.FinnishHolidays;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalendarTest {
    private static ZonedDateTime at(String local) {
        return ZonedDateTime.parse(local + "[Europe/Helsinki]");
    }

    private static Instant deadline(Urgency u, String service, Integer age, String local) {
        DeadlinePolicy policy = TestRules.pipeline().ruleSet().deadlines();
        return policy.decide(u, service, age, at(local)).orElseThrow().deadline();
    }

    private static Instant instant(String local) {
        return at(local).toInstant();
    }

    @Test
    void movableHolidays() {
        assertTrue(FinnishHolidays.isHoliday(LocalDate.of(2026, 4, 3)), "Good Friday 2026");
        assertTrue(FinnishHolidays.isHoliday(LocalDate.of(2026, 4, 6)), "Easter Monday 2026");
        assertTrue(FinnishHolidays.isHoliday(LocalDate.of(2026, 5, 14)), "Ascension Day 2026");
        assertTrue(FinnishHolidays.isHoliday(LocalDate.of(2025, 4, 18)), "Good Friday 2025");
        assertTrue(FinnishHolidays.isHoliday(LocalDate.of(2027, 3, 26)), "Good Friday 2027");
        assertTrue(FinnishHolidays.isHoliday(LocalDate.of(2026, 6, 19)), "Midsummer Eve 2026");
        assertTrue(FinnishHolidays.isHoliday(LocalDate.of(2026, 6, 20)), "Midsummer Day 2026");
        assertTrue(FinnishHolidays.isHoliday(LocalDate.of(2025, 6, 20)), "Midsummer Eve 2025");
        assertTrue(FinnishHolidays.isHoliday(LocalDate.of(2026, 10, 31)), "All Saints' Day 2026");
        assertTrue(FinnishHolidays.isHoliday(LocalDate.of(2027, 11, 6)), "All Saints' Day 2027");
        assertTrue(FinnishHolidays.isHoliday(LocalDate.of(2026, 12, 24)), "Christmas Eve");
        assertTrue(FinnishHolidays.isHoliday(LocalDate.of(2026, 12, 6)), "Independence Day");
        assertFalse(FinnishHolidays.isHoliday(LocalDate.of(2026, 6, 18)));
        assertFalse(FinnishHolidays.isWorkingDay(LocalDate.of(2026, 11, 28)), "Saturday");
        assertTrue(FinnishHolidays.isWorkingDay(LocalDate.of(2026, 11, 27)));
    }

    @Test
    void urgentOnFridayJustBeforeClosingIsSameDay() {
        assertEquals(instant("2026-11-27T23:59:59+02:00"), deadline(Urgency.URGENT, "health", 40, "2026-11-27T15:55:00+02:00"));
    }

    @Test
    void urgentAfterClosingIsWithin24Hours() {
        assertEquals(instant("2026-11-28T16:05:00+02:00"), deadline(Urgency.URGENT, "health", 40, "2026-11-27T16:05:00+02:00"));
    }

    @Test
    void nonUrgentOnFridayAfternoonIs14DaysLater() {
        assertEquals(instant("2026-12-11T23:59:59+02:00"), deadline(Urgency.NON_URGENT, "health", 40, "2026-11-27T15:55:00+02:00"));
    }

    @Test
    void midsummerEveIsOutsideOfficeHours() {
        assertEquals(instant("2026-06-20T10:00:00+03:00"), deadline(Urgency.URGENT, "health", 40, "2026-06-19T10:00:00+03:00"));
        // three months from Midsummer Eve is Saturday 19 September: moved to Monday
        assertEquals(instant("2026-09-21T23:59:59+03:00"), deadline(Urgency.NON_URGENT, "dental", 40, "2026-06-19T10:00:00+03:00"));
    }

    @Test
    void goodFridayIsOutsideOfficeHours() {
        assertEquals(instant("2026-04-04T10:00:00+03:00"), deadline(Urgency.URGENT, "health", 40, "2026-04-03T10:00:00+03:00"));
    }

    @Test
    void dentalCareGuaranteeDependsOnAge() {
        assertEquals(instant("2026-12-07T23:59:59+02:00"), deadline(Urgency.NON_URGENT, "dental", 15, "2026-11-23T09:15:00+02:00"));
        assertEquals(instant("2027-02-23T23:59:59+02:00"), deadline(Urgency.NON_URGENT, "dental", 40, "2026-11-23T09:15:00+02:00"));
    }

    @Test
    void assessmentSkipsHolidays() {
        DeadlinePolicy policy = TestRules.pipeline().ruleSet().deadlines();
        // Thursday before Easter 2026: 3 working days skip Good Friday, the weekend and Easter Monday
        Instant assessment = policy.decide(Urgency.NON_URGENT, "health", 40, at("2026-04-02T09:00:00+03:00")).orElseThrow().assessment();
        assertEquals(instant("2026-04-09T16:00:00+03:00"), assessment);
    }

    @Test
    void selfCareHasNoDeadlineAndEmergencyIsNow() {
        assertNull(deadline(Urgency.SELF_CARE, "general", null, "2026-11-23T09:15:00+02:00"));
        assertEquals(instant("2026-11-23T09:15:00+02:00"), deadline(Urgency.EMERGENCY, "health", null, "2026-11-23T09:15:00+02:00"));
    }

    @Test
    void openingHoursFollowWeekHolidaysAndExceptions() {
        RuleTriagePipeline p = TestRules.pipeline();
        assertTrue(p.isOpen("health", at("2026-11-23T10:00:00+02:00")));
        assertFalse(p.isOpen("health", at("2026-11-27T15:30:00+02:00")), "health closes at 15 on Fridays");
        assertFalse(p.isOpen("health", at("2026-11-28T10:00:00+02:00")), "Saturday");
        assertFalse(p.isOpen("health", at("2026-04-03T10:00:00+03:00")), "Good Friday");
        assertTrue(p.isOpen("health", at("2026-12-31T13:00:00+02:00")), "New Year's Eve exception");
        assertFalse(p.isOpen("health", at("2026-12-31T15:00:00+02:00")), "New Year's Eve closes at 14");
        assertTrue(p.isOpen("general", at("2026-11-28T11:00:00+02:00")), "general is open on Saturdays");
        assertFalse(p.isOpen("general", at("2026-06-20T11:00:00+03:00")), "but not on Midsummer Day");
        assertTrue(p.isOpen("health", ZonedDateTime.parse("2026-11-23T08:30:00Z")), "other zones are converted");
    }
}
