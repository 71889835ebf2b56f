package fi.ikkuna.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import fi.ikkuna.conversation.Conversation;
import fi.ikkuna.persistence.Database;
import jakarta.persistence.EntityManager;

/**
 * The daily purge: every ended conversation past its kind's period, not under legal hold and not yet purged, is
 * anonymised ({@link Purge}); then access-log rows past their own period are deleted. Each transaction handles at
 * most {@code batch-size} conversations or log rows, so a first run over years of history never holds locks long.
 * Safe to run twice, and to stop half-way: what is purged is recorded with it, and the next run goes on.
 */
public final class RetentionJob {
    private final Database db;
    private final RetentionSettings settings;
    private final Clock clock;

    public RetentionJob(Database db, RetentionSettings settings, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
    }

    /** What one run did: conversations purged, access-log rows deleted, transactions, most conversations in one. */
    public record Report(int purged, int accessLogDeleted, int batches, int largestBatch) {
    }

    private record Batch(int purged, int size, Instant lastCreated, String lastId) {
    }

    public Report run() {
        Instant now = clock.instant();
        int purged = 0;
        int batches = 0;
        int largest = 0;
        Instant afterCreated = null;
        String afterId = null;
        while (true) {
            Instant c = afterCreated;
            String i = afterId;
            Batch b = db.tx(em -> batch(em, now, c, i));
            if (b.size() == 0) {
                break;
            }
            batches++;
            purged += b.purged();
            largest = Math.max(largest, b.purged());
            afterCreated = b.lastCreated();
            afterId = b.lastId();
            if (b.size() < settings.batchSize()) {
                break;
            }
        }
        int deleted = 0;
        Instant cutoff = settings.accessLogCutoff(now);
        while (true) {
            int n = db.tx(em -> {
                List<String> ids = em.createQuery("select a.id from AccessLogEntry a where a.at <= :cut order by a.at", String.class)
                        .setParameter("cut", cutoff).setMaxResults(settings.batchSize()).getResultList();
                return ids.isEmpty() ? 0 : em.createQuery("delete from AccessLogEntry a where a.id in :ids")
                        .setParameter("ids", ids).executeUpdate();
            });
            deleted += n;
            if (n > 0) {
                batches++;
            }
            if (n < settings.batchSize()) {
                break;
            }
        }
        return new Report(purged, deleted, batches, largest);
    }

    /** The next candidates in (created, id) order after the cursor; the due ones among them are purged. */
    private Batch batch(EntityManager em, Instant now, Instant afterCreated, String afterId) {
        String after = afterCreated == null ? "" : " and (c.createdAt > :ac or (c.createdAt = :ac and c.id > :ai))";
        var q = em.createQuery("select c.id, c.createdAt from Conversation c where c.createdAt < :bound" + after
                + " and not exists (select p from PurgeRecord p where p.conversationId = c.id)"
                + " and not exists (select h from LegalHold h where h.conversationId = c.id)"
                + " order by c.createdAt, c.id", Object[].class).setParameter("bound", settings.scanBound(now));
        if (afterCreated != null) {
            q.setParameter("ac", afterCreated).setParameter("ai", afterId);
        }
        List<Object[]> rows = q.setMaxResults(settings.batchSize()).getResultList();
        if (rows.isEmpty()) {
            return new Batch(0, 0, null, null);
        }
        Map<String, Ended> facts = Ended.of(em, rows.stream().map(r -> (String) r[0]).toList());
        int purged = 0;
        for (Object[] r : rows) {
            Ended e = facts.get((String) r[0]);
            if (e != null && due(e, now) && purgeLocked(em, e.id(), now)) {
                purged++;
            }
        }
        Object[] last = rows.get(rows.size() - 1);
        return new Batch(purged, rows.size(), (Instant) last[1], (String) last[0]);
    }

    private boolean due(Ended e, Instant now) {
        return e.ended() && !now.isBefore(settings.purgeAt(e.kind(), e.end()));
    }

    /** Locks the row and decides again: a hold, a new message or another run may have come in between. */
    private boolean purgeLocked(EntityManager em, String id, Instant now) {
        Conversation c = Locks.conversation(em, id);
        if (c == null || em.find(LegalHold.class, id) != null || em.find(PurgeRecord.class, id) != null) {
            return false;
        }
        Ended e = Ended.of(em, List.of(id)).get(id);
        if (!due(e, now)) {
            return false;
        }
        Purge.anonymise(em, c, e.kind(), PurgeRecord.RETENTION, now);
        return true;
    }
}
