package fi.ikkuna.conversation;

/** A requested lifecycle step the state machine does not allow. */
public final class IllegalTransitionException extends RuntimeException {
    private final ConversationState from;
    private final ConversationState to;

    public IllegalTransitionException(ConversationState from, ConversationState to) {
        super("Conversation cannot move from " + from.wire() + " to " + to.wire());
        this.from = from;
        this.to = to;
    }

    public ConversationState from() {
        return from;
    }

    public ConversationState to() {
        return to;
    }
}
