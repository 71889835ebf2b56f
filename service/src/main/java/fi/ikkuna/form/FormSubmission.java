package fi.ikkuna.form;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored valid submission: which form, its conversation and the hash of the resident's reply token. */
@Entity
@Table(name = "form_submission")
public class FormSubmission {
    @Id
    private String id;
    @Column(name = "form_id")
    private String formId;
    @Column(name = "form_type")
    private String formType;
    @Column(name = "conversation_id")
    private String conversationId;
    private String reference;
    @Column(name = "reply_token_hash")
    private String replyTokenHash;
    private String language;
    @Column(name = "created_at")
    private Instant createdAt;

    protected FormSubmission() {
    }

    public FormSubmission(String id, String formId, String formType, String conversationId, String reference,
                          String replyTokenHash, String language, Instant createdAt) {
        this.id = id;
        this.formId = formId;
        this.formType = formType;
        this.conversationId = conversationId;
        this.reference = reference;
        this.replyTokenHash = replyTokenHash;
        this.language = language;
        this.createdAt = createdAt;
    }

    public String formId() { return formId; }
    public String conversationId() { return conversationId; }
    public String reference() { return reference; }
    public String language() { return language; }
    public Instant createdAt() { return createdAt; }
}
