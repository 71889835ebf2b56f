package fi.ikkuna.cluster;

import java.util.Optional;
import java.util.function.Consumer;

import fi.ikkuna.persistence.Database;

/**
 * What one node knows about the others. Single node (no {@code nats-url}): no broker, every job runs here and
 * notifications go nowhere. Clustered: notifications go over NATS and once-per-cluster jobs take a lease row.
 */
public final class Cluster implements AutoCloseable {
    private final ClusterSettings settings;
    private final Database db;
    private final Nats nats;
    private final java.util.List<ClusterLease> leases = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Cluster(ClusterSettings settings, Database db, Nats nats) {
        this.settings = settings;
        this.db = db;
        this.nats = nats;
    }

    /** Connects to NATS only when the settings name it; the single-node default loads nothing of it. */
    public static Cluster start(ClusterSettings settings, Database db) {
        return new Cluster(settings, db, settings.clustered() ? Nats.connect(settings) : null);
    }

    public boolean clustered() {
        return nats != null;
    }

    public ClusterSettings settings() {
        return settings;
    }

    /** Empty on a single node; else whether NATS is connected now (health's {@code cluster} check). */
    public Optional<Boolean> natsConnected() {
        return nats == null ? Optional.empty() : Optional.of(nats.connected());
    }

    /** Tells the other nodes (and this one) something changed; on a single node there is nobody to tell. */
    public void notify(String subject, String text) {
        if (nats != null) {
            nats.publish(subject, text);
        }
    }

    public void onNotice(String subject, Consumer<String> handler) {
        if (nats != null) {
            nats.subscribe(subject, handler);
        }
    }

    /**
     * Whether this node may run the once-per-cluster job {@code name} now: always on a single node; clustered, only
     * while it holds that job's lease.
     */
    public OncePerCluster once(String name) {
        if (nats == null) {
            return () -> true;
        }
        ClusterLease lease = new ClusterLease(db, name, settings.nodeId(), settings.lease(), java.time.Clock.systemUTC());
        leases.add(lease);
        return lease::acquire;
    }

    /**
     * The sink every do* delivers through: {@code local} alone on a single node; clustered, {@code local} plus every
     * other node's local sink over NATS ({@link ClusterEvents}).
     */
    public fi.ikkuna.persistence.EventSink events(fi.ikkuna.persistence.EventSink local, String subject) {
        return nats == null ? local : new ClusterEvents(local, this, subject);
    }

    /** Who has a console open on the other nodes; nobody on a single node. */
    public Presence presence() {
        return nats == null ? Presence.NONE : Presence.stored(db, settings.nodeId(), java.time.Clock.systemUTC(), java.time.Duration.ofDays(1));
    }

    @Override
    public void close() {
        // A node stopping cleanly hands its jobs over at once instead of after the lease's expiry.
        for (ClusterLease lease : leases) {
            try {
                lease.release();
            } catch (RuntimeException e) {
                java.util.logging.Logger.getLogger(Cluster.class.getName()).warning("releasing a job lease: " + e.getClass().getSimpleName());
            }
        }
        if (nats != null) {
            nats.close();
        }
    }
}
