package fi.ikkuna.identification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.web.Json;

/**
 * The {@code identification} frame (docs/protocol.md) in its forms. The resident sees their own name; professionals
 * who opened the conversation see the name and the masked number; the full number only on an access-logged
 * {@code reveal_identity}. The queue board never gets any of it, only the level.
 */
final class IdentificationFrames {
    private IdentificationFrames() {
    }

    static ObjectNode base(String conversationId, String status, String level) {
        return Json.object().put("type", "identification").put("conversationId", conversationId).put("status", status)
                .put("level", level);
    }

    static ObjectNode requested(String conversationId, String level, String byName, String byTitle) {
        ObjectNode o = base(conversationId, "requested", level);
        o.putObject("by").put("name", byName).put("title", byTitle);
        return o;
    }

    static ObjectNode started(String conversationId, String level, String url) {
        return base(conversationId, "started", level).put("url", url);
    }

    static ObjectNode failed(String conversationId, String level, String reason) {
        return base(conversationId, "failed", level).put("reason", reason);
    }

    static ObjectNode toResident(String conversationId, String level, Person p) {
        return base(conversationId, "identified", level).put("name", p.name());
    }

    static ObjectNode toProfessional(String conversationId, String level, Person p) {
        ObjectNode o = base(conversationId, "identified", level);
        o.putObject("identity").put("name", p.name()).put("nationalId", Hetu.mask(p.nationalId()));
        return o;
    }

    static ObjectNode revealed(String conversationId, String level, Person p) {
        ObjectNode o = Json.object().put("type", "identity").put("conversationId", conversationId).put("level", level);
        o.put("name", p.name()).put("nationalId", p.nationalId());
        return o;
    }
}
