package fi.ikkuna.triage.calendar;

import fi.ikkuna.triage.Urgency;
import fi.ikkuna.triage.load.Vocabulary;
import fi.ikkuna.triage.load.YamlNode;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** deadlines.yaml: office hours and the ordered care-guarantee rules. */
public record DeadlinePolicy(LocalTime officeOpens, LocalTime officeCloses, List<DeadlineRule> rules, ZoneId zone) {

    /** The decision: which rule fired and the instants it gives (null deadline = none applies). */
    public record Decision(DeadlineRule rule, Instant deadline, Instant assessment) {
    }

    public Optional<Decision> decide(Urgency urgency, String service, Integer age, ZonedDateTime at) {
        ZonedDateTime local = at.withZoneSameInstant(zone);
        boolean office = inOfficeHours(local);
        for (DeadlineRule r : rules) {
            if (r.applies(urgency, service, age, office)) {
                return Optional.of(new Decision(r, compute(r.deadline(), local), compute(r.assessment(), local)));
            }
        }
        return Optional.empty();
    }

    public boolean inOfficeHours(ZonedDateTime local) {
        LocalTime t = local.toLocalTime();
        return FinnishHolidays.isWorkingDay(local.toLocalDate()) && !t.isBefore(officeOpens) && t.isBefore(officeCloses);
    }

    Instant compute(DeadlineRule.Span span, ZonedDateTime at) {
        if (span == null) {
            return null;
        }
        return switch (span.unit()) {
            case "none" -> null;
            case "now" -> at.toInstant();
            case "end_of_day" -> endOfDay(at.toLocalDate());
            case "hours" -> at.plusHours(span.amount()).toInstant();
            case "weekdays" -> addWorkingDays(at.toLocalDate(), span.amount()).atTime(officeCloses).atZone(zone).toInstant();
            case "days" -> endOfDay(nextWorkingDay(at.toLocalDate().plusDays(span.amount())));
            case "months" -> endOfDay(nextWorkingDay(at.toLocalDate().plusMonths(span.amount())));
            default -> throw new IllegalStateException(span.unit());
        };
    }

    private Instant endOfDay(LocalDate d) {
        return d.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant();
    }

    private static LocalDate addWorkingDays(LocalDate from, int n) {
        LocalDate d = from;
        for (int added = 0; added < n; ) {
            d = d.plusDays(1);
            if (FinnishHolidays.isWorkingDay(d)) {
                added++;
            }
        }
        return d;
    }

    private static LocalDate nextWorkingDay(LocalDate d) {
        while (!FinnishHolidays.isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    public static DeadlinePolicy parse(YamlNode root, Vocabulary vocabulary, ZoneId zone, Path rulesDir) {
        root.checkKeys("office_hours", "rules");
        YamlNode office = root.get("office_hours").checkKeys("working_days");
        List<OpeningHours.Span> spans = OpeningHours.spans(office.get("working_days"));
        if (spans.size() != 1) {
            throw office.get("working_days").error("office hours must be one span like 08:00-16:00");
        }
        List<DeadlineRule> rules = new ArrayList<>();
        for (YamlNode r : root.get("rules").list()) {
            r.checkKeys("id", "when", "deadline", "assessment");
            Set<Urgency> urgencies = new HashSet<>();
            Set<String> services = new HashSet<>();
            Integer[] age = {null, null};
            Boolean[] officeHours = {null};
            r.opt("when").ifPresent(w -> {
                w.checkKeys("urgency", "service", "age", "office_hours");
                w.opt("urgency").ifPresent(u -> (u.isList() ? u.list() : List.of(u)).forEach(x -> urgencies.add(vocabulary.checkUrgency(x))));
                w.opt("service").ifPresent(s -> (s.isList() ? s.list() : List.of(s)).forEach(x -> services.add(vocabulary.checkService(x))));
                w.opt("age").ifPresent(a -> ageRange(a, age));
                officeHours[0] = w.optBool("office_hours").orElse(null);
            });
            rules.add(new DeadlineRule(r.str("id"), Set.copyOf(urgencies), Set.copyOf(services), age[0], age[1],
                    officeHours[0], span(r.get("deadline")), r.opt("assessment").map(DeadlinePolicy::span).orElse(null),
                    rulesDir.relativize(r.file()) + ":" + r.line()));
        }
        return new DeadlinePolicy(spans.get(0).from(), spans.get(0).to(), List.copyOf(rules), zone);
    }

    private static void ageRange(YamlNode a, Integer[] out) {
        String[] p = a.text().trim().split("-", -1);
        try {
            out[0] = p[0].isBlank() ? null : Integer.parseInt(p[0].trim());
            out[1] = p.length < 2 || p[1].isBlank() ? null : Integer.parseInt(p[1].trim());
        } catch (NumberFormatException e) {
            throw a.error("age must be a range like 0-22 or 23-, got '" + a.text() + "'");
        }
    }

    /** "now", "none", "end_of_day", or "<n> hours|weekdays|days|months". */
    private static DeadlineRule.Span span(YamlNode n) {
        String t = n.text().trim();
        if (Set.of("now", "none", "end_of_day").contains(t)) {
            return new DeadlineRule.Span(t, 0);
        }
        String[] p = t.split("\\s+");
        if (p.length == 2 && Set.of("hours", "weekdays", "days", "months").contains(p[1])) {
            try {
                return new DeadlineRule.Span(p[1], Integer.parseInt(p[0]));
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw n.error("deadline must be now, none, end_of_day or '<n> hours|weekdays|days|months', got '" + t + "'");
    }
}
