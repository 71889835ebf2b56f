package fi.ikkuna.widget;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When the chat is staffed, in the county's time zone. Outside these hours the widget offers a contact request
 * instead of a live chat. Syntax: {@code always}, {@code never}, or {@code mon-fri 08:00-16:00; sat 10:00-14:00}.
 */
final class OpeningHours {
    private record Span(DayOfWeek from, DayOfWeek to, LocalTime start, LocalTime end) {
        boolean contains(ZonedDateTime t) {
            int d = t.getDayOfWeek().getValue();
            LocalTime time = t.toLocalTime();
            return d >= from.getValue() && d <= to.getValue() && !time.isBefore(start) && time.isBefore(end);
        }
    }

    private final List<Span> spans;
    private final boolean always;
    private final ZoneId zone;

    private OpeningHours(List<Span> spans, boolean always, ZoneId zone) {
        this.spans = spans;
        this.always = always;
        this.zone = zone;
    }

    static OpeningHours parse(String spec, String zone) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        ZoneId z = ZoneId.of(zone);
        if (s.equals("always")) {
            return new OpeningHours(List.of(), true, z);
        }
        List<Span> spans = new ArrayList<>();
        if (!s.equals("never")) {
            for (String part : s.split(";")) {
                String[] dayTime = part.trim().split("\\s+");
                if (dayTime.length != 2) {
                    throw new IllegalArgumentException("ikkuna.widget.opening-hours: cannot read '" + part + "'");
                }
                String[] days = dayTime[0].split("-");
                String[] times = dayTime[1].split("-");
                spans.add(new Span(day(days[0]), day(days[days.length - 1]), LocalTime.parse(times[0]), LocalTime.parse(times[1])));
            }
        }
        return new OpeningHours(List.copyOf(spans), false, z);
    }

    boolean isOpen(Instant now) {
        if (always) {
            return true;
        }
        ZonedDateTime t = now.atZone(zone);
        return spans.stream().anyMatch(sp -> sp.contains(t));
    }

    private static DayOfWeek day(String d) {
        for (DayOfWeek w : DayOfWeek.values()) {
            if (w.name().toLowerCase(Locale.ROOT).startsWith(d) && d.length() >= 2) {
                return w;
            }
        }
        throw new IllegalArgumentException("ikkuna.widget.opening-hours: unknown day '" + d + "'");
    }
}
