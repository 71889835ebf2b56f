package fi.ikkuna.retention;

import fi.ikkuna.conversation.Conversation;
import jakarta.persistence.EntityManager;

/** The conversation row lock every writer of a conversation takes first, so purge, hold and messages queue up on it. */
final class Locks {
    private Locks() {
    }

    /** The locked conversation, or null when there is none. */
    static Conversation conversation(EntityManager em, String id) {
        return em.createNamedQuery("Conversation.lock", Conversation.class).setParameter("id", id)
                .getResultStream().findFirst().orElse(null);
    }

    /** The locked conversation; refuses an unknown id ({@code not_found}) before anything is changed. */
    static Conversation checkFound(EntityManager em, String id) {
        Conversation c = conversation(em, id);
        if (c == null) {
            throw Refusal.notFound();
        }
        return c;
    }
}
