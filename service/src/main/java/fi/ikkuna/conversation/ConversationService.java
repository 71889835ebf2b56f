package fi.ikkuna.conversation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fi.ikkuna.persistence.Database;
import fi.ikkuna.persistence.Duplicate;
import fi.ikkuna.persistence.Effects;
import fi.ikkuna.triage.Channel;
import fi.ikkuna.triage.Contact;
import fi.ikkuna.triage.TriageOutcome;
import fi.ikkuna.triage.TriagePipeline;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.ProtocolException;
import jakarta.persistence.EntityManager;

/**
 * Resident-side conversation changes. Every {@code do*} method is one transaction that records its frames in the
 * transaction's {@link Effects}; they go out only after it committed, so an ack always refers to a durable message.
 */
public final class ConversationService {
    private final Database db;
    private final TriagePipeline pipeline;
    private final Clock clock;
    private final ZoneId zone;

    public ConversationService(Database db, TriagePipeline pipeline, Clock clock, ZoneId zone) {
        this.db = db;
        this.pipeline = pipeline;
        this.clock = clock;
        this.zone = zone;
    }

    /** A new conversation and the only copy of its resume token. */
    public record Started(ConversationView conversation, String resumeToken) {
    }

    /** The outcome of posting: the message (or the earlier one with the same client id) and what triage added. */
    public record Posted(MessageView message, boolean duplicate, ConversationView conversation, TriageOutcome triage,
                         List<MessageView> replies) {
    }

    public Started doStart(Channel channel, String language) {
        String token = ResumeTokens.newToken();
        Conversation c = new Conversation(UUID.randomUUID().toString(), channel, language, ResumeTokens.hash(token), clock.instant());
        db.tx(em -> {
            em.persist(c);
            em.persist(new ConversationEvent(c.id(), c.createdAt(), "started", null, ConversationState.NEW, null, channel.wire()));
            return null;
        });
        return new Started(ConversationView.of(c), token);
    }

    public Optional<ConversationView> findByResumeToken(String token) {
        String hash = ResumeTokens.hash(token);
        return db.read(em -> em.createQuery("select c from Conversation c where c.resumeTokenHash = :h", Conversation.class)
                .setParameter("h", hash).getResultStream().findFirst().map(ConversationView::of));
    }

    /** A conversation by id, for a caller that already proved its right to it (a video booking's link). */
    public Optional<ConversationView> find(String conversationId) {
        return db.read(em -> Optional.ofNullable(em.find(Conversation.class, conversationId)).map(ConversationView::of));
    }

    /** The professional who has the conversation now, as the resident sees them: name and title. */
    public Optional<fi.ikkuna.auth.Principal> assignee(ConversationView v) {
        if (v.assigneeId() == null || v.state() != ConversationState.ASSIGNED) {
            return Optional.empty();
        }
        return db.read(em -> Optional.ofNullable(em.find(fi.ikkuna.auth.Professional.class, v.assigneeId()))
                .map(fi.ikkuna.auth.Principal::of));
    }

    /** Messages after {@code afterSeq}, in order; residents never receive internal notes. */
    public List<MessageView> messagesAfter(String conversationId, long afterSeq, boolean includeInternal) {
        return db.read(em -> Messages.after(em, conversationId, afterSeq, includeInternal));
    }

