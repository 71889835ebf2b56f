package fi.ikkuna.appointment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.audit.AccessLogEntry;
import fi.ikkuna.auth.Principal;
import fi.ikkuna.conversation.AuthorKind;
import fi.ikkuna.conversation.ConversationState;
import fi.ikkuna.conversation.MessageView;
import fi.ikkuna.conversation.ProfessionalActions;
import fi.ikkuna.persistence.Database;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.Json;
import fi.ikkuna.web.ProtocolException;

/**
 * A professional's appointments of one day with each resident's triaged request. The request is read through
 * {@link ProfessionalActions#accessConversation}, the one way a professional loads a conversation, so every
 * read is in the access log with the purpose "appointment". The phone number of a phone appointment is shown
 * only with such a row: she calls the resident at the booked time, also when the conversation has meanwhile
 * left her queues, and then {@link #accessPhone} writes a {@code phone} row of its own.
 */
public final class DayView {
    static final String PURPOSE = "appointment";
    private final Database db;
    private final ProfessionalActions professionals;
    private final ZoneId zone;
    private final Clock clock;

    public DayView(Database db, ProfessionalActions professionals, ZoneId zone, Clock clock) {
        this.db = db;
        this.professionals = professionals;
        this.zone = zone;
        this.clock = clock;
    }

    private record Row(Booking booking, Slot slot, AppointmentRequest request) {
    }

    ObjectNode day(Principal p, LocalDate date) {
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<Row> rows = db.read(em -> em.createQuery("select b, s, r from Booking b, Slot s, AppointmentRequest r"
                        + " where b.slotId = s.id and b.requestId = r.id and b.activeSlotId is not null"
                        + " and s.professionalId = :p and s.startAt >= :a and s.startAt < :b order by s.startAt", Object[].class)
                .setParameter("p", p.id()).setParameter("a", from).setParameter("b", to).getResultList().stream()
                .map(o -> new Row((Booking) o[0], (Slot) o[1], (AppointmentRequest) o[2])).toList());
        ObjectNode body = Json.object().put("date", date.toString());
        ArrayNode list = body.putArray("appointments");
        for (Row row : rows) {
            ObjectNode a = list.addObject().put("bookingCode", row.booking().code())
                    .put("start", time(row.slot().startAt())).put("end", time(row.slot().endAt()))
                    .put("type", row.slot().type().wire()).put("queue", row.slot().queueId())
                    .put("conversationId", row.request().conversationId()).put("deadlineAtRisk", row.request().deadlineAtRisk());
            JsonNode request = request(p, row.request());
            a.put("phone", request != null ? row.booking().phone() : accessPhone(p, row));
            Instant called = row.booking().phoneCalledAt();
            a.put("phoneCalledAt", called == null ? null : time(called));
            a.set("request", request);
        }
        return body;
    }

    /** Waiting requests of the professional's queues that no slot inside the deadline could serve. */
    ObjectNode atRisk(Principal p) {
        Set<String> queues = p.queues();
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("requests");
        if (queues.isEmpty()) {
            return body;
        }
        db.read(em -> em.createQuery("select r from AppointmentRequest r, Conversation c where r.conversationId = c.id"
                        + " and r.deadlineAtRisk = true and c.state = :s and c.queueId in :q order by r.deadline", AppointmentRequest.class)
                .setParameter("s", ConversationState.QUEUED).setParameter("q", queues).getResultList())
                .forEach(r -> {
                    ObjectNode o = list.addObject().put("requestId", r.id()).put("conversationId", r.conversationId())
                            .put("queue", r.queueId()).put("createdAt", time(r.createdAt()));
                    o.put("deadline", r.deadline() == null ? null : time(r.deadline()));
                });
        return body;
    }

    /** The booking's phone number without its conversation, logged as read (purpose "appointment"). */
    private String accessPhone(Principal p, Row row) {
        String phone = row.booking().phone();
        if (phone != null) {
            db.tx(em -> {
                em.persist(new AccessLogEntry(p.id(), row.request().conversationId(), "phone", PURPOSE, clock.instant()));
                return null;
            });
        }
        return phone;
    }

    private JsonNode request(Principal p, AppointmentRequest r) {
        ProfessionalActions.Opened opened;
        try {
            opened = professionals.accessConversation(p, r.conversationId(), PURPOSE);
        } catch (ProtocolException e) {
            if (e.code() != ErrorCode.NOT_FOUND) {
                throw e;
            }
            return null; // transferred out of the professional's queues since it was booked
        }
        var v = opened.conversation();
        ObjectNode o = Json.object().put("state", v.state().wire()).put("language", v.language());
        o.put("text", opened.messages().stream().filter(m -> m.author() == AuthorKind.RESIDENT).map(MessageView::text)
                .findFirst().orElse(null));
        o.put("urgency", v.urgency() == null ? null : v.urgency().wire());
        o.put("service", v.service());
        o.put("deadline", v.deadline() == null ? null : time(v.deadline()));
        o.set("explanation", v.triageJson() == null ? Json.MAPPER.createArrayNode()
                : Json.parseObject(v.triageJson()).path("explanation"));
        return o;
    }

    private String time(Instant t) {
        return t.atZone(zone).toOffsetDateTime().toString();
    }
}
