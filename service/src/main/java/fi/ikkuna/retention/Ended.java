package fi.ikkuna.retention;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fi.ikkuna.conversation.ConversationState;
import fi.ikkuna.triage.Channel;
import fi.ikkuna.triage.Urgency;
import jakarta.persistence.EntityManager;

/**
 * When a conversation ended and which retention kind it is. A closed conversation ended when it closed; one that
 * nobody waits on (new, triaged, self-served: the resident just left the FAQ) ended at its last activity; one waiting
 * for or with a professional has not ended and is never purged.
 */
record Ended(String id, RetentionKind kind, Instant end) {
    private static final Set<ConversationState> IDLE = Set.of(ConversationState.NEW, ConversationState.TRIAGED,
            ConversationState.SELF_SERVED);

    boolean ended() {
        return end != null;
    }

    static Map<String, Ended> of(EntityManager em, Collection<String> ids) {
        Map<String, Ended> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Map<String, Set<String>> types = new HashMap<>();
        Map<String, Instant> last = new HashMap<>();
        for (Object[] r : em.createQuery("select e.conversationId, e.type, e.toState, e.at from ConversationEvent e "
                + "where e.conversationId in :ids", Object[].class).setParameter("ids", ids).getResultList()) {
            Set<String> t = types.computeIfAbsent((String) r[0], k -> new java.util.HashSet<>());
            t.add((String) r[1]);
            if ("queued".equals(r[2])) {
                t.add("#queued");
            }
            later(last, (String) r[0], (Instant) r[3]);
        }
        for (Object[] r : em.createQuery("select m.conversationId, max(m.createdAt) from Message m where m.conversationId in :ids "
                + "group by m.conversationId", Object[].class).setParameter("ids", ids).getResultList()) {
            later(last, (String) r[0], (Instant) r[1]);
        }
        List<Object[]> rows = em.createQuery("select c.id, c.channel, c.urgency, c.state, c.identificationLevel, c.createdAt, "
                + "c.closedAt from Conversation c where c.id in :ids", Object[].class).setParameter("ids", ids).getResultList();
        for (Object[] r : rows) {
            String id = (String) r[0];
            Set<String> t = types.getOrDefault(id, Set.of());
            ConversationState state = (ConversationState) r[3];
            boolean emergency = r[2] == Urgency.EMERGENCY || t.contains("escalated") || t.contains("urgency_corrected");
            boolean identified = !"anonymous".equals(r[4]) || t.contains("identified");
            RetentionKind kind = RetentionKind.of(new RetentionKind.Facts(((Channel) r[1]).name(), emergency,
                    t.contains("claimed"), t.contains("#queued"), identified));
            Instant end = state == ConversationState.CLOSED ? (Instant) r[6]
                    : IDLE.contains(state) ? latest((Instant) r[5], last.get(id)) : null;
            out.put(id, new Ended(id, kind, end));
        }
        return out;
    }

    private static void later(Map<String, Instant> last, String id, Instant at) {
        if (at != null) {
            last.merge(id, at, Ended::latest);
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }
}
