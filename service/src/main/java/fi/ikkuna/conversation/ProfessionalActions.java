package fi.ikkuna.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import fi.ikkuna.audit.AccessLogEntry;
import fi.ikkuna.auth.Principal;
import fi.ikkuna.auth.Professional;
import fi.ikkuna.persistence.Database;
import fi.ikkuna.persistence.Duplicate;
import fi.ikkuna.persistence.Effects;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.ProtocolException;
import jakarta.persistence.EntityManager;

/**
 * What a professional does to a conversation. A professional sees only conversations of their own queues
 * (or assigned to them); anything else is "not found". {@link #accessConversation} is the only way to load
 * one, and it writes the access log in the same transaction. Every {@code do*} records its frames in its transaction's
 * {@link Effects}; they go out only after the commit.
 */
public final class ProfessionalActions {
    private final Database db;
    private final Clock clock;
    private final Supplier<Set<String>> queueIds;
    private final fi.ikkuna.triage.TriagePipeline pipeline;
    private final java.time.ZoneId zone;

    public ProfessionalActions(Database db, Clock clock, Supplier<Set<String>> queueIds, fi.ikkuna.triage.TriagePipeline pipeline,
                               java.time.ZoneId zone) {
        this.pipeline = pipeline;
        this.zone = zone;
        this.db = db;
        this.clock = clock;
        this.queueIds = queueIds;
    }

    /** A conversation as opened by a professional: its state and every message, internal notes included. */
    public record Opened(ConversationView conversation, List<MessageView> messages) {
    }

    /** Loads a conversation for a professional and logs who read it, when and why. */
    public Opened accessConversation(Principal p, String conversationId, String purpose) {
        return db.tx(em -> {
            Conversation c = visible(em, p, conversationId);
            if (c.state() == ConversationState.CLOSED && (purpose == null || purpose.isBlank())) {
                throw new ProtocolException(ErrorCode.PURPOSE_REQUIRED, "State why you open an ended conversation", "purpose");
            }
            em.persist(new AccessLogEntry(p.id(), c.id(), "open", purpose == null ? "care" : purpose, clock.instant()));
            return new Opened(ConversationView.of(c), Messages.after(em, c.id(), 0, true));
        });
    }

    /** Takes a queued conversation; of two professionals claiming at once exactly one wins. */
    public Opened doClaim(Principal p, String conversationId) {
        return db.tx((em, fx) -> {
            Conversation c = ConversationService.lock(em, conversationId);
            checkVisible(p, c);
            if (c.state() == ConversationState.ASSIGNED) {
                String by = Optional.ofNullable(em.find(Professional.class, c.assigneeId())).map(Professional::displayName).orElse("?");
                throw new ProtocolException(ErrorCode.ALREADY_CLAIMED, by + " already took this conversation", null,
                        Map.of("by", by));
            }
            step(em, c, p, ConversationState.ASSIGNED, "claimed", null);
            c.assignTo(p.id());
            em.persist(new AccessLogEntry(p.id(), c.id(), "claim", "care", clock.instant()));
            ConversationView v = ConversationView.of(c);
            StateFrames.announce(fx, v, p.displayName(), p.title(), "claimed");
            return new Opened(v, Messages.after(em, c.id(), 0, true));
        });
    }

    /**
     * Posts a reply (assignee only) or an internal note. A note by someone other than the assignee needs the
     * conversation open on the writer's connection ({@code opened}): that open is the logged read, and nobody writes
     * a note on a conversation they have not read. A resend records nothing: its frame went out with the first.
     */
    public MessageView doPostMessage(Principal p, String conversationId, String clientMsgId, String text, boolean internal,
                                     boolean opened) {
        MessageView m;
        try {
            m = db.tx((em, fx) -> post(em, fx, p, conversationId, clientMsgId, text, internal, opened));
        } catch (RuntimeException e) {
            if (!Duplicate.is(e)) {
                throw e;
            }
            m = db.tx((em, fx) -> post(em, fx, p, conversationId, clientMsgId, text, internal, opened));
        }
        return m;
    }

