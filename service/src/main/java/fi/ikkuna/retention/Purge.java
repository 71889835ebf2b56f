package fi.ikkuna.retention;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.conversation.Conversation;
import fi.ikkuna.conversation.ConversationEvent;
import fi.ikkuna.conversation.ConversationState;
import fi.ikkuna.triage.FiredRules;
import fi.ikkuna.web.Json;
import jakarta.persistence.EntityManager;

/**
 * Removes a conversation's personal data and keeps the de-identified skeleton the insights count (docs/insights.md):
 * the conversation row's channel, service, queue, state, urgency, deadline, times, outcome and rating, and every
 * event's time, type and states. Gone: messages (so form payloads and appointment texts), the sealed identity and
 * the identification attempts, the resume token, form reply link, booking phone and link, the rating comment, free
 * text in event details (transfer and correction reasons, hold reasons, booking codes) and the triage record except
 * the structured list of the rules that fired. The caller holds the conversation's row lock.
 */
final class Purge {
    // Details that are codes, never free text: kept. Transfers keep "from -> to" (insights' queue of a wait and the
    // corrections table), correction reasons go. Every other type (also ones added later) loses its detail.
    private static final Set<String> CODED = Set.of("started", "closed", "rated", "identified", "identification_requested",
            "deadline_at_risk");
    private static final Set<String> MOVES = Set.of("transferred", "urgency_corrected");
    static final String TOKEN_PREFIX = "purged:";
    static final String EXPIRED = "expired";

    private Purge() {
    }

    static void anonymise(EntityManager em, Conversation c, RetentionKind kind, String how, Instant now) {
        String id = c.id();
        if (c.state() != ConversationState.CLOSED) {
            // An idle one (the resident left the FAQ without closing): a tab still open on a live socket must not write
            // into the skeleton. It never waited for a person, so closing it changes no insights figure.
            ConversationState from = c.state();
            c.close(EXPIRED);
            c.moveTo(ConversationState.CLOSED, now);
            em.persist(new ConversationEvent(id, now, "closed_by_retention", from, ConversationState.CLOSED, null, null));
            em.flush();
        }
        em.createQuery("delete from Message m where m.conversationId = :id").setParameter("id", id).executeUpdate();
        em.createQuery("delete from ResidentIdentity r where r.conversationId = :id").setParameter("id", id).executeUpdate();
        em.createQuery("delete from IdentificationRequest r where r.conversationId = :id").setParameter("id", id).executeUpdate();
        // whom the resident represented is as identifying as the resident; the relation on the conversation is a figure
        em.createQuery("delete from ProxyDeclaration p where p.conversationId = :id").setParameter("id", id).executeUpdate();
        // A SHA-256 in hex never contains ':', so no token can ever match these again; the prefix keeps them unique.
        em.createQuery("update FormSubmission s set s.replyTokenHash = concat('" + TOKEN_PREFIX + "', s.id) "
                + "where s.conversationId = :id").setParameter("id", id).executeUpdate();
        em.createQuery("update Booking b set b.phone = null, b.tokenHash = concat('" + TOKEN_PREFIX + "', b.id) where b.requestId in "
                + "(select r.id from AppointmentRequest r where r.conversationId = :id)").setParameter("id", id).executeUpdate();
        em.createQuery("update Conversation c set c.resumeTokenHash = concat('" + TOKEN_PREFIX + "', c.id), c.ratingComment = null "
                + "where c.id = :id").setParameter("id", id).executeUpdate();
        em.createQuery("update ConversationEvent e set e.detail = null where e.conversationId = :id and e.detail is not null "
                + "and e.type not in :keep").setParameter("id", id).setParameter("keep", union()).executeUpdate();
        List<Object[]> moves = em.createQuery("select e.id, e.detail from ConversationEvent e where e.conversationId = :id "
                + "and e.type in :moves", Object[].class).setParameter("id", id).setParameter("moves", MOVES).getResultList();
        for (Object[] m : moves) {
            em.createQuery("update ConversationEvent e set e.detail = :d where e.id = :eid")
                    .setParameter("d", fromTo((String) m[1])).setParameter("eid", m[0]).executeUpdate();
        }
        em.createQuery("delete from LegalHold h where h.conversationId = :id").setParameter("id", id).executeUpdate();
        em.createQuery("update Conversation c set c.triageJson = :t where c.id = :id")
                .setParameter("t", rulesOnly(c.triageJson())).setParameter("id", id).executeUpdate();
        em.persist(new PurgeRecord(id, kind, how, now));
    }

    private static Set<String> union() {
        java.util.HashSet<String> s = new java.util.HashSet<>(CODED);
        s.addAll(MOVES);
        return s;
    }

    /** "health -> dental: tooth, not fever" becomes "health -> dental". */
    static String fromTo(String detail) {
        if (detail == null) {
            return null;
        }
        int arrow = detail.indexOf(" -> ");
        int colon = detail.indexOf(": ", Math.max(arrow, 0));
        return arrow < 0 ? null : colon < 0 ? detail : detail.substring(0, colon);
    }

    /**
     * The triage record reduced to urgency, service, queue, deadline, answered and the structured list of the rules
     * that fired (id, kind, file:line; {@link FiredRules}). A row stored before that list gets it from its explanation
     * here, so every purged row has the one shape. The explanation goes: its lines carry rule descriptions and FAQ
     * questions, and nothing needs them once the rule ids are data.
     */
    static String rulesOnly(String triageJson) {
        if (triageJson == null || triageJson.isBlank()) {
            return triageJson;
        }
        JsonNode t;
        try {
            t = Json.MAPPER.readTree(triageJson);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Unreadable: nothing in it can be kept safely.
            return null;
        }
        ObjectNode out = Json.object();
        for (String key : List.of("urgency", "service", "queue", "deadline", "answered")) {
            if (t.has(key)) {
                out.set(key, t.get(key));
            }
        }
        out.putArray("safety");
        out.putArray("faq");
        out.putArray("explanation");
        out.set(FiredRules.KEY, FiredRules.toJson(FiredRules.of(t)));
        return Json.write(out);
    }
}
