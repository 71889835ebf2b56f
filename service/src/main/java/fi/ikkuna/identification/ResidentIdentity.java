package fi.ikkuna.identification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Who the resident of a conversation proved to be, sealed (V91); only {@link Identification} opens it. */
@Entity
@Table(name = "resident_identity")
public class ResidentIdentity {
    @Id
    @Column(name = "conversation_id")
    private String conversationId;
    private String level;
    @Column(name = "person_key")
    private String personKey;
    @Column(name = "key_id")
    private String keyId;
    private String sealed;
    @Column(name = "identified_at")
    private Instant identifiedAt;

    protected ResidentIdentity() {
    }

    ResidentIdentity(String conversationId, String level, String personKey, String keyId, String sealed, Instant identifiedAt) {
        this.conversationId = conversationId;
        this.level = level;
        this.personKey = personKey;
        this.keyId = keyId;
        this.sealed = sealed;
        this.identifiedAt = identifiedAt;
    }

    /** A stronger identification of the same person replaces the weaker one. */
    void raise(String level, String keyId, String sealed, Instant at) {
        this.level = level;
        this.keyId = keyId;
        this.sealed = sealed;
        this.identifiedAt = at;
    }

    String conversationId() { return conversationId; }
    String level() { return level; }
    String personKey() { return personKey; }
    String sealed() { return sealed; }
}
