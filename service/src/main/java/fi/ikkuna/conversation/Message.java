package fi.ikkuna.conversation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One committed message; {@code internal} notes are for professionals only and never reach the resident. */
@Entity
@Table(name = "message")
@IdClass(MessageKey.class)
public class Message {
    @Id
    @Column(name = "conversation_id")
    private String conversationId;
    @Id
    private long seq;
    @Enumerated(EnumType.STRING)
    @Column(name = "author_kind")
    private AuthorKind authorKind;
    @Column(name = "author_id")
    private String authorId;
    @Column(name = "author_name")
    private String authorName;
    @Column(name = "client_msg_id")
    private String clientMsgId;
    private boolean internal;
    private String body;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Message() {
    }

    public Message(String conversationId, long seq, AuthorKind authorKind, String authorId, String authorName,
                   String clientMsgId, boolean internal, String body, Instant createdAt) {
        this.conversationId = conversationId;
        this.seq = seq;
        this.authorKind = authorKind;
        this.authorId = authorId;
        this.authorName = authorName;
        this.clientMsgId = clientMsgId;
        this.internal = internal;
        this.body = body;
        // As stored (DATETIME(6)): the live frame then says the same time as the replay after a reload (EffectsContract).
        this.createdAt = createdAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    public String conversationId() { return conversationId; }
    public long seq() { return seq; }
    public AuthorKind authorKind() { return authorKind; }
    public String authorId() { return authorId; }
    public String authorName() { return authorName; }
    public String clientMsgId() { return clientMsgId; }
    public boolean internal() { return internal; }
    public String body() { return body; }
    public Instant createdAt() { return createdAt; }
}
