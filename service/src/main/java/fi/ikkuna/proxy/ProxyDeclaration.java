package fi.ikkuna.proxy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The current proxy declaration of a conversation (V6); the represented person only sealed. Only {@link Proxies} opens it. */
@Entity
@Table(name = "proxy_declaration")
public class ProxyDeclaration {
    @Id
    @Column(name = "conversation_id")
    private String conversationId;
    private String relation;
    private String mandate;
    @Column(name = "key_id")
    private String keyId;
    private String sealed;
    @Column(name = "declared_at")
    private Instant declaredAt;

    protected ProxyDeclaration() {
    }

    ProxyDeclaration(String conversationId) {
        this.conversationId = conversationId;
    }

    /** A new declaration or a change: the whole of it is replaced, the change is an event. */
    void set(Relation relation, Mandate mandate, String keyId, String sealed, Instant at) {
        this.relation = relation.wire();
        this.mandate = mandate.wire();
        this.keyId = keyId;
        this.sealed = sealed;
        this.declaredAt = at;
    }

    String relation() { return relation; }
    String mandate() { return mandate; }
    String sealed() { return sealed; }
}
