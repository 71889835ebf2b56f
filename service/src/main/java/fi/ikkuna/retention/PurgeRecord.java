package fi.ikkuna.retention;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** That a conversation's personal data is gone, when, as which kind, and whether by the job or by erasure. */
@Entity
@Table(name = "conversation_purge")
public class PurgeRecord {
    static final String RETENTION = "retention";
    static final String ERASURE = "erasure";
    @Id
    @Column(name = "conversation_id")
    private String conversationId;
    private String kind;
    private String how;
    @Column(name = "purged_at")
    private Instant purgedAt;

    protected PurgeRecord() {
    }

    PurgeRecord(String conversationId, RetentionKind kind, String how, Instant purgedAt) {
        this.conversationId = conversationId;
        this.kind = kind.wire();
        this.how = how;
        this.purgedAt = purgedAt;
    }

    public String conversationId() { return conversationId; }
    public String kind() { return kind; }
    public String how() { return how; }
    public Instant purgedAt() { return purgedAt; }
}
