package fi.ikkuna.conversation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A lifecycle step of a conversation, kept for reporting and for triage corrections (transfer reasons). */
@Entity
@Table(name = "conversation_event")
public class ConversationEvent {
    @Id
    private String id;
    @Column(name = "conversation_id")
    private String conversationId;
    private Instant at;
    private String type;
    @Column(name = "from_state")
    private String fromState;
    @Column(name = "to_state")
    private String toState;
    @Column(name = "actor_id")
    private String actorId;
    private String detail;

    protected ConversationEvent() {
    }

    public ConversationEvent(String conversationId, Instant at, String type, ConversationState from,
                             ConversationState to, String actorId, String detail) {
        this.id = UUID.randomUUID().toString();
        this.conversationId = conversationId;
        this.at = at;
        this.type = type;
        this.fromState = from == null ? null : from.wire();
        this.toState = to == null ? null : to.wire();
        this.actorId = actorId;
        this.detail = detail;
    }

    public String type() { return type; }
    public String detail() { return detail; }
    public String toState() { return toState; }
}
