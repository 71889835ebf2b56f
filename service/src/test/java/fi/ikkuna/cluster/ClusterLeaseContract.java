package fi.ikkuna.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fi.ikkuna.persistence.Database;
import fi.ikkuna.support.Backend;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The once-per-cluster lease on a real database: two nodes (each its own connection pool on one database) racing
 * for it hold it one at a time, the holder keeps it by renewing, and an expired lease passes to the other node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ClusterLeaseContract {
    private static final int ROUNDS = 200;
    private static final Duration LENGTH = Duration.ofSeconds(30);

    private Backend backend;
    private Database nodeA;
    private Database nodeB;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T10:00:00Z"));

    protected abstract Backend backend();

    @BeforeAll
    void open() {
        backend = backend();
        Map<String, String> m = new HashMap<>(backend.config());
        m.putIfAbsent("ikkuna.data.dir", Path.of(System.getProperty("java.io.tmpdir"), "ikkuna-lease-unused").toString());
        Config c = Config.just(ConfigSources.create(m));
        Path dir = Path.of(c.get("ikkuna.data.dir").asString().get());
        nodeA = Database.open(c.get("ikkuna.db"), dir);
        nodeB = Database.open(c.get("ikkuna.db"), dir);
    }

    @AfterAll
    void close() throws Exception {
        nodeA.close();
        nodeB.close();
        backend.close();
    }

    @Test
    void twoNodesRacingHoldItOneAtATime() throws Exception {
        ClusterLease a = new ClusterLease(nodeA, "race", "node-a", LENGTH, clock);
        ClusterLease b = new ClusterLease(nodeB, "race", "node-b", LENGTH, clock);
        String previous = null;
        int handovers = 0;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < ROUNDS; i++) {
                // Every fifth round starts with the lease expired: both then compete for a free lease, not a renewal.
                if (i % 5 == 0) {
                    clock.advance(LENGTH.plusSeconds(1));
                }
                CountDownLatch go = new CountDownLatch(1);
                Future<Boolean> fa = pool.submit(() -> race(go, a));
                Future<Boolean> fb = pool.submit(() -> race(go, b));
                go.countDown();
                boolean ga = fa.get();
                boolean gb = fb.get();
                assertTrue(ga ^ gb, "round " + i + ": node-a " + ga + ", node-b " + gb);
                String holder = ga ? "node-a" : "node-b";
                assertEquals(Optional.of(holder), a.holder(), "round " + i);
                if (i % 5 != 0 && previous != null) {
                    assertEquals(previous, holder, "round " + i + ": an unexpired lease stays with its holder");
                }
                handovers += holder.equals(previous) ? 0 : 1;
                previous = holder;
                clock.advance(Duration.ofSeconds(1));
            }
        }
        assertTrue(handovers >= 1, "the lease never changed hands in " + ROUNDS + " rounds");
    }

    @Test
    void anExpiredLeaseHandsOverAndTheOldHolderLosesIt() {
        ClusterLease a = new ClusterLease(nodeA, "handover", "node-a", LENGTH, clock);
        ClusterLease b = new ClusterLease(nodeB, "handover", "node-b", LENGTH, clock);
        assertTrue(a.acquire());
        assertFalse(b.acquire(), "held by node-a");
        clock.advance(LENGTH.minusSeconds(1));
        assertTrue(a.acquire(), "the holder renews");
        clock.advance(LENGTH.minusSeconds(1));
        assertFalse(b.acquire(), "renewed, so still node-a's");
        clock.advance(Duration.ofSeconds(2));
        assertTrue(b.acquire(), "expired: node-b takes it over");
        assertFalse(a.acquire(), "node-a lost it and must not run the job");
        assertEquals(Optional.of("node-b"), a.holder());
        b.release();
        assertTrue(a.acquire(), "released: taken at once, without waiting for the expiry");
    }

    @Test
    void leasesOfDifferentJobsAreIndependent() {
        assertTrue(new ClusterLease(nodeA, "job-1", "node-a", LENGTH, clock).acquire());
        assertTrue(new ClusterLease(nodeB, "job-2", "node-b", LENGTH, clock).acquire());
        assertFalse(new ClusterLease(nodeB, "job-1", "node-b", LENGTH, clock).acquire());
    }

    /** The sweep's node must see an assignee whose console is open on another node, and only other nodes' rows. */
    @Test
    void presenceOnOneNodeIsSeenByTheOther() {
        Presence a = Presence.stored(nodeA, "node-a", clock, Duration.ofDays(1));
        Presence b = Presence.stored(nodeB, "node-b", clock, Duration.ofDays(1));
        String id = "a7c1e7d2-0000-4000-8000-00000000c001";
        assertEquals(Optional.empty(), b.seenElsewhere(id));
        a.beat(java.util.List.of(id));
        Instant first = clock.instant();
        assertEquals(Optional.of(first), b.seenElsewhere(id), "node B sees node A's console");
        assertEquals(Optional.empty(), a.seenElsewhere(id), "a node's own rows are not 'elsewhere'");
        clock.advance(Duration.ofSeconds(5));
        a.beat(java.util.List.of(id));
        assertEquals(Optional.of(clock.instant()), b.seenElsewhere(id), "each beat moves it on");
        clock.advance(Duration.ofSeconds(5));
        a.beat(java.util.List.of());
        assertEquals(Optional.of(first.plusSeconds(5)), b.seenElsewhere(id), "closed on node A: the last sighting stays");
    }

    private static boolean race(CountDownLatch go, ClusterLease lease) throws InterruptedException {
        go.await();
        return lease.acquire();
    }

    /** Both nodes read one clock the test moves: expiry without sleeping. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
