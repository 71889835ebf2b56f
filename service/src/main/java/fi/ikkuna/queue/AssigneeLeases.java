package fi.ikkuna.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import fi.ikkuna.conversation.Handbacks;

/**
 * The assignment lease: a taken conversation stays with its professional only while they have a console open, or
 * came back within {@code ikkuna.queue.assignee-grace}. Past that it goes back to the top of its queue
 * ({@link Handbacks#doReturn}), so a closed browser or a crashed laptop never leaves a resident reading "Hanna is
 * answering" with nobody there. Checked every {@code ikkuna.queue.lease-sweep-ms}; the grace bridges reloads and
 * short network drops. docs/console.md, "Assignment lease".
 */
public final class AssigneeLeases implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AssigneeLeases.class.getName());

    private final SignedInConnections online;
    private final Handbacks handbacks;
    private final Clock clock;
    private final Duration grace;
    private final Instant started;
    private final Thread sweeper;
    private final fi.ikkuna.cluster.OncePerCluster once;
    private final fi.ikkuna.cluster.Presence elsewhere;
    private volatile boolean running = true;

    /**
     * {@code once}: in a cluster only the node holding the sweep's lease hands conversations back, and it counts an
     * assignee with a console open on another node ({@code elsewhere}, which every node feeds each round) as present.
     */
    public AssigneeLeases(SignedInConnections online, Handbacks handbacks, Clock clock, Duration grace, Duration every,
            fi.ikkuna.cluster.OncePerCluster once, fi.ikkuna.cluster.Presence elsewhere) {
        this.once = once;
        this.elsewhere = elsewhere;
        this.online = online;
        this.handbacks = handbacks;
        this.clock = clock;
        this.grace = grace;
        this.started = clock.instant();
        this.sweeper = Thread.ofVirtual().name("assignee-leases").start(() -> run(every));
    }

    private void run(Duration every) {
        while (running) {
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
            try {
                elsewhere.beat(online.online().stream().map(fi.ikkuna.auth.Principal::id).distinct().toList());
                if (once.mayRun()) {
                    sweep();
                }
            } catch (RuntimeException e) {
                // The database may be away for a moment; the next round tries again and nothing is lost meanwhile.
                LOG.log(Level.WARNING, "assignment lease sweep failed", e);
            }
        }
    }

    /** One round: every taken conversation whose assignee has been without a console for the grace goes back. */
    void sweep() {
        Instant now = clock.instant();
        for (Handbacks.Taken t : handbacks.taken()) {
            // The latest sign of a console: here, on another node, or taking the conversation (on any node, possibly
            // before that node's first presence beat).
            online.offlineSince(t.assigneeId(), started)
                    .map(since -> elsewhere.seenElsewhere(t.assigneeId()).filter(since::isBefore).orElse(since))
                    .map(since -> t.assignedAt() != null && t.assignedAt().isAfter(since) ? t.assignedAt() : since)
                    .filter(since -> !since.plus(grace).isAfter(now))
                    .ifPresent(since -> handbacks.doReturn(t.conversationId(), t.assigneeId(), Handbacks.LEASE_EXPIRED));
        }
    }

    @Override
    public void close() {
        running = false;
        sweeper.interrupt();
    }
}
