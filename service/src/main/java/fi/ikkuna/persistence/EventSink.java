package fi.ikkuna.persistence;

/**
 * Where committed effects go: the only way a {@code do*} reaches connections, boards and (later) other nodes. Today's
 * one implementation is the in-process hub ({@code conversation.LocalEvents}); cluster fan-out is a second one wired
 * next to it, without touching any {@code do*}. Called only after the transaction committed, in recording order.
 */
public interface EventSink {
    /** A frame for every resident tab of the conversation. */
    void toResidents(String conversationId, Object frame);

    /** A frame for every professional connection that has the conversation open. */
    void toProfessionals(String conversationId, Object frame);

    /** The conversation now lives in {@code queueId}: professionals who do not serve it stop receiving it. */
    void revokeOutside(String conversationId, String queueId);

    /** The queue's order or contents changed: positions and boards are recomputed. */
    void queueChanged(String queueId);
}
