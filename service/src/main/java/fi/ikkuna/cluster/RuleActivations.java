package fi.ikkuna.cluster;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A rule version published on one node becomes active on every node: the publishing node sends the version on
 * {@link #SUBJECT}, and each node then reads the active version from the database (the truth, so a notice is only a
 * hint and carries nothing to trust). Each node also reads it every {@code rules-poll-ms}, so a notice lost while
 * NATS was away is made up by itself. Compiling runs on this class's own thread, never on NATS's dispatcher.
 * ClusterRulesTest.
 */
public final class RuleActivations implements AutoCloseable {
    public static final String SUBJECT = "ikkuna.rules.activated";
    private static final Logger LOG = Logger.getLogger(RuleActivations.class.getName());

    private final Cluster cluster;
    private final BooleanSupplier refresh;
    private final Semaphore wake = new Semaphore(0);
    private final Thread loop;

    private RuleActivations(Cluster cluster, BooleanSupplier refresh) {
        this.cluster = cluster;
        this.refresh = refresh;
        cluster.onNotice(SUBJECT, text -> wake.release());
        this.loop = Thread.ofVirtual().name("rule-activations").start(this::run);
    }

    /** Nothing to do on a single node: every activation happens here. */
    public static AutoCloseable start(Cluster cluster, BooleanSupplier refresh) {
        return cluster.clustered() ? new RuleActivations(cluster, refresh) : () -> { };
    }

    /** Tells the other nodes that {@code version} is active (the one that activated it says so). */
    public static void announce(Cluster cluster, int version) {
        cluster.notify(SUBJECT, Integer.toString(version));
    }

    private void run() {
        long pollMs = cluster.settings().rulesPoll().toMillis();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                wake.tryAcquire(pollMs, TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
            try {
                refresh.getAsBoolean();
            } catch (RuntimeException e) {
                // The database away or a version that does not compile here: the next round tries again.
                LOG.log(Level.WARNING, "rule version refresh failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        loop.interrupt();
    }
}
