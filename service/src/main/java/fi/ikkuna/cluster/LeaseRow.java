package fi.ikkuna.cluster;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One once-per-cluster job's lease: which node holds it and until when. Changed only by {@link ClusterLease}. */
@Entity
@Table(name = "cluster_lease")
public class LeaseRow {
    @Id
    private String name;
    private String holder;
    @Column(name = "expires_at")
    private Instant expiresAt;

    protected LeaseRow() {
    }

    LeaseRow(String name, String holder, Instant expiresAt) {
        this.name = name;
        this.holder = holder;
        this.expiresAt = expiresAt;
    }

    String holder() { return holder; }
    Instant expiresAt() { return expiresAt; }
}
