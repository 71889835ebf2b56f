package fi.ikkuna.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import fi.ikkuna.persistence.Database;
import fi.ikkuna.persistence.Duplicate;

/**
 * A lease row in the shared database: a job that must run once per cluster runs only on the node that holds it.
 * {@link #acquire} takes or renews it with one atomic {@code UPDATE … WHERE expired OR holder = me}, so of nodes
 * racing at most one sees a row changed; the holder renews it every round, and when it dies another node takes it
 * over once it has expired. Nodes' clocks must agree to well within the lease (NTP): the expiry is their time.
 * ClusterLeaseContract.
 */
public final class ClusterLease {
    private final Database db;
    private final String name;
    private final String me;
    private final Duration length;
    private final Clock clock;

    public ClusterLease(Database db, String name, String me, Duration length, Clock clock) {
        this.db = db;
        this.name = name;
        this.me = me;
        this.length = length;
        this.clock = clock;
    }

    /** True when this node holds the lease now (taken, or renewed for another {@code length}); false when another does. */
    public boolean acquire() {
        Instant now = clock.instant();
        try {
            return db.tx(em -> {
                int changed = em.createQuery("update LeaseRow l set l.holder = :me, l.expiresAt = :until "
                                + "where l.name = :name and (l.expiresAt < :now or l.holder = :me)")
                        .setParameter("me", me).setParameter("until", now.plus(length)).setParameter("name", name)
                        .setParameter("now", now).executeUpdate();
                if (changed == 1) {
                    return true;
                }
                if (em.find(LeaseRow.class, name) != null) {
                    return false;
                }
                // The job's first round anywhere: the row's insert decides, a concurrent one fails on the key.
                em.persist(new LeaseRow(name, me, now.plus(length)));
                em.flush();
                return true;
            });
        } catch (RuntimeException e) {
            if (Duplicate.is(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Gives the lease up at once (a node stopping cleanly), so another node need not wait for its expiry. */
    public void release() {
        db.tx(em -> em.createQuery("update LeaseRow l set l.expiresAt = :past where l.name = :name and l.holder = :me")
                .setParameter("past", Instant.EPOCH).setParameter("name", name).setParameter("me", me).executeUpdate());
    }

    /** Who holds it, while it has not expired. */
    public Optional<String> holder() {
        Instant now = clock.instant();
        return db.read(em -> Optional.ofNullable(em.find(LeaseRow.class, name)))
                .filter(r -> !r.expiresAt().isBefore(now)).map(LeaseRow::holder);
    }
}
