package fi.ikkuna.triage.calendar;

import fi.ikkuna.triage.Urgency;

import java.util.Set;

/**
 * One care-guarantee rule from deadlines.yaml; the first rule whose conditions hold decides.
 *
 * @param officeHours null = any time, true = only inside office hours on a working day, false = only outside
 * @param deadline    how the deadline is computed ("none" gives no deadline)
 * @param assessment  optional care-need assessment deadline, reported in the explanation
 */
public record DeadlineRule(String id, Set<Urgency> urgencies, Set<String> services, Integer ageMin, Integer ageMax,
                           Boolean officeHours, Span deadline, Span assessment, String source) {

    /**
     * A deadline: {@code now}, {@code none}, {@code end_of_day}, {@code hours N}, {@code weekdays N} (working
     * days, at office closing), {@code days N} or {@code months N} (calendar, end of day, moved to the next
     * working day when it falls on a weekend or holiday).
     */
    public record Span(String unit, int amount) {
    }

    boolean applies(Urgency urgency, String service, Integer age, boolean inOfficeHours) {
        if (!urgencies.isEmpty() && !urgencies.contains(urgency)) {
            return false;
        }
        if (!services.isEmpty() && !services.contains(service)) {
            return false;
        }
        if ((ageMin != null || ageMax != null) && age == null) {
            return false;
        }
        if (ageMin != null && age < ageMin || ageMax != null && age > ageMax) {
            return false;
        }
        return officeHours == null || officeHours == inOfficeHours;
    }
}
