package fi.ikkuna.conversation;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.triage.Channel;
import fi.ikkuna.triage.Urgency;
import fi.ikkuna.web.Json;

/** An immutable copy of a conversation taken inside a transaction, safe to use after it ends. */
public record ConversationView(String id, Channel channel, String language, ConversationState state, Urgency urgency,
                               String service, String queueId, Instant deadline, String identificationLevel,
                               String assigneeId, long lastSeq, Instant createdAt, Instant queuedAt, String triageJson,
                               Instant returnedAt, String returnedReason, String proxyRelation) {

    static ConversationView of(Conversation c) {
        return new ConversationView(c.id(), c.channel(), c.language(), c.state(), c.urgency(), c.service(), c.queueId(),
                c.deadline(), c.identificationLevel(), c.assigneeId(), c.lastSeq(), c.createdAt(), c.queuedAt(), c.triageJson(),
                c.returnedAt(), c.returnedReason(), c.proxyRelation());
    }

    /** The fields a professional sees about a conversation (no resident text). */
    public ObjectNode toJson() {
        ObjectNode o = Json.object().put("id", id).put("channel", channel.wire()).put("language", language)
                .put("state", state.wire()).put("identificationLevel", identificationLevel).put("lastSeq", lastSeq)
                .put("createdAt", createdAt.toString());
        o.put("urgency", urgency == null ? null : urgency.wire());
        o.put("service", service);
        o.put("queue", queueId);
        o.put("deadline", deadline == null ? null : deadline.toString());
        o.put("queuedAt", queuedAt == null ? null : queuedAt.toString());
        // Who has it now, as the state frame says: an ended conversation's last assignee is in its history, not here.
        o.put("assigneeId", state == ConversationState.ASSIGNED ? assigneeId : null);
        // lease_expired or handed_back while it waits again after its assignee left: the board's badge.
        o.put("returned", returnedReason);
        // A proxy contact's relation (child, cared_for, client, other), never who is represented (docs/identification.md).
        o.put("proxy", proxyRelation);
        // Set by remote-appointment requests that no slot inside the care-guarantee deadline could serve.
        // The board is republished often: a substring test on our own compact JSON instead of parsing it per item.
        o.put("deadlineAtRisk", triageJson != null && triageJson.contains("\"deadlineAtRisk\":true"));
        return o;
    }
}
