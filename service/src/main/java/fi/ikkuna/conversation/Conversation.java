package fi.ikkuna.conversation;

import java.time.Instant;

import fi.ikkuna.triage.Channel;
import fi.ikkuna.triage.Urgency;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One contact between a resident and the county, whatever channel it came from. */
@Entity
@Table(name = "conversation")
// Prepared once when the persistence unit starts: em.find with a lock mode re-built its SQL on every message.
@NamedQuery(name = Conversation.LOCK, query = "SELECT c FROM Conversation c WHERE c.id = :id",
        lockMode = LockModeType.PESSIMISTIC_WRITE)
public class Conversation {
    static final String LOCK = "Conversation.lock";
    @Id
    private String id;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String language;
    @Enumerated(EnumType.STRING)
    private ConversationState state;
    @Enumerated(EnumType.STRING)
    private Urgency urgency;
    private String service;
    @Column(name = "queue_id")
    private String queueId;
    private Instant deadline;
    @Column(name = "identification_level")
    private String identificationLevel;
    @Column(name = "proxy_relation")
    private String proxyRelation;
    @Column(name = "resume_token_hash")
    private String resumeTokenHash;
    @Column(name = "last_seq")
    private long lastSeq;
    @Column(name = "assignee_id")
    private String assigneeId;
    @Column(name = "triage_json")
    private String triageJson;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "queued_at")
    private Instant queuedAt;
    @Column(name = "assigned_at")
    private Instant assignedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "outcome_code")
    private String outcomeCode;
    private Integer rating;
    @Column(name = "rating_comment")
    private String ratingComment;
    @Column(name = "returned_at")
    private Instant returnedAt;
    @Column(name = "returned_reason")
    private String returnedReason;

    protected Conversation() {
    }

    public Conversation(String id, Channel channel, String language, String resumeTokenHash, Instant createdAt) {
        this.id = id;
        this.channel = channel;
        this.language = language;
        this.state = ConversationState.NEW;
        this.identificationLevel = "anonymous";
        this.resumeTokenHash = resumeTokenHash;
        this.createdAt = createdAt;
    }

    /** Moves to {@code target}, or throws when the state machine forbids it. */
    public void moveTo(ConversationState target, Instant at) {
        if (!state.canMoveTo(target)) {
            throw new IllegalTransitionException(state, target);
        }
        state = target;
        // Only a lease expiry or a hand-back marks a return (returnToTop, after this); every other step ends the mark.
        returnedAt = null;
        returnedReason = null;
        switch (target) {
            case QUEUED -> {
                queuedAt = at;
                assigneeId = null;
                assignedAt = null;
            }
            case ASSIGNED -> assignedAt = at;
            case CLOSED -> closedAt = at;
            default -> { }
        }
    }

    /** Reserves the next per-conversation sequence number; the caller holds the row lock. */
    public long nextSeq() {
        return ++lastSeq;
    }

    public void applyTriage(Urgency urgency, String service, String queueId, Instant deadline, String triageJson) {
        this.urgency = urgency;
        this.service = service;
        this.queueId = queueId;
        this.deadline = asStored(deadline);
        this.triageJson = triageJson;
    }

    /** A professional's correction of the urgency ("not an emergency"); the triage record stays as it was decided. */
    public void correctUrgency(Urgency urgency, Instant deadline) {
        this.urgency = urgency;
        this.deadline = asStored(deadline);
    }

    /** DATETIME(6): the frames sent from this entity then say the same instant a reload reads back (EffectsContract). */
    private static Instant asStored(Instant at) {
        return at == null ? null : at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    public void assignTo(String professionalId) {
        this.assigneeId = professionalId;
    }

    /** Back in the queue because the assignee left: first in its urgency, with the reason for the board and the resident. */
    public void returnToTop(String reason, Instant at) {
        this.returnedAt = at;
        this.returnedReason = reason;
    }

    public void transferTo(String queueId) {
        this.queueId = queueId;
    }

    public void close(String outcome) {
        this.outcomeCode = outcome;
    }

    /** The resident proved who they are at this level of assurance (identification package); the board shows it. */
    public void identified(String level) {
        this.identificationLevel = level;
    }

    /** The resident acts for someone in this relation, or no longer (null) (proxy package); the board shows only this. */
    public void proxy(String relation) {
        this.proxyRelation = relation;
    }

    public void rate(int rating, String comment) {
        this.rating = rating;
        this.ratingComment = comment;
    }

    public String id() { return id; }
    public Channel channel() { return channel; }
    public String language() { return language; }
    public ConversationState state() { return state; }
    public Urgency urgency() { return urgency; }
    public String service() { return service; }
    public String queueId() { return queueId; }
    public Instant deadline() { return deadline; }
    public String identificationLevel() { return identificationLevel; }
    public String proxyRelation() { return proxyRelation; }
    public long lastSeq() { return lastSeq; }
    public String assigneeId() { return assigneeId; }
    public String triageJson() { return triageJson; }
    public Instant createdAt() { return createdAt; }
    public Instant queuedAt() { return queuedAt; }
    public Instant closedAt() { return closedAt; }
    public String outcomeCode() { return outcomeCode; }
    public Integer rating() { return rating; }
    public Instant returnedAt() { return returnedAt; }
    public String returnedReason() { return returnedReason; }
}
