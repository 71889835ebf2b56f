package fi.ikkuna.conversation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.ProtocolException;
import jakarta.persistence.EntityManager;

/** Read-only conversation queries for the queue side. */
public final class QueueQueries {
    private QueueQueries() {
    }

    public static List<ConversationView> inState(EntityManager em, String queueId, ConversationState state) {
        return em.createQuery("select c from Conversation c where c.state = :s and c.queueId = :q", Conversation.class)
                .setParameter("s", state).setParameter("q", queueId).getResultStream().map(ConversationView::of).toList();
    }

    /** The resident's first message of each conversation in {@code ids} (what a board preview is made of), by conversation id. */
    public static Map<String, String> firstResidentMessages(EntityManager em, Collection<String> ids) {
        return em.createQuery("""
                        select m from Message m where m.conversationId in :ids and m.authorKind = :resident and m.seq =
                         (select min(m2.seq) from Message m2 where m2.conversationId = m.conversationId and m2.authorKind = :resident)""",
                        Message.class)
                .setParameter("ids", ids).setParameter("resident", AuthorKind.RESIDENT).getResultStream()
                .collect(Collectors.toMap(Message::conversationId, Message::body, (a, b) -> a));
    }

    public static ConversationView view(EntityManager em, String conversationId) {
        Conversation c = em.find(Conversation.class, conversationId);
        if (c == null) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, "No such conversation");
        }
        return ConversationView.of(c);
    }
}
