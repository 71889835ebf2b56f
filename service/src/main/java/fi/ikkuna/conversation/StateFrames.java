package fi.ikkuna.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.protocol.Json;
import fi.ikkuna.triage.TriageOutcome;

/** Builds the lifecycle frames residents and professionals receive. */
public final class StateFrames {
    private StateFrames() {
    }

    /** {@code state}: where the conversation is now; {@code assignee} only while a professional has it. */
    public static ObjectNode state(ConversationView v, String assigneeName, String assigneeTitle) {
        ObjectNode o = Json.object().put("type", "state").put("conversationId", v.id()).put("state", v.state().wire());
        o.put("urgency", v.urgency() == null ? null : v.urgency().wire());
        o.put("queue", v.queueId());
        if (assigneeName != null) {
            o.putObject("assignee").put("name", assigneeName).put("title", assigneeTitle);
        }
        return o;
    }

    /** {@code triage}: the pipeline outcome for the resident, emergency guidance first. */
    public static ObjectNode triage(String conversationId, TriageOutcome o) {
        ObjectNode n = TriageStep.outcomeJson(o);
        n.remove("explanation");
        ObjectNode frame = Json.object().put("type", "triage").put("conversationId", conversationId);
        frame.setAll(n);
        return frame;
    }
}
