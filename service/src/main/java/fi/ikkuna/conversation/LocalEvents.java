package fi.ikkuna.conversation;

import fi.ikkuna.persistence.EventSink;

/**
 * The in-process {@link EventSink}: committed frames to this node's connections ({@link ConversationHub}), queue
 * changes to the queue publisher. The only sink today; a cluster fan-out sink would be wired beside it in
 * {@code Ikkuna}, not in any {@code do*}.
 */
public final class LocalEvents implements EventSink {
    private final ConversationHub hub;
    private final ConversationService.QueueChanges queues;

    public LocalEvents(ConversationHub hub, ConversationService.QueueChanges queues) {
        this.hub = hub;
        this.queues = queues;
    }

    @Override
    public void toResidents(String conversationId, Object frame) {
        hub.toResidents(conversationId, frame);
    }

    @Override
    public void toProfessionals(String conversationId, Object frame) {
        hub.toProfessionals(conversationId, frame);
    }

    @Override
    public void revokeOutside(String conversationId, String queueId) {
        hub.revokeOutside(conversationId, queueId);
    }

    @Override
    public void queueChanged(String queueId) {
        queues.changed(queueId);
    }
}
