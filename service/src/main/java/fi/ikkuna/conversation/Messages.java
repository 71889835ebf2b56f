package fi.ikkuna.conversation;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

/** Message queries shared by the resident and professional sides. */
final class Messages {
    private Messages() {
    }

    static List<MessageView> after(EntityManager em, String conversationId, long afterSeq, boolean includeInternal) {
        String jpql = "select m from Message m where m.conversationId = :c and m.seq > :s"
                + (includeInternal ? "" : " and m.internal = false") + " order by m.seq";
        return em.createQuery(jpql, Message.class).setParameter("c", conversationId).setParameter("s", afterSeq)
                .getResultStream().map(MessageView::of).toList();
    }

    static Optional<Message> byClientId(EntityManager em, String conversationId, AuthorKind kind, String clientMsgId) {
        return em.createQuery("select m from Message m where m.conversationId = :c and m.authorKind = :k and m.clientMsgId = :id",
                        Message.class)
                .setParameter("c", conversationId).setParameter("k", kind).setParameter("id", clientMsgId)
                .getResultStream().findFirst();
    }
}
