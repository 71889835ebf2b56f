package fi.ikkuna.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.auth.Principal;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.ProtocolException;

/** The only place availability input is rejected. */
final class AvailabilityChecks {
    static final Set<String> TYPES = Set.of("phone", "video", "chat");
    private static final List<String> WEEKDAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private AvailabilityChecks() {
    }

    static Availability.PatternInput checkPattern(ObjectNode body, Principal p, Set<String> queues, LocalDate today) {
        Input in = new Input(body);
        in.only(Set.of("queue", "type", "weekday", "start", "end", "slotMinutes", "validFrom", "validUntil"));
        String queue = in.oneOf("queue", true, queues);
        String type = in.oneOf("type", true, TYPES);
        String weekday = in.oneOf("weekday", true, Set.copyOf(WEEKDAYS));
        LocalTime start = in.time("start", true);
        LocalTime end = in.time("end", true);
        Integer minutes = in.integer("slotMinutes", true, 5, 240);
        LocalDate from = in.date("validFrom", false);
        LocalDate until = in.date("validUntil", false);
        if (start != null && end != null && minutes != null && start.plusMinutes(minutes).isAfter(end)
                || start != null && end != null && !end.isAfter(start)) {
            in.fail("end", "invalid_range", "must leave room for at least one slot after 'start'");
        }
        LocalDate effectiveFrom = from == null || from.isBefore(today) ? today : from;
        if (until != null && until.isBefore(effectiveFrom)) {
            in.fail("validUntil", "invalid_range", "must not be before 'validFrom' (or today)");
        }
        in.done();
        checkMember(p, queue);
        return new Availability.PatternInput(queue, AppointmentType.fromWire(type), WEEKDAYS.indexOf(weekday) + 1, start, end,
                minutes, effectiveFrom, until);
    }

    static Availability.SlotInput checkSlot(ObjectNode body, Principal p, Set<String> queues, ZoneId zone, Instant now) {
        Input in = new Input(body);
        in.only(Set.of("queue", "type", "start", "minutes"));
        String queue = in.oneOf("queue", true, queues);
        String type = in.oneOf("type", true, TYPES);
        Instant start = in.dateTime("start", true, zone);
        Integer minutes = in.integer("minutes", true, 5, 240);
        if (start != null && !start.isAfter(now)) {
            in.fail("start", "in_past", "must be in the future");
        }
        in.done();
        checkMember(p, queue);
        return new Availability.SlotInput(queue, AppointmentType.fromWire(type), start, minutes);
    }

    /** Only a member of a queue publishes times for it. */
    static void checkMember(Principal p, String queue) {
        if (!p.queues().contains(queue)) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, "You are not a member of queue '" + queue + "'");
        }
    }
}