    /**
     * Stores a resident message exactly once per client id and runs the pipeline on it. The pipeline runs before
     * the transaction so the conversation row is locked only for the writes. The first attempt inserts straight
     * away; only when the unique constraint refuses it (a resend) is the earlier message looked up. A resend records
     * nothing: its frames went out with the first.
     */
    public Posted doPostResidentMessage(ConversationView conversation, String clientMsgId, String text) {
        String id = conversation.id();
        Instant now = clock.instant();
        Contact contact = new Contact(text, conversation.language(), conversation.channel(), null, null, now.atZone(zone));
        // Queued or taken: only a red flag changes anything (TriageStep), so only the safety screen runs. The view
        // may be older than the row, but a queued or taken conversation never goes back to an untriaged state.
        boolean decided = conversation.state() == ConversationState.QUEUED || conversation.state() == ConversationState.ASSIGNED;
        TriageOutcome outcome = decided ? pipeline.screen(contact) : pipeline.triage(contact);
        Posted posted;
        try {
            posted = db.tx((em, fx) -> postResident(em, fx, id, clientMsgId, text, outcome, now, false));
        } catch (RuntimeException e) {
            if (!Duplicate.is(e)) {
                throw e;
            }
            posted = db.tx((em, fx) -> postResident(em, fx, id, clientMsgId, text, outcome, now, true));
        }
        return posted;
    }

    private Posted postResident(EntityManager em, Effects fx, String conversationId, String clientMsgId, String text,
                                TriageOutcome outcome, Instant now, boolean lookUpFirst) {
        Conversation c = lock(em, conversationId);
        if (lookUpFirst || c.state() == ConversationState.CLOSED) {
            Optional<Message> existing = Messages.byClientId(em, conversationId, AuthorKind.RESIDENT, clientMsgId);
            if (existing.isPresent()) {
                return new Posted(MessageView.of(existing.get()), true, ConversationView.of(c), null, List.of());
            }
        }
        if (c.state() == ConversationState.CLOSED) {
            throw new ProtocolException(ErrorCode.CONVERSATION_CLOSED, "The conversation has ended");
        }
        Message m = new Message(c.id(), c.nextSeq(), AuthorKind.RESIDENT, null, null, clientMsgId, false, text, now);
        em.persist(m);
        TriageStep step = new TriageStep(em, c, now);
        List<MessageView> replies = step.apply(outcome);
        MessageView posted = MessageView.of(m);
        ConversationView v = ConversationView.of(c);
        StateFrames.message(fx, posted);
        replies.forEach(r -> StateFrames.message(fx, r));
        if (step.decided()) {
            fx.toResidents(conversationId, StateFrames.triage(conversationId, outcome));
        }
        StateFrames.announce(fx, v, null, null, step.decided() ? "triaged" : null);
        return new Posted(posted, false, v, step.decided() ? outcome : null, replies);
    }

    /**
     * A non-chat contact after its first step: the conversation, its resume token, what the pipeline decided and what
     * the caller's own part of the transaction returned ({@code also}).
     */
    public record Contacted<A>(ConversationView conversation, String resumeToken, TriageOutcome triage, List<MessageView> replies,
                               A also) {
    }

    /** Lets the caller store its own rows (request, submission) in the contact's transaction, and return what it built. */
    public interface AlsoInTransaction<A> {
        A record(EntityManager em, Conversation conversation, TriageOutcome triage);
    }

    /**
     * Starts a conversation for an appointment request or a form: the text becomes the resident's first message
     * and runs the pipeline exactly as a chat's first message does, all in one transaction with {@code also}.
     * Unlike a chat, the resident asked for a person, so an FAQ answer is kept as a reply but the contact is queued.
     */
    public <A> Contacted<A> doStartContact(Channel channel, String language, String text, Integer age, String formType,
                                           AlsoInTransaction<A> also) {
        String token = ResumeTokens.newToken();
        Instant now = clock.instant();
        TriageOutcome outcome = pipeline.triage(new Contact(text, language, channel, age, formType, now.atZone(zone)));
        return db.tx((em, fx) -> {
            // Built inside the transaction so a retried attempt starts from a fresh entity.
            Conversation c = new Conversation(UUID.randomUUID().toString(), channel, language, ResumeTokens.hash(token), now);
            em.persist(c);
            em.persist(new ConversationEvent(c.id(), now, "started", null, ConversationState.NEW, null, channel.wire()));
            em.persist(new Message(c.id(), c.nextSeq(), AuthorKind.RESIDENT, null, null, null, false, text, now));
            TriageStep step = new TriageStep(em, c, now);
            List<MessageView> replies = step.apply(outcome);
            if (c.state() == ConversationState.SELF_SERVED) {
                c.moveTo(ConversationState.QUEUED, now);
                em.persist(new ConversationEvent(c.id(), now, "queued", ConversationState.SELF_SERVED, ConversationState.QUEUED,
                        null, channel.wire() + " asks for a person"));
            }
            A result = also.record(em, c, outcome);
            // Nobody is connected to a conversation that starts here; its queue's board and positions change.
            fx.queueChanged(c.queueId());
            return new Contacted<>(ConversationView.of(c), token, outcome, replies, result);
        });
    }

