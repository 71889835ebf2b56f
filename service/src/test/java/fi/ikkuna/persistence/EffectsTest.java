package fi.ikkuna.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The after-commit seam (docs/delivery.md, E1): what a transaction records reaches the sink only after its commit,
 * never after a rollback, only from the attempt that committed, and in recording order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EffectsTest {
    private Path dir;
    private Database db;
    private final Recorder sink = new Recorder();

    @BeforeAll
    void open() throws Exception {
        dir = Files.createTempDirectory("ikkuna-effects");
        db = Database.open(Config.just(ConfigSources.create(Map.of("url", ""))), dir);
        db.deliverTo(sink);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @BeforeEach
    void clear() {
        sink.seen.clear();
    }

    @Test
    void effectsGoOutOnlyAfterCommitAndInOrder() {
        String q = "q-" + UUID.randomUUID();
        db.tx((em, fx) -> {
            insert(em, q);
            fx.toResidents("c1", "first").toProfessionals("c1", "second").revokeOutside("c1", q).queueChanged(q);
            // Recorded, not sent: a connection must not hear of a change that may still roll back.
            assertTrue(sink.seen.isEmpty(), "an effect went out before the commit");
            return null;
        });
        assertEquals(List.of("residents c1 first", "professionals c1 second", "revoke c1 " + q, "queue " + q), sink.seen);
        // The sink ran after the commit: what it would read is already there.
        assertEquals(1L, count(q));
    }

    @Test
    void rollbackDropsEffects() {
        String q = "q-" + UUID.randomUUID();
        RuntimeException refused = new IllegalStateException("refused");
        assertThrows(IllegalStateException.class, () -> db.tx((em, fx) -> {
            insert(em, q);
            fx.toResidents("c2", "never").queueChanged(q);
            throw refused;
        }));
        assertEquals(List.of(), sink.seen);
        assertEquals(0L, count(q));
    }

    @Test
    void retriedAttemptIsDroppedAndOnlyTheFinalOneFlushed() {
        String q = "q-" + UUID.randomUUID();
        AtomicInteger attempts = new AtomicInteger();
        String result = db.tx((em, fx) -> {
            int n = attempts.incrementAndGet();
            insert(em, q);
            fx.toResidents("c3", "attempt " + n);
            if (n < 3) {
                // What a deadlock looks like to Transient: SQLState 40001 somewhere in the cause chain.
                throw new jakarta.persistence.PersistenceException(new SQLException("deadlock", "40001"));
            }
            fx.queueChanged(q);
            return "done";
        });
        assertEquals("done", result);
        assertEquals(3, attempts.get());
        assertEquals(List.of("residents c3 attempt 3", "queue " + q), sink.seen);
        assertEquals(1L, count(q), "only the committed attempt's row is stored");
    }

    @Test
    void oneFailingDeliveryDoesNotStopTheRestNorFailTheCommittedChange() {
        String q = "q-" + UUID.randomUUID();
        sink.failOn = "boom";
        try {
            db.tx((em, fx) -> {
                insert(em, q);
                fx.toResidents("c4", "boom").toProfessionals("c4", "after");
                return null;
            });
        } finally {
            sink.failOn = null;
        }
        assertEquals(List.of("professionals c4 after"), sink.seen);
        assertEquals(1L, count(q));
    }

    @Test
    void workWithoutCollectorStillCommits() {
        String q = "q-" + UUID.randomUUID();
        db.tx(em -> {
            insert(em, q);
            return null;
        });
        assertEquals(1L, count(q));
        assertEquals(List.of(), sink.seen);
    }

    private static void insert(EntityManager em, String id) {
        em.createNativeQuery("insert into service_queue (id, name_fi, name_sv, name_en, service) values (?, 'x', 'x', 'x', 'x')")
                .setParameter(1, id).executeUpdate();
    }

    private long count(String id) {
        return db.read(em -> ((Number) em.createNativeQuery("select count(*) from service_queue where id = ?")
                .setParameter(1, id).getSingleResult()).longValue());
    }

    private static final class Recorder implements EventSink {
        final List<String> seen = new ArrayList<>();
        volatile String failOn;

        @Override
        public void toResidents(String conversationId, Object frame) {
            if (frame.equals(failOn)) {
                throw new IllegalStateException("connection gone");
            }
            seen.add("residents " + conversationId + " " + frame);
        }

        @Override
        public void toProfessionals(String conversationId, Object frame) {
            seen.add("professionals " + conversationId + " " + frame);
        }

        @Override
        public void revokeOutside(String conversationId, String queueId) {
            seen.add("revoke " + conversationId + " " + queueId);
        }

        @Override
        public void queueChanged(String queueId) {
            seen.add("queue " + queueId);
        }
    }
}
