package fi.ikkuna.triage.calendar;

import fi.ikkuna.triage.load.YamlNode;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Weekly opening hours with dated exceptions. Public holidays are closed unless {@code holidays:} gives hours,
 * and a dated exception beats both.
 */
public record OpeningHours(Map<DayOfWeek, List<Span>> weekly, List<Span> onHolidays, Map<LocalDate, List<Span>> exceptions) {

    /** Half-open [from, to); "24:00" is stored as LocalTime.MAX so a 24/7 queue is open at 23:59:59. */
    public record Span(LocalTime from, LocalTime to) {
        boolean contains(LocalTime t) {
            return !t.isBefore(from) && t.isBefore(to) || to.equals(LocalTime.MAX) && !t.isBefore(from);
        }
    }

    public boolean isOpen(ZonedDateTime at) {
        LocalDate date = at.toLocalDate();
        List<Span> spans = exceptions.containsKey(date) ? exceptions.get(date)
                : FinnishHolidays.isHoliday(date) ? onHolidays
                : weekly.getOrDefault(at.getDayOfWeek(), List.of());
        LocalTime t = at.toLocalTime();
        return spans.stream().anyMatch(s -> s.contains(t));
    }

    public static OpeningHours parse(YamlNode queue) {
        Map<DayOfWeek, List<Span>> weekly = new EnumMap<>(DayOfWeek.class);
        for (var e : queue.get("hours").map().entrySet()) {
            List<Span> spans = spans(e.getValue());
            for (DayOfWeek d : days(e.getKey(), e.getValue())) {
                weekly.put(d, spans);
            }
        }
        List<Span> holidays = queue.opt("holidays").map(OpeningHours::spans).orElse(List.of());
        Map<LocalDate, List<Span>> exceptions = new java.util.HashMap<>();
        queue.opt("exceptions").ifPresent(ex -> ex.map().forEach((k, v) -> {
            try {
                exceptions.put(LocalDate.parse(k), spans(v));
            } catch (DateTimeParseException e) {
                throw v.error("exception date must be YYYY-MM-DD, got '" + k + "'");
            }
        }));
        return new OpeningHours(Map.copyOf(weekly), holidays, Map.copyOf(exceptions));
    }

    private static List<DayOfWeek> days(String key, YamlNode at) {
        String[] range = key.split("-");
        DayOfWeek from = day(range[0], at);
        DayOfWeek to = range.length > 1 ? day(range[1], at) : from;
        List<DayOfWeek> out = new ArrayList<>();
        for (int d = from.getValue(); d <= to.getValue(); d++) {
            out.add(DayOfWeek.of(d));
        }
        return out;
    }

    private static DayOfWeek day(String abbrev, YamlNode at) {
        return switch (abbrev.trim()) {
            case "mon" -> DayOfWeek.MONDAY;
            case "tue" -> DayOfWeek.TUESDAY;
            case "wed" -> DayOfWeek.WEDNESDAY;
            case "thu" -> DayOfWeek.THURSDAY;
            case "fri" -> DayOfWeek.FRIDAY;
            case "sat" -> DayOfWeek.SATURDAY;
            case "sun" -> DayOfWeek.SUNDAY;
            default -> throw at.error("unknown weekday '" + abbrev + "' (use mon..sun or a range like mon-fri)");
        };
    }

    /** "closed", "08:00-16:00" or "08:00-12:00, 13:00-16:00". */
    static List<Span> spans(YamlNode node) {
        String text = node.text().trim();
        if (text.equals("closed")) {
            return List.of();
        }
        List<Span> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] ft = part.trim().split("-");
            try {
                LocalTime from = LocalTime.parse(ft[0].trim());
                LocalTime to = ft[1].trim().equals("24:00") ? LocalTime.MAX : LocalTime.parse(ft[1].trim());
                out.add(new Span(from, to));
            } catch (RuntimeException e) {
                throw node.error("opening hours must look like 08:00-16:00 or closed, got '" + text + "'");
            }
        }
        return List.copyOf(out);
    }
}
