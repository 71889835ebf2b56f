package fi.ikkuna.appointment;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.conversation.Conversation;
import fi.ikkuna.conversation.ConversationEvent;
import fi.ikkuna.web.Json;
import jakarta.persistence.EntityManager;

/**
 * Marks a waiting request "deadline at risk". The flag of record is {@code appointment_request.deadline_at_risk};
 * it is also written into the conversation's stored triage (flag plus an explanation line), because that is what
 * the console already shows for a waiting conversation (queue snapshot items and the opened conversation's "why").
 */
final class AtRisk {
    static final String EXPLANATION = "Deadline at risk: no remote-appointment slot is free before the care-guarantee deadline";

    private AtRisk() {
    }

    static void mark(EntityManager em, Conversation c, Instant now) {
        ObjectNode triage = c.triageJson() == null ? Json.object() : Json.parseObject(c.triageJson());
        triage.put("deadlineAtRisk", true);
        ArrayNode explanation = triage.has("explanation") && triage.get("explanation").isArray()
                ? (ArrayNode) triage.get("explanation") : triage.putArray("explanation");
        explanation.add(EXPLANATION);
        c.applyTriage(c.urgency(), c.service(), c.queueId(), c.deadline(), Json.write(triage));
        em.persist(new ConversationEvent(c.id(), now, "deadline_at_risk", c.state(), c.state(), null,
                c.deadline() == null ? null : c.deadline().toString()));
    }
}
