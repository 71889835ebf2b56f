package fi.ikkuna.conversation;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.web.Json;

/** An immutable committed message. */
public record MessageView(String conversationId, long seq, AuthorKind author, String authorName, String authorTitle,
                          String clientMsgId, boolean internal, String text, Instant at) {

    static MessageView of(Message m) {
        return new MessageView(m.conversationId(), m.seq(), m.authorKind(), m.authorName(), null, m.clientMsgId(),
                m.internal(), m.body(), m.createdAt());
    }

    /** The {@code message} frame; {@code text} is plain text and every client renders it as text. */
    public ObjectNode toFrame() {
        ObjectNode o = Json.object().put("type", "message").put("conversationId", conversationId).put("seq", seq)
                .put("author", author.wire()).put("text", text).put("at", at.toString());
        o.put("authorName", authorName);
        o.put("clientMsgId", clientMsgId);
        if (internal) {
            o.put("internal", true);
        }
        return o;
    }
}
