package fi.ikkuna.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import fi.ikkuna.auth.Principal;
import fi.ikkuna.conversation.ConversationEvent;
import fi.ikkuna.persistence.Database;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.ProtocolException;
import jakarta.persistence.EntityManager;

/** Setting and releasing a legal hold; each is a conversation event with the administrator who did it. */
public final class LegalHolds {
    static final int MAX_REASON = 500;
    private final Database db;
    private final Clock clock;

    public LegalHolds(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Sets a hold (once: setting it again keeps the first and records nothing). */
    public LegalHold doSet(Principal p, String conversationId, String reason) {
        checkReason(reason);
        return db.tx(em -> {
            checkHoldable(em, conversationId);
            LegalHold existing = em.find(LegalHold.class, conversationId);
            if (existing != null) {
                return existing;
            }
            Instant now = clock.instant();
            LegalHold h = new LegalHold(conversationId, p.id(), now, reason.strip());
            em.persist(h);
            em.persist(new ConversationEvent(conversationId, now, "legal_hold_set", null, null, p.id(), reason.strip()));
            return h;
        });
    }

    /** Releases the hold; true when there was one. The conversation's retention runs on from its end as before. */
    public boolean doRelease(Principal p, String conversationId) {
        return db.tx(em -> {
            Locks.checkFound(em, conversationId);
            LegalHold h = em.find(LegalHold.class, conversationId);
            if (h == null) {
                return false;
            }
            em.remove(h);
            em.persist(new ConversationEvent(conversationId, clock.instant(), "legal_hold_released", null, null, p.id(), null));
            return true;
        });
    }

    public Optional<LegalHold> find(String conversationId) {
        return db.read(em -> Optional.ofNullable(em.find(LegalHold.class, conversationId)));
    }

    private static void checkReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ProtocolException(ErrorCode.MISSING_FIELD, "A legal hold needs a reason (e.g. the case number)", "reason");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "At most " + MAX_REASON + " characters", "reason");
        }
    }

    /** Locks the conversation; a purged one has nothing left to hold. */
    private static void checkHoldable(EntityManager em, String id) {
        Locks.checkFound(em, id);
        if (em.find(PurgeRecord.class, id) != null) {
            throw Refusal.of(Refusal.ALREADY_PURGED, "The conversation's personal data is already gone");
        }
    }
}
