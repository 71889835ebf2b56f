package fi.ikkuna.identification;

import java.time.Instant;
import java.util.List;

import fi.ikkuna.conversation.Conversation;
import fi.ikkuna.conversation.ConversationEvent;
import fi.ikkuna.conversation.ResumeTokens;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.ProtocolException;
import jakarta.persistence.EntityManager;

/**
 * The identity of a strongly identified tab, carried to a new contact the same resident makes from that tab — a
 * contact-request form left while their chat waits (docs/data-rights.md, "How a form or booking is linked"). Proof is
 * the tab's resume token, as for everything the tab does; the new conversation gets its own sealed copy (bound to its
 * own id) and the same {@code person_key}, so it is the person's contact like the chat is.
 */
public final class CarriedIdentity {
    private final Identification id;
    private final String from;
    private final String level;
    private final String personKey;
    private final Person person;

    private CarriedIdentity(Identification id, String from, String level, String personKey, Person person) {
        this.id = id;
        this.from = from;
        this.level = level;
        this.personKey = personKey;
        this.person = person;
    }

    /** The only place a carried identity is refused: an unknown token, a conversation nobody identified in, or one that ended. */
    static CarriedIdentity check(Identification id, String resumeToken) {
        id.checkEnabled();
        return id.db.read(em -> {
            List<Conversation> found = em.createQuery("select c from Conversation c where c.resumeTokenHash = :h", Conversation.class)
                    .setParameter("h", ResumeTokens.hash(resumeToken == null ? "" : resumeToken)).getResultList();
            if (found.isEmpty()) {
                throw new ProtocolException(ErrorCode.UNAUTHORIZED, "No conversation with this token");
            }
            Conversation c = found.getFirst();
            ResidentIdentity identity = em.find(ResidentIdentity.class, c.id());
            if (identity == null) {
                throw new ProtocolException(ErrorCode.FORBIDDEN, "The conversation is not identified");
            }
            if (c.state() == fi.ikkuna.conversation.ConversationState.CLOSED) {
                throw new ProtocolException(ErrorCode.CONVERSATION_CLOSED, "The identified conversation has ended");
            }
            return new CarriedIdentity(id, c.id(), identity.level(), identity.personKey(),
                    Person.unsealed(id.cipher.open(identity.sealed(), c.id())));
        });
    }

    /** In the new contact's own transaction: its identity, its level and an {@code identified} event naming the source. */
    public void onto(EntityManager em, Conversation to) {
        Instant now = id.clock.instant();
        em.persist(new ResidentIdentity(to.id(), level, personKey, id.cipher.keyId(), id.cipher.seal(person.sealable(), to.id()), now));
        to.identified(level);
        em.persist(new ConversationEvent(to.id(), now, "identified", null, null, null, level + " from " + from));
    }
}
