package fi.ikkuna.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import fi.ikkuna.auth.Principal;
import fi.ikkuna.conversation.Conversation;
import fi.ikkuna.conversation.ConversationEvent;
import fi.ikkuna.persistence.Database;
import jakarta.persistence.EntityManager;

/**
 * Erasure on request (GDPR art. 17) where the law allows it: the same anonymisation as the daily job, at once, for
 * an ended conversation that is not under legal hold and whose kind's statutory minimum has passed. The de-identified
 * skeleton stays (it is no longer personal data), so the insights do not change. An {@code erased} event names the
 * administrator.
 */
public final class Erasure {
    private final Database db;
    private final RetentionSettings settings;
    private final Clock clock;

    public Erasure(Database db, RetentionSettings settings, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
    }

    /** True when erased now, false when it had already been purged or erased (nothing more to do). */
    public boolean doErase(Principal p, String conversationId) {
        return db.tx(em -> {
            Conversation c = Locks.checkFound(em, conversationId);
            if (em.find(PurgeRecord.class, conversationId) != null) {
                return false;
            }
            Instant now = clock.instant();
            Ended e = checkErasable(em, conversationId, now);
            Purge.anonymise(em, c, e.kind(), PurgeRecord.ERASURE, now);
            em.persist(new ConversationEvent(conversationId, now, "erased", null, null, p.id(), null));
            return true;
        });
    }

    private Ended checkErasable(EntityManager em, String id, Instant now) {
        if (em.find(LegalHold.class, id) != null) {
            throw Refusal.of(Refusal.LEGAL_HOLD, "The conversation is under legal hold");
        }
        Ended e = Ended.of(em, List.of(id)).get(id);
        if (!e.ended()) {
            throw Refusal.of(Refusal.CONVERSATION_OPEN, "The conversation is waiting for or with a professional");
        }
        Instant allowed = settings.erasableAt(e.kind(), e.end());
        if (now.isBefore(allowed)) {
            throw Refusal.of(Refusal.STATUTORY_MINIMUM, "The law requires keeping it until " + allowed, "erasableAt",
                    allowed.toString());
        }
        return e;
    }

    /** Kind, end, purge and erasure times of a conversation, for the administrator's view. */
    public record Status(String id, RetentionKind kind, Instant end, Instant purgeAt, Instant erasableAt, LegalHold hold,
                         PurgeRecord purged) {
    }

    public Status status(String id) {
        return db.read(em -> {
            if (em.find(Conversation.class, id) == null) {
                throw Refusal.notFound();
            }
            Ended e = Ended.of(em, List.of(id)).get(id);
            return new Status(id, e.kind(), e.end(), e.ended() ? settings.purgeAt(e.kind(), e.end()) : null,
                    e.ended() ? settings.erasableAt(e.kind(), e.end()) : null, em.find(LegalHold.class, id),
                    em.find(PurgeRecord.class, id));
        });
    }
}
