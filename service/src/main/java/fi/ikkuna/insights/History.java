package fi.ikkuna.insights;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fi.ikkuna.conversation.ConversationState;
import fi.ikkuna.persistence.Database;
import fi.ikkuna.triage.Channel;
import fi.ikkuna.triage.Urgency;
import jakarta.persistence.EntityManager;

/**
 * Reads the conversations created in a time range, with their events, straight from the database. Grouping
 * by local day and hour and the percentiles happen in Java: date functions and percentiles differ between
 * H2 and MariaDB, and instants converted here use the configured zone the same way on both.
 */
final class History {
    private History() {
    }

    static List<Contact> load(Database db, Instant start, Instant end) {
        return db.read(em -> load(em, start, end));
    }

    private static List<Contact> load(EntityManager em, Instant start, Instant end) {
        Map<String, List<Contact.Event>> events = new HashMap<>();
        List<Object[]> eventRows = em.createQuery("select e.conversationId, e.at, e.type, e.fromState, e.toState, e.detail "
                        + "from ConversationEvent e where e.conversationId in "
                        + "(select c.id from Conversation c where c.createdAt >= :s and c.createdAt < :e) "
                        + "order by e.conversationId, e.at", Object[].class)
                .setParameter("s", start).setParameter("e", end).getResultList();
        for (Object[] r : eventRows) {
            events.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(new Contact.Event((Instant) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5]));
        }
        List<Object[]> rows = em.createQuery("select c.id, c.channel, c.service, c.queueId, c.state, c.urgency, c.deadline, c.createdAt, "
                        + "c.outcomeCode, c.rating, c.triageJson from Conversation c "
                        + "where c.createdAt >= :s and c.createdAt < :e order by c.createdAt, c.id", Object[].class)
                .setParameter("s", start).setParameter("e", end).getResultList();
        List<Contact> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            String id = (String) r[0];
            out.add(new Contact(id, ((Channel) r[1]).wire(), (String) r[2], (String) r[3], ((ConversationState) r[4]).wire(),
                    r[5] == null ? null : ((Urgency) r[5]).wire(), (Instant) r[6], (Instant) r[7], (String) r[8], (Integer) r[9],
                    (String) r[10],
                    List.copyOf(events.getOrDefault(id, List.of()))));
        }
        return out;
    }

    /** All-time contacts per channel and service, counted by the database: the basis of a true counter. */
    static List<Object[]> contactTotals(Database db) {
        return db.read(em -> em.createQuery("select c.channel, c.service, count(c) from Conversation c "
                + "group by c.channel, c.service", Object[].class).getResultList());
    }
}
