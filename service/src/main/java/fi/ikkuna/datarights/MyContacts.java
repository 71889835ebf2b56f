package fi.ikkuna.datarights;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.appointment.AppointmentRequest;
import fi.ikkuna.appointment.Booking;
import fi.ikkuna.appointment.Slot;
import fi.ikkuna.conversation.Conversation;
import fi.ikkuna.conversation.Message;
import fi.ikkuna.form.FormSubmission;
import jakarta.persistence.EntityManager;

/**
 * "My contacts" (GDPR Art. 15/20): every conversation identified to the person, and the bookings and form
 * submissions those conversations began (docs/data-rights.md). Messages as the resident saw them: professionals'
 * internal notes are not the resident's conversation and are left out.
 */
final class MyContacts {
    private MyContacts() {
    }

    /** The conversation ids identified to {@code personKey}, oldest first. */
    static List<String> conversationIds(EntityManager em, String personKey) {
        return em.createQuery("select r.conversationId from ResidentIdentity r, Conversation c where r.personKey = :p "
                        + "and c.id = r.conversationId order by c.createdAt, c.id", String.class)
                .setParameter("p", personKey).getResultList();
    }

    static void write(EntityManager em, List<String> ids, ObjectNode into) {
        ArrayNode conversations = into.putArray("conversations");
        ArrayNode bookings = into.putArray("bookings");
        ArrayNode forms = into.putArray("forms");
        if (ids.isEmpty()) {
            return;
        }
        Map<String, List<Message>> messages = em.createQuery("select m from Message m where m.conversationId in :ids "
                        + "and m.internal = false order by m.conversationId, m.seq", Message.class).setParameter("ids", ids)
                .getResultStream().collect(Collectors.groupingBy(Message::conversationId));
        Map<String, Conversation> byId = em.createQuery("select c from Conversation c where c.id in :ids", Conversation.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.toMap(Conversation::id, Function.identity()));
        for (String id : ids) {
            Conversation c = byId.get(id);
            ObjectNode o = conversations.addObject().put("conversationId", id).put("channel", c.channel().wire())
                    .put("language", c.language()).put("state", c.state().wire()).put("startedAt", time(c.createdAt()))
                    .put("endedAt", time(c.closedAt())).put("service", c.service())
                    .put("identificationLevel", c.identificationLevel());
            ArrayNode out = o.putArray("messages");
            for (Message m : messages.getOrDefault(id, List.of())) {
                out.addObject().put("at", time(m.createdAt())).put("author", m.authorKind().wire())
                        .put("authorName", m.authorName()).put("text", m.body());
            }
        }
        for (AppointmentRequest r : em.createQuery("select r from AppointmentRequest r where r.conversationId in :ids "
                + "order by r.createdAt", AppointmentRequest.class).setParameter("ids", ids).getResultList()) {
            for (Booking b : em.createQuery("select b from Booking b where b.requestId = :r order by b.createdAt", Booking.class)
                    .setParameter("r", r.id()).getResultList()) {
                Slot s = em.find(Slot.class, b.slotId());
                bookings.addObject().put("conversationId", r.conversationId()).put("code", b.code())
                        .put("type", s.type().wire()).put("startAt", time(s.startAt())).put("endAt", time(s.endAt()))
                        .put("bookedAt", time(b.createdAt())).put("status", b.active() ? "active" : "cancelled")
                        .put("cancelledAt", time(b.cancelledAt())).put("phone", b.phone());
            }
        }
        for (FormSubmission f : em.createQuery("select f from FormSubmission f where f.conversationId in :ids "
                + "order by f.createdAt", FormSubmission.class).setParameter("ids", ids).getResultList()) {
            forms.addObject().put("conversationId", f.conversationId()).put("formId", f.formId())
                    .put("reference", f.reference()).put("submittedAt", time(f.createdAt())).put("language", f.language());
        }
    }

    static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
