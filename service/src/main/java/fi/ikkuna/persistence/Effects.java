package fi.ikkuna.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What one transaction attempt wants the world to learn once it has committed (Zulip's {@code send_event_on_commit}).
 * {@link Database#tx(Work)} hands each attempt a fresh collector and flushes it to the {@link EventSink} only after the
 * commit; a rolled-back or retried attempt's effects are dropped with it, so nobody hears of a change that did not
 * happen. Order is kept: a message frame goes out before the state frame recorded after it.
 */
public final class Effects {
    private static final Logger LOG = Logger.getLogger(Effects.class.getName());
    private final List<Consumer<EventSink>> recorded = new ArrayList<>();

    Effects() {
    }

    public Effects toResidents(String conversationId, Object frame) {
        recorded.add(s -> s.toResidents(conversationId, frame));
        return this;
    }

    public Effects toProfessionals(String conversationId, Object frame) {
        recorded.add(s -> s.toProfessionals(conversationId, frame));
        return this;
    }

    /** The same frame to both sides. */
    public Effects toBoth(String conversationId, Object frame) {
        return toResidents(conversationId, frame).toProfessionals(conversationId, frame);
    }

    public Effects revokeOutside(String conversationId, String queueId) {
        recorded.add(s -> s.revokeOutside(conversationId, queueId));
        return this;
    }

    /** Ignores {@code null}: a conversation not yet routed is in no queue. */
    public Effects queueChanged(String queueId) {
        if (queueId != null) {
            recorded.add(s -> s.queueChanged(queueId));
        }
        return this;
    }

    int size() {
        return recorded.size();
    }

    /**
     * After commit. The change is durable whatever happens here, so one failing delivery is logged and the rest still
     * go out; the caller's answer (ack) must not turn into an error for a committed change.
     */
    void flushTo(EventSink sink) {
        for (Consumer<EventSink> effect : recorded) {
            try {
                effect.accept(sink);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Delivering a committed effect failed", e);
            }
        }
        recorded.clear();
    }
}
