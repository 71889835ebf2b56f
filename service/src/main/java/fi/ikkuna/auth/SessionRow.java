package fi.ikkuna.auth;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored professional session; the cookie's id only as its hash. Written only by {@link Sessions}. */
@Entity
@Table(name = "professional_session")
public class SessionRow {
    @Id
    @Column(name = "id_hash")
    private String idHash;
    @Column(name = "professional_id")
    private String professionalId;
    @Column(name = "csrf_token")
    private String csrfToken;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;

    protected SessionRow() {
    }

    SessionRow(String idHash, String professionalId, String csrfToken, Instant createdAt, Instant expiresAt) {
        this.idHash = idHash;
        this.professionalId = professionalId;
        this.csrfToken = csrfToken;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    String professionalId() { return professionalId; }
    String csrfToken() { return csrfToken; }
    Instant expiresAt() { return expiresAt; }
}
