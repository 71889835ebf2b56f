package fi.ikkuna.proxy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.identification.Hetu;
import fi.ikkuna.web.Json;

/**
 * The person a resident acts for: a name and, if given, a henkilötunnus. Lives only sealed at rest and in memory while
 * a frame is built; {@code toString} shows neither, so a stray log line cannot leak them.
 */
public record Represented(String name, String nationalId) {

    /** The code as the professional sees it (birth date and century sign), or null when none was given. */
    String maskedId() {
        return nationalId == null ? null : Hetu.mask(nationalId);
    }

    String sealable() {
        return Json.write(Json.object().put("name", name).put("nationalId", nationalId));
    }

    static Represented unsealed(String json) {
        ObjectNode o = Json.parseObject(json);
        return new Represented(o.path("name").asText(), o.path("nationalId").isTextual() ? o.path("nationalId").asText() : null);
    }

    @Override
    public String toString() {
        return "Represented[" + (nationalId == null ? "no code" : Hetu.mask(nationalId)) + "]";
    }
}
