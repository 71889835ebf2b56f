package fi.ikkuna.conversation;

import java.util.List;

import fi.ikkuna.protocol.ErrorCode;
import fi.ikkuna.protocol.ProtocolException;
import jakarta.persistence.EntityManager;

/** Read-only conversation queries for the queue side. */
public final class QueueQueries {
    private QueueQueries() {
    }

    public static List<ConversationView> inState(EntityManager em, String queueId, ConversationState state) {
        return em.createQuery("select c from Conversation c where c.state = :s and c.queueId = :q", Conversation.class)
                .setParameter("s", state).setParameter("q", queueId).getResultStream().map(ConversationView::of).toList();
    }

    public static ConversationView view(EntityManager em, String conversationId) {
        Conversation c = em.find(Conversation.class, conversationId);
        if (c == null) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, "No such conversation");
        }
        return ConversationView.of(c);
    }
}
