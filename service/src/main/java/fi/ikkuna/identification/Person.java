package fi.ikkuna.identification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.web.Json;

/**
 * Who a resident proved to be. Lives only sealed at rest and in memory while a frame is built; its {@code toString}
 * never shows the number, so a stray log line cannot leak it.
 */
record Person(String nationalId, String givenName, String familyName, String subject) {

    String name() {
        return (givenName + " " + familyName).trim();
    }

    String sealable() {
        return Json.write(Json.object().put("nationalId", nationalId).put("givenName", givenName).put("familyName", familyName)
                .put("subject", subject));
    }

    static Person unsealed(String json) {
        ObjectNode o = Json.parseObject(json);
        return new Person(o.path("nationalId").asText(), o.path("givenName").asText(), o.path("familyName").asText(),
                o.path("subject").asText());
    }

    @Override
    public String toString() {
        return "Person[" + Hetu.mask(nationalId) + "]";
    }
}
