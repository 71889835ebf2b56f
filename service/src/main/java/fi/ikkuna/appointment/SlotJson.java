package fi.ikkuna.appointment;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.auth.Professional;
import fi.ikkuna.web.Json;
import jakarta.persistence.EntityManager;

/** Slots and patterns as JSON; times as ISO date-times with the county's offset, which a browser parses as is. */
final class SlotJson {
    private final EntityManager em;
    private final ZoneId zone;
    private final Map<String, Professional> pros = new HashMap<>();

    SlotJson(EntityManager em, ZoneId zone) {
        this.em = em;
        this.zone = zone;
    }

    ObjectNode slot(Slot s) {
        ObjectNode o = Json.object().put("id", s.id()).put("queue", s.queueId()).put("type", s.type().wire())
                .put("start", time(s.startAt())).put("end", time(s.endAt()));
        Professional p = pros.computeIfAbsent(s.professionalId(), id -> em.find(Professional.class, id));
        o.putObject("professional").put("name", p == null ? null : p.displayName()).put("title", p == null ? null : p.title());
        return o;
    }

    /** A slot as its professional sees it: with its pattern, cancellation and booking state. */
    ObjectNode ownSlot(Slot s) {
        ObjectNode o = slot(s).put("cancelled", s.cancelled()).put("booked", SlotQueries.activeBooking(em, s.id()) != null);
        o.put("patternId", s.patternId());
        ((ObjectNode) o.get("professional")).put("id", s.professionalId());
        return o;
    }

    ObjectNode pattern(AvailabilityPattern p) {
        ObjectNode o = Json.object().put("id", p.id()).put("queue", p.queueId()).put("type", p.type().wire())
                .put("weekday", java.time.DayOfWeek.of(p.weekday()).name().substring(0, 3).toLowerCase(java.util.Locale.ROOT))
                .put("start", p.start().toString()).put("end", p.end().toString()).put("slotMinutes", p.slotMinutes())
                .put("validFrom", p.validFrom().toString());
        o.put("validUntil", p.validUntil() == null ? null : p.validUntil().toString());
        return o;
    }

    String time(Instant t) {
        return t.atZone(zone).toOffsetDateTime().toString();
    }
}
