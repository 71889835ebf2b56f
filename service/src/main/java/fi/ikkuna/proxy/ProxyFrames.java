package fi.ikkuna.proxy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.web.Json;

/**
 * The {@code proxy} frame (docs/protocol.md) in its forms. Both sides get the same declaration: relation, name, the
 * code masked, and the mandate status. The queue board never gets this frame, only the relation in its items.
 */
final class ProxyFrames {
    private ProxyFrames() {
    }

    private static ObjectNode base(String conversationId, String status) {
        return Json.object().put("type", "proxy").put("conversationId", conversationId).put("status", status);
    }

    static ObjectNode available(String conversationId) {
        return base(conversationId, "available");
    }

    static ObjectNode declared(String conversationId, String relation, Represented person, String mandate) {
        ObjectNode o = base(conversationId, "declared").put("relation", relation).put("mandate", mandate);
        o.putObject("person").put("name", person.name()).put("nationalId", person.maskedId());
        return o;
    }

    static ObjectNode withdrawn(String conversationId) {
        return base(conversationId, "withdrawn");
    }

    /** Only to the connection that sent the declaration: nothing changed, so nobody else needs to know. */
    static ObjectNode refused(String conversationId, String reason) {
        return base(conversationId, "refused").put("reason", reason);
    }
}
