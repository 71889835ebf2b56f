package fi.ikkuna.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import fi.ikkuna.audit.AccessLogEntry;
import fi.ikkuna.auth.Principal;
import fi.ikkuna.persistence.Database;

/**
 * A taken conversation going back to the top of its queue because its assignee left: the assignment lease ran out
 * ({@link #LEASE_EXPIRED}, no console for {@code ikkuna.queue.assignee-grace}) or the assignee handed it back on
 * signing out ({@link #HANDED_BACK}). History (conversation_event) and the access log record it with the
 * professional it was taken from; both sides get a {@code state} frame naming the reason.
 */
public final class Handbacks {
    public static final String LEASE_EXPIRED = "lease_expired";
    public static final String HANDED_BACK = "handed_back";

    private final Database db;
    private final Clock clock;

    public Handbacks(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * A conversation someone has taken, and who; {@code assignedAt}: the assignee had a console open then (they took
     * it), whichever node they were on.
     */
    public record Taken(String conversationId, String assigneeId, java.time.Instant assignedAt) {
    }

    /** Every taken conversation now; the lease sweep asks once per round (an indexed query on state). */
    public List<Taken> taken() {
        return db.read(em -> em.createQuery("select c.id, c.assigneeId, c.assignedAt from Conversation c where c.state = :s", Object[].class)
                .setParameter("s", ConversationState.ASSIGNED).getResultStream()
                .map(r -> new Taken((String) r[0], (String) r[1], (java.time.Instant) r[2])).toList());
    }

    /** The signing-out professional's own taken conversations back to their queues at once; returns how many. */
    public int doHandBackAll(Principal p) {
        int n = 0;
        for (Taken t : taken()) {
            if (p.id().equals(t.assigneeId()) && doReturn(t.conversationId(), p.id(), HANDED_BACK)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Returns the conversation to the top of its queue if {@code assigneeId} still has it; false when it was closed,
     * transferred or returned meanwhile (the lock decides, so a last-second reply or close wins cleanly).
     */
    public boolean doReturn(String conversationId, String assigneeId, String reason) {
        return db.tx((em, fx) -> {
            Conversation c = ConversationService.lock(em, conversationId);
            if (c.state() != ConversationState.ASSIGNED || !assigneeId.equals(c.assigneeId())) {
                return false;
            }
            Instant now = clock.instant();
            c.moveTo(ConversationState.QUEUED, now);
            c.returnToTop(reason, now);
            em.persist(new ConversationEvent(c.id(), now, reason, ConversationState.ASSIGNED, ConversationState.QUEUED,
                    assigneeId, LEASE_EXPIRED.equals(reason) ? "assignee had no console open" : "handed back on signing out"));
            em.persist(new AccessLogEntry(assigneeId, c.id(), reason, "care", now));
            StateFrames.announce(fx, ConversationView.of(c), null, null, reason);
            return true;
        });
    }
}
