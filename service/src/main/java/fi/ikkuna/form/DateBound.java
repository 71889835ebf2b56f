package fi.ikkuna.form;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A date limit written in a form definition: {@code today}, {@code today+90}, {@code today-36500} or an ISO date.
 * Relative bounds are resolved against the submission day, so a definition never goes stale.
 */
public record DateBound(LocalDate fixed, int daysFromToday) {

    public LocalDate resolve(LocalDate today) {
        return fixed != null ? fixed : today.plusDays(daysFromToday);
    }

    /** Parses a bound; throws IllegalArgumentException with a reason for staff. */
    public static DateBound parse(String text) {
        String t = text.trim();
        if (t.equals("today")) {
            return new DateBound(null, 0);
        }
        if (t.matches("today[+-][0-9]{1,5}")) {
            return new DateBound(null, Integer.parseInt(t.substring(5).replace("+", "")));
        }
        try {
            return new DateBound(LocalDate.parse(t), 0);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date bound must be today, today+N, today-N or YYYY-MM-DD, got '" + t + "'");
        }
    }
}