    /** "Did this help?": yes ends the conversation as self-served, no hands it to a person. */
    public ConversationView doFaqFeedback(String conversationId, boolean helpful) {
        return db.tx((em, fx) -> {
            Conversation c = lock(em, conversationId);
            ConversationState from = c.state();
            checkTransition(c, helpful ? ConversationState.CLOSED : ConversationState.QUEUED);
            if (from != ConversationState.SELF_SERVED) {
                throw new ProtocolException(ErrorCode.ILLEGAL_TRANSITION, "There is no answer to give feedback on");
            }
            Instant now = clock.instant();
            c.moveTo(helpful ? ConversationState.CLOSED : ConversationState.QUEUED, now);
            if (helpful) {
                c.close("self_served");
            }
            em.persist(new ConversationEvent(c.id(), now, helpful ? "faq_helpful" : "faq_not_helpful", from, c.state(), null, null));
            ConversationView v = ConversationView.of(c);
            StateFrames.announce(fx, v, null, null, helpful ? "faq_helpful" : "faq_not_helpful");
            return v;
        });
    }

    public ConversationView doResidentClose(String conversationId) {
        return db.tx((em, fx) -> {
            Conversation c = lock(em, conversationId);
            ConversationState from = c.state();
            checkTransition(c, ConversationState.CLOSED);
            Instant now = clock.instant();
            c.moveTo(ConversationState.CLOSED, now);
            c.close(from == ConversationState.QUEUED ? "abandoned" : "resident_closed");
            em.persist(new ConversationEvent(c.id(), now, "closed_by_resident", from, ConversationState.CLOSED, null, null));
            ConversationView v = ConversationView.of(c);
            StateFrames.announce(fx, v, null, null, "closed_by_resident");
            return v;
        });
    }

    public void doRate(String conversationId, int score, String comment) {
        db.tx(em -> {
            Conversation c = lock(em, conversationId);
            if (c.state() != ConversationState.CLOSED) {
                throw new ProtocolException(ErrorCode.ILLEGAL_TRANSITION, "Only an ended conversation can be rated");
            }
            c.rate(score, comment);
            em.persist(new ConversationEvent(c.id(), clock.instant(), "rated", null, null, null, Integer.toString(score)));
            return null;
        });
    }

    static Conversation lock(EntityManager em, String conversationId) {
        List<Conversation> found = em.createNamedQuery(Conversation.LOCK, Conversation.class)
                .setParameter("id", conversationId).getResultList();
        if (found.isEmpty()) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, "No such conversation");
        }
        return found.getFirst();
    }

    static void checkTransition(Conversation c, ConversationState target) {
        if (c.state() == ConversationState.CLOSED) {
            throw new ProtocolException(ErrorCode.CONVERSATION_CLOSED, "The conversation has ended");
        }
        if (!c.state().canMoveTo(target)) {
            throw new ProtocolException(ErrorCode.ILLEGAL_TRANSITION,
                    "Conversation cannot move from " + c.state().wire() + " to " + target.wire());
        }
    }

    /** Lets queue-side code learn which queues changed, to refresh positions and boards. */
    public interface QueueChanges {
        void changed(String queueId);
    }
}