    private MessageView post(EntityManager em, Effects fx, Principal p, String id, String clientMsgId, String text,
                             boolean internal, boolean opened) {
        Conversation c = ConversationService.lock(em, id);
        checkVisible(p, c);
        Optional<Message> existing = Messages.byClientId(em, id, AuthorKind.PROFESSIONAL, clientMsgId);
        if (existing.isPresent()) {
            // A resend is acked with its first seq (even after a transfer); another professional's id is not hers to resend.
            if (!p.id().equals(existing.get().authorId())) {
                throw new ProtocolException(ErrorCode.INVALID_FIELD, "This clientMsgId is already used; send with a new one", "clientMsgId");
            }
            return MessageView.of(existing.get());
        }
        if (!internal) {
            checkAssignee(p, c);
        } else if (!opened && !p.id().equals(c.assigneeId())) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, "Open the conversation before writing a note");
        }
        Message m = new Message(id, c.nextSeq(), AuthorKind.PROFESSIONAL, p.id(), p.displayName(), clientMsgId, internal, text,
                clock.instant());
        em.persist(m);
        MessageView v = MessageView.of(m);
        StateFrames.message(fx, v);
        return v;
    }

    /**
     * The assignee says a contact the triage raised as an emergency is not one (issue 12): the urgency she sets
     * replaces it, with the care-guarantee deadline routing attaches to that urgency, and the event
     * ({@code urgency_corrected}, "emergency -> urgent: reason") becomes a triage correction for the rules staff.
     */
    public ConversationView doCorrectUrgency(Principal p, String conversationId, fi.ikkuna.triage.Urgency urgency, String reason) {
        if (urgency == fi.ikkuna.triage.Urgency.EMERGENCY) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "Choose the urgency the contact really has", "urgency");
        }
        return db.tx((em, fx) -> {
            Conversation c = ConversationService.lock(em, conversationId);
            checkVisible(p, c);
            checkAssignee(p, c);
            if (c.urgency() != fi.ikkuna.triage.Urgency.EMERGENCY) {
                throw new ProtocolException(ErrorCode.ILLEGAL_TRANSITION, "Only a contact raised as an emergency can be corrected here");
            }
            Instant now = clock.instant();
            c.correctUrgency(urgency, pipeline.deadline(urgency, c.service(), now.atZone(zone)).orElse(null));
            em.persist(new ConversationEvent(c.id(), now, "urgency_corrected", c.state(), c.state(), p.id(),
                    "emergency -> " + urgency.wire() + ": " + reason));
            ConversationView v = ConversationView.of(c);
            StateFrames.announce(fx, v, p.displayName(), p.title(), "urgency_corrected");
            return v;
        });
    }

    /** Sends the conversation to another queue; the reason is kept as a triage correction for the rules staff. */
    public ConversationView doTransfer(Principal p, String conversationId, String queue, String reason) {
        if (!queueIds.get().contains(queue)) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "Unknown queue '" + queue + "'", "queue");
        }
        return change(p, conversationId, ConversationState.QUEUED, "transferred", reason, c -> c.transferTo(queue));
    }

    public ConversationView doRelease(Principal p, String conversationId) {
        return change(p, conversationId, ConversationState.QUEUED, "released", null, c -> { });
    }

    public ConversationView doClose(Principal p, String conversationId, String outcome) {
        return change(p, conversationId, ConversationState.CLOSED, "closed", outcome, c -> c.close(outcome));
    }

    private ConversationView change(Principal p, String id, ConversationState target, String type, String detail,
                                    Consumer<Conversation> also) {
        return db.tx((em, fx) -> {
            Conversation c = ConversationService.lock(em, id);
            checkVisible(p, c);
            checkAssignee(p, c);
            String previousQueue = c.queueId();
            also.accept(c);
            boolean moved = !previousQueue.equals(c.queueId());
            // A transfer keeps from -> to with the reason: it is a triage correction for the rules staff.
            String recorded = moved ? previousQueue + " -> " + c.queueId() + ": " + detail : detail;
            step(em, c, p, target, type, recorded);
            ConversationView v = ConversationView.of(c);
            StateFrames.announce(fx, v, null, null, type);
            if (moved) {
                // After the state frame, so whoever loses it still learns where it went.
                fx.revokeOutside(id, v.queueId()).queueChanged(previousQueue);
            }
            return v;
        });
    }

    private void step(EntityManager em, Conversation c, Principal p, ConversationState target, String type, String detail) {
        ConversationService.checkTransition(c, target);
        ConversationState from = c.state();
        Instant now = clock.instant();
        c.moveTo(target, now);
        em.persist(new ConversationEvent(c.id(), now, type, from, target, p.id(), detail));
    }

    private static Conversation visible(EntityManager em, Principal p, String id) {
        Conversation c = em.find(Conversation.class, id);
        if (c == null) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, "No such conversation");
        }
        checkVisible(p, c);
        return c;
    }

    /** Other queues' conversations are indistinguishable from missing ones. */
    private static void checkVisible(Principal p, Conversation c) {
        boolean mine = p.id().equals(c.assigneeId()) || (c.queueId() != null && p.queues().contains(c.queueId()));
        if (!mine) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, "No such conversation");
        }
    }

    /** Only the assignee of an assigned conversation acts on it: replies, transfers, picks, identification requests. */
    public static void checkAssignee(Principal p, Conversation c) {
        if (c.state() != ConversationState.ASSIGNED || !p.id().equals(c.assigneeId())) {
            throw new ProtocolException(ErrorCode.NOT_ASSIGNEE, "Take the conversation first");
        }
    }
}
