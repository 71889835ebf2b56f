package fi.ikkuna.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import fi.ikkuna.persistence.Database;

/**
 * Who has a console open on the other nodes. Each node records its own signed-in professionals every round of the
 * assignment-lease sweep; the node holding the sweep's lease then treats a professional seen on another node within
 * the grace as present. On a single node there are no other nodes: nothing is stored. ClusterLeaseContract.
 */
public interface Presence {
    /** Records that these professionals have a console open on this node now. */
    void beat(Collection<String> professionalIds);

    /** When another node last saw the professional with a console open, if any did. */
    Optional<Instant> seenElsewhere(String professionalId);

    Presence NONE = new Presence() {
        @Override
        public void beat(Collection<String> professionalIds) {
        }

        @Override
        public Optional<Instant> seenElsewhere(String professionalId) {
            return Optional.empty();
        }
    };

    /** The shared-database presence of node {@code me}; rows unseen for {@code keep} are deleted. */
    static Presence stored(Database db, String me, Clock clock, Duration keep) {
        return new Presence() {
            @Override
            public void beat(Collection<String> ids) {
                Instant now = clock.instant();
                db.tx(em -> {
                    for (String id : ids) {
                        PresenceRow row = em.find(PresenceRow.class, new PresenceRow.Key(id, me));
                        if (row == null) {
                            em.persist(new PresenceRow(id, me, now));
                        } else {
                            em.merge(new PresenceRow(id, me, now));
                        }
                    }
                    return em.createQuery("delete from PresenceRow p where p.seenAt < :old").setParameter("old", now.minus(keep))
                            .executeUpdate();
                });
            }

            @Override
            public Optional<Instant> seenElsewhere(String id) {
                return Optional.ofNullable(db.read(em -> em.createQuery(
                        "select max(p.seenAt) from PresenceRow p where p.professionalId = :id and p.nodeId <> :me", Instant.class)
                        .setParameter("id", id).setParameter("me", me).getSingleResult()));
            }
        };
    }
}
