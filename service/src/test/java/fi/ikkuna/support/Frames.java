package fi.ikkuna.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.web.Json;

/** Builders for client frames, spelled as docs/protocol.md spells them. */
public final class Frames {
    private Frames() {
    }

    public static ObjectNode hello(String lang) {
        return Json.object().put("type", "hello").put("v", 1).put("lang", lang);
    }

    public static ObjectNode resume(String token, long lastSeq) {
        return Json.object().put("type", "hello").put("v", 1).put("resumeToken", token).put("lastSeq", lastSeq);
    }

    public static ObjectNode message(String clientMsgId, String text) {
        return Json.object().put("type", "message").put("clientMsgId", clientMsgId).put("text", text);
    }

    public static ObjectNode proHello() {
        return Json.object().put("type", "hello").put("v", 1);
    }

    public static ObjectNode pro(String type, String conversationId) {
        return Json.object().put("type", type).put("conversationId", conversationId);
    }
}
