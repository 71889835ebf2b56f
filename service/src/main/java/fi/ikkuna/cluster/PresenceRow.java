package fi.ikkuna.cluster;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A professional last seen with a console open on a node. Written only by {@link Presence}. */
@Entity
@Table(name = "professional_presence")
@IdClass(PresenceRow.Key.class)
public class PresenceRow {
    @Id
    @Column(name = "professional_id")
    private String professionalId;
    @Id
    @Column(name = "node_id")
    private String nodeId;
    @Column(name = "seen_at")
    private Instant seenAt;

    protected PresenceRow() {
    }

    PresenceRow(String professionalId, String nodeId, Instant seenAt) {
        this.professionalId = professionalId;
        this.nodeId = nodeId;
        this.seenAt = seenAt;
    }

    /** The composite key (a plain class: the JPA provider sets its fields). */
    public static final class Key implements Serializable {
        private String professionalId;
        private String nodeId;

        public Key() {
        }

        Key(String professionalId, String nodeId) {
            this.professionalId = professionalId;
            this.nodeId = nodeId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(professionalId, k.professionalId) && java.util.Objects.equals(nodeId, k.nodeId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(professionalId, nodeId);
        }
    }
}
