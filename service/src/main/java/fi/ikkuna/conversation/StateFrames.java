package fi.ikkuna.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.persistence.Effects;
import fi.ikkuna.triage.FiredRules;
import fi.ikkuna.triage.TriageOutcome;
import fi.ikkuna.web.Json;

/** Builds the lifecycle frames residents and professionals receive. */
public final class StateFrames {
    private StateFrames() {
    }

    /**
     * {@code state}: where the conversation is now and the step that brought it there ({@code event}, e.g.
     * {@code transferred}, {@code lease_expired}), so each side can say what happened in its own language;
     * {@code assignee} only while a professional has it.
     */
    public static ObjectNode state(ConversationView v, String assigneeName, String assigneeTitle, String event) {
        ObjectNode o = Json.object().put("type", "state").put("conversationId", v.id()).put("state", v.state().wire());
        o.put("urgency", v.urgency() == null ? null : v.urgency().wire());
        o.put("queue", v.queueId());
        o.put("event", event);
        if (assigneeName != null) {
            o.putObject("assignee").put("name", assigneeName).put("title", assigneeTitle);
        }
        return o;
    }

    /**
     * The same for consoles, plus {@code assigneeId} (a console shows the reply box only to the assignee) and the
     * {@code deadline}, which triage sets and an urgency correction replaces.
     */
    public static ObjectNode forProfessionals(ObjectNode residentFrame, ConversationView v) {
        return residentFrame.deepCopy().put("assigneeId", v.state() == ConversationState.ASSIGNED ? v.assigneeId() : null)
                .put("deadline", v.deadline() == null ? null : v.deadline().toString());
    }

    /**
     * Records a lifecycle step for both sides and its queue's refresh, inside the step's transaction: every
     * {@code do*} announces through here, and it reaches anyone only once that transaction committed.
     */
    public static void announce(Effects fx, ConversationView v, String assigneeName, String assigneeTitle, String event) {
        ObjectNode frame = state(v, assigneeName, assigneeTitle, event);
        fx.toResidents(v.id(), frame);
        fx.toProfessionals(v.id(), forProfessionals(frame, v));
        fx.queueChanged(v.queueId());
    }

    /** Records a new message for delivery after commit: internal notes only to professionals. */
    static void message(Effects fx, MessageView m) {
        Object frame = m.toFrame();
        if (!m.internal()) {
            fx.toResidents(m.conversationId(), frame);
        }
        fx.toProfessionals(m.conversationId(), frame);
    }

    /** {@code triage}: the pipeline outcome for the resident, emergency guidance first. */
    public static ObjectNode triage(String conversationId, TriageOutcome o) {
        ObjectNode n = TriageStep.outcomeJson(o);
        n.remove("explanation");
        // like the explanation, which rules fired (and where they are written) is for professionals
        n.remove(FiredRules.KEY);
        ObjectNode frame = Json.object().put("type", "triage").put("conversationId", conversationId);
        frame.setAll(n);
        return frame;
    }
}
