package fi.ikkuna.conversation;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of a message: the conversation and its per-conversation sequence number. */
public class MessageKey implements Serializable {
    private String conversationId;
    private long seq;

    public MessageKey() {
    }

    public MessageKey(String conversationId, long seq) {
        this.conversationId = conversationId;
        this.seq = seq;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageKey k && k.seq == seq && Objects.equals(k.conversationId, conversationId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(conversationId, seq);
    }
}
