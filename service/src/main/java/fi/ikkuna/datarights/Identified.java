package fi.ikkuna.datarights;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import fi.ikkuna.conversation.Conversation;
import fi.ikkuna.conversation.ResumeTokens;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.ProtocolException;
import jakarta.persistence.EntityManager;

/**
 * The resident asking, as the service knows them: the conversation their tab holds (found by its resume token, the
 * widget's only secret), strongly identified there at a sufficient level and recently enough. Its {@code personKey}
 * is the only key to anyone's data here, so nothing a request names (an id, a key) can reach another person.
 */
record Identified(String conversationId, String personKey, String level) {

    /** The only place a data-rights request is refused; a refusal reads and records nothing. */
    static Identified check(EntityManager em, String resumeToken, DataRightsSettings settings, Clock clock) {
        if (resumeToken == null || resumeToken.isBlank()) {
            throw new ProtocolException(ErrorCode.UNAUTHORIZED, "Open your conversation in the widget first");
        }
        List<Conversation> found = em.createQuery("select c from Conversation c where c.resumeTokenHash = :h", Conversation.class)
                .setParameter("h", ResumeTokens.hash(resumeToken)).getResultList();
        if (found.isEmpty()) {
            throw new ProtocolException(ErrorCode.UNAUTHORIZED, "Open your conversation in the widget first");
        }
        String conversationId = found.getFirst().id();
        List<Object[]> identity = em.createQuery("select r.personKey, r.level, r.identifiedAt from ResidentIdentity r "
                + "where r.conversationId = :c", Object[].class).setParameter("c", conversationId).getResultList();
        if (identity.isEmpty()) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, "Identify yourself strongly in this conversation first");
        }
        Object[] row = identity.getFirst();
        String level = (String) row[1];
        if (!settings.enough(level)) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, "Your identification level is too low for your data");
        }
        if (((Instant) row[2]).plus(settings.identifiedFor()).isBefore(clock.instant())) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, "Your identification has expired; identify again");
        }
        return new Identified(conversationId, (String) row[0], level);
    }
}
