package fi.ikkuna.identification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One identification attempt, from the resident's "Identify" to the provider's redirect back (V91). */
@Entity
@Table(name = "identification_request")
public class IdentificationRequest {
    @Id
    private String id;
    @Column(name = "conversation_id")
    private String conversationId;
    private String level;
    private String lang;
    @Column(name = "ticket_hash")
    private String ticketHash;
    @Column(name = "state_hash")
    private String stateHash;
    @Column(name = "binding_hash")
    private String bindingHash;
    private String nonce;
    @Column(name = "verifier_sealed")
    private String verifierSealed;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Column(name = "used_at")
    private Instant usedAt;

    protected IdentificationRequest() {
    }

    IdentificationRequest(String id, String conversationId, String level, String lang, String ticketHash, Instant createdAt,
                          Instant expiresAt) {
        this.id = id;
        this.conversationId = conversationId;
        this.level = level;
        this.lang = lang;
        this.ticketHash = ticketHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** The popup opened it: from now on only this browser (binding) may complete it, with this state and nonce. */
    void opened(String stateHash, String bindingHash, String nonce, String verifierSealed, Instant at) {
        this.stateHash = stateHash;
        this.bindingHash = bindingHash;
        this.nonce = nonce;
        this.verifierSealed = verifierSealed;
        this.openedAt = at;
    }

    void used(Instant at) {
        this.usedAt = at;
    }

    String id() { return id; }
    String conversationId() { return conversationId; }
    String level() { return level; }
    String lang() { return lang; }
    String bindingHash() { return bindingHash; }
    String nonce() { return nonce; }
    String verifierSealed() { return verifierSealed; }
    Instant createdAt() { return createdAt; }
    Instant expiresAt() { return expiresAt; }
    Instant openedAt() { return openedAt; }
    Instant usedAt() { return usedAt; }
}
