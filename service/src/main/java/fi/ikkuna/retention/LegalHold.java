package fi.ikkuna.retention;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A conversation that must be kept whatever its retention says (a complaint, a claim, an authority's request). */
@Entity
@Table(name = "legal_hold")
public class LegalHold {
    @Id
    @Column(name = "conversation_id")
    private String conversationId;
    @Column(name = "set_by")
    private String setBy;
    @Column(name = "set_at")
    private Instant setAt;
    private String reason;

    protected LegalHold() {
    }

    LegalHold(String conversationId, String setBy, Instant setAt, String reason) {
        this.conversationId = conversationId;
        this.setBy = setBy;
        this.setAt = setAt;
        this.reason = reason;
    }

    public String conversationId() { return conversationId; }
    public String setBy() { return setBy; }
    public Instant setAt() { return setAt; }
    public String reason() { return reason; }
}
