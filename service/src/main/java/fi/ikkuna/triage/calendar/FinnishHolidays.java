package fi.ikkuna.triage.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finnish public holidays, computed (not listed) so the rule set never runs out of years. Christmas Eve and
 * Midsummer Eve are not statutory holidays but almost every office is closed, so they count as non-working.
 */
public final class FinnishHolidays {
    private static final Map<Integer, Set<LocalDate>> CACHE = new ConcurrentHashMap<>();
    private static final Set<MonthDay> FIXED = Set.of(MonthDay.of(1, 1), MonthDay.of(1, 6), MonthDay.of(5, 1),
            MonthDay.of(12, 6), MonthDay.of(12, 24), MonthDay.of(12, 25), MonthDay.of(12, 26));

    private FinnishHolidays() {
    }

    /** True for public holidays and the two eves treated as holidays (weekends are not included). */
    public static boolean isHoliday(LocalDate date) {
        return of(date.getYear()).contains(date);
    }

    /** Monday to Friday and not a holiday. */
    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !isHoliday(date);
    }

    public static Set<LocalDate> of(int year) {
        return CACHE.computeIfAbsent(year, FinnishHolidays::compute);
    }

    private static Set<LocalDate> compute(int year) {
        Set<LocalDate> days = new TreeSet<>();
        FIXED.forEach(md -> days.add(md.atYear(year)));
        LocalDate easter = easterSunday(year);
        days.add(easter.minusDays(2));   // Good Friday
        days.add(easter);
        days.add(easter.plusDays(1));    // Easter Monday
        days.add(easter.plusDays(39));   // Ascension Day
        days.add(easter.plusDays(49));   // Pentecost
        LocalDate midsummerDay = LocalDate.of(year, 6, 20).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        days.add(midsummerDay.minusDays(1));
        days.add(midsummerDay);
        days.add(LocalDate.of(year, 10, 31).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)));
        return Set.copyOf(days);
    }

    /** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
