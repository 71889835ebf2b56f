package fi.ikkuna.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.triage.FiredRules;
import fi.ikkuna.triage.TriageOutcome;
import fi.ikkuna.triage.Urgency;
import fi.ikkuna.web.Json;
import jakarta.persistence.EntityManager;

/**
 * Applies a pipeline outcome to a locked conversation inside the posting transaction, so the resident's
 * message, the lifecycle step and the pipeline's own replies (safety guidance, FAQ answer) commit together.
 */
final class TriageStep {
    private final EntityManager em;
    private final Conversation c;
    private final Instant now;
    private final List<MessageView> replies = new ArrayList<>();
    private boolean decided;

    TriageStep(EntityManager em, Conversation c, Instant now) {
        this.em = em;
        this.c = c;
        this.now = now;
    }

    /** True when this message changed the triage decision (first contact, follow-up, escalation). */
    boolean decided() {
        return decided;
    }

    List<MessageView> apply(TriageOutcome o) {
        ConversationState before = c.state();
        Urgency urgencyBefore = c.urgency();
        switch (c.state()) {
            case NEW -> {
                step(ConversationState.TRIAGED, "triaged");
                c.applyTriage(o.urgency(), o.service(), o.queue(), o.deadline(), toJson(o));
                route(o);
            }
            case SELF_SERVED -> {
                // A follow-up question after an FAQ answer is triaged afresh.
                c.applyTriage(o.urgency(), o.service(), o.queue(), o.deadline(), toJson(o));
                route(o);
            }
            case QUEUED, ASSIGNED -> {
                // Safety first even mid-conversation: a new red flag escalates and shows the guidance at once.
                if (o.emergency() && c.urgency() != Urgency.EMERGENCY) {
                    c.applyTriage(Urgency.EMERGENCY, c.service(), c.queueId(), c.deadline(), toJson(o));
                    em.persist(new ConversationEvent(c.id(), now, "escalated", c.state(), c.state(), null, null));
                    reply(safetyText(o));
                }
            }
            default -> { }
        }
        decided = before == ConversationState.NEW || before == ConversationState.SELF_SERVED || c.urgency() != urgencyBefore;
        return replies;
    }

    private void route(TriageOutcome o) {
        if (o.emergency()) {
            reply(safetyText(o));
            step(ConversationState.QUEUED, "queued");
        } else if (o.answered() && !o.faq().isEmpty()) {
            reply(o.faq().get(0).answer());
            if (c.state() != ConversationState.SELF_SERVED) {
                step(ConversationState.SELF_SERVED, "self_served");
            }
        } else {
            step(ConversationState.QUEUED, "queued");
        }
    }

    private void step(ConversationState target, String type) {
        ConversationState from = c.state();
        c.moveTo(target, now);
        em.persist(new ConversationEvent(c.id(), now, type, from, target, null, null));
    }

    private void reply(String text) {
        Message m = new Message(c.id(), c.nextSeq(), AuthorKind.BOT, null, null, null, false, text, now);
        em.persist(m);
        replies.add(MessageView.of(m));
    }

    private static String safetyText(TriageOutcome o) {
        return String.join("\n", o.safety().stream().map(TriageOutcome.SafetyHit::instruction).distinct().toList());
    }

    /** The outcome as the resident and console see it; also stored so the console can show why. */
    static ObjectNode outcomeJson(TriageOutcome o) {
        ObjectNode n = Json.object().put("urgency", o.urgency().wire()).put("service", o.service()).put("queue", o.queue())
                .put("answered", o.answered());
        n.put("deadline", o.deadline() == null ? null : o.deadline().toString());
        n.set("safety", Json.MAPPER.valueToTree(o.safety()));
        n.set("faq", Json.MAPPER.valueToTree(o.faq()));
        n.set("explanation", Json.MAPPER.valueToTree(o.explanation()));
        // rule ids as data: insights and the retention purge read these, never the explanation's English
        n.set(FiredRules.KEY, FiredRules.toJson(o.fired()));
        return n;
    }

    private static String toJson(TriageOutcome o) {
        return Json.write(outcomeJson(o));
    }
}
