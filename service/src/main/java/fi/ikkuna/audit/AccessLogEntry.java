package fi.ikkuna.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One read of a conversation by a professional: who, when, which conversation, how and why. */
@Entity
@Table(name = "access_log")
public class AccessLogEntry {
    @Id
    private String id;
    @Column(name = "professional_id")
    private String professionalId;
    @Column(name = "conversation_id")
    private String conversationId;
    private String action;
    private String purpose;
    private Instant at;

    protected AccessLogEntry() {
    }

    public AccessLogEntry(String professionalId, String conversationId, String action, String purpose, Instant at) {
        this.id = UUID.randomUUID().toString();
        this.professionalId = professionalId;
        this.conversationId = conversationId;
        this.action = action;
        this.purpose = purpose;
        this.at = at;
    }

    public String professionalId() { return professionalId; }
    public String conversationId() { return conversationId; }
    public String action() { return action; }
    public String purpose() { return purpose; }
    public Instant at() { return at; }
}
