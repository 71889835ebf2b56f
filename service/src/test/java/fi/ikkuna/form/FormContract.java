package fi.ikkuna.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.support.Backend;
import fi.ikkuna.support.Frames;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.support.WsTestClient;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Forms through REST with the county's real rules and forms, per backend. */
public abstract class FormContract extends ServiceTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Helsinki"));
    private Api resident;
    private Api admin;

    /** Each subclass runs the contract on its own database. */
    @Override
    protected abstract Backend backend();

    @BeforeAll
    void signIn() {
        resident = Api.resident(server);
        admin = Api.as(Pro.login(server, "admin", "admin-demo"));
    }

    /** F1: the list and each definition come in the asked language, with limits resolved for today. */
    @Test
    void definitionsForRendering() {
        Api.Res list = resident.get("/api/forms?lang=sv");
        assertEquals(200, list.status());
        assertEquals(List.of("contact-request", "feedback", "fire-safety-advice", "prescription-renewal"),
                list.body().path("forms").findValuesAsText("id"));
        Api.Res def = resident.get("/api/forms/prescription-renewal?lang=sv");
        assertEquals(200, def.status());
        assertEquals("Begäran om förnyelse av recept", def.body().path("title").asText());
        JsonNode runsOut = field(def.body(), "runs_out");
        assertEquals("date", runsOut.path("type").asText());
        assertEquals(TODAY.toString(), runsOut.path("min").asText());
        assertEquals(TODAY.plusDays(180).toString(), runsOut.path("max").asText());
        assertTrue(runsOut.path("errors").path("date_too_early").asText().contains("jouren"));
        JsonNode topic = field(resident.get("/api/forms/contact-request?lang=en").body(), "topic");
        assertEquals("Health and illness", topic.path("choices").get(0).path("label").asText());
        assertEquals(404, resident.get("/api/forms/no-such-form").status());
        assertEquals("not_found", resident.get("/api/forms/no-such-form").errorCode());
    }

    /** F2: every field type with bad input: one 400 lists every field's error, and nothing is stored. */
    @Test
    void everyFieldTypeRejectsBadInputAndStoresNothing() {
        long before = stats().path("conversations").asLong();
        ObjectNode bad = submission("en", Map.of(
                "topic", "arson", "question", "x".repeat(2001), "postal_code", "123", "visit_date", "2026-02-30",
                "phone", "call me", "email", "not-an-address", "consent", false, "extra", "?"));
        Api.Res res = resident.post("/api/forms/fire-safety-advice/submissions", bad);
        assertEquals(400, res.status(), res.raw());
        assertEquals("invalid_fields", res.errorCode());
        Map<String, String> codes = codes(res);
        assertEquals(Map.of("topic", "invalid_choice", "question", "too_long", "postal_code", "pattern",
                "visit_date", "invalid_date", "phone", "invalid_phone", "email", "invalid_email",
                "consent", "consent_required", "extra", "unknown_field"), codes);
        assertEquals("A postal code has five digits.", message(res, "postal_code"));
        assertEquals("Write at most 2000 characters.", message(res, "question"));

        // Required fields, wrong JSON types, dates outside the range, control characters, Finnish messages.
        Api.Res res2 = resident.post("/api/forms/prescription-renewal/submissions", submission("fi", Map.of(
                "medicine", 42, "runs_out", TODAY.minusDays(1).toString(), "message", "a\u0000b", "consent", "yes")));
        assertEquals(Map.of("medicine", "invalid_type", "runs_out", "date_too_early", "message", "invalid_characters",
                "phone", "required", "consent", "invalid_type"), codes(res2));
        assertTrue(message(res2, "runs_out").contains("päivystykseen"), message(res2, "runs_out"));
        Api.Res late = resident.post("/api/forms/prescription-renewal/submissions", submission("fi", Map.of(
                "medicine", "Opamox", "runs_out", TODAY.plusDays(181).toString(), "phone", "040 123", "consent", true)));
        assertEquals(Map.of("runs_out", "date_too_late", "phone", "invalid_phone"), codes(late));
        assertEquals(Map.of("language", "invalid_choice", "values", "required"),
                codes(resident.post("/api/forms/feedback/submissions", Json.object().put("language", "de"))));
        assertEquals("bad_json", resident.post("/api/forms/feedback/submissions", "{not json").errorCode());
        assertEquals(413, resident.postBytes("/api/forms/feedback/submissions", new byte[70_000]).status());
        assertEquals(404, resident.post("/api/forms/nope/submissions", submission("fi", Map.of())).status());

        ObjectNode after = stats();
        assertEquals(before, after.path("conversations").asLong(), "an invalid submission stored a conversation: " + after);
        assertEquals(0, after.path("submissions").path("fire-safety-advice").asLong());
    }

    /** F3: a valid form goes through the pipeline to its queue; the professional's reply shows through the link. */
    @Test
    void validSubmissionReachesTheQueueAndTheReplyLink() {
        Api.Res res = resident.post("/api/forms/prescription-renewal/submissions", submission("fi", Map.of(
                "medicine", "Levaxin 100 mikrog", "runs_out", TODAY.plusDays(10).toString(), "phone", "+358 40 123 4567",
                "consent", true)));
        assertEquals(201, res.status(), res.raw());
        assertEquals("prescriptions", res.body().path("queue").asText());
        assertEquals("queued", res.body().path("state").asText());
        assertFalse(res.body().path("emergency").asBoolean());
        String token = res.body().path("replyToken").asText();
        assertTrue(token.length() >= 40, "reply token must be unguessable: " + token);
        assertTrue(res.body().path("reference").asText().matches("[A-Z2-9]{4}-[A-Z2-9]{4}"));

        Api.Res reply = resident.get("/api/forms/replies/" + token);
        assertEquals(200, reply.status());
        assertEquals("queued", reply.body().path("state").asText());
        assertFalse(reply.body().path("answered").asBoolean());
        String first = reply.body().path("messages").get(0).path("text").asText();
        assertTrue(first.contains("Puhelinnumero: +358401234567") && first.contains("Levaxin"), first);

        Pro nurse = Pro.login(server, "hoitaja", "hoitaja-demo");
        try (WsTestClient pro = nurse.connect()) {
            ObjectNode snapshot = pro.await("queue_snapshot", s -> "prescriptions".equals(s.path("queue").asText()));
            String id = snapshot.path("items").findValuesAsText("id").getLast();
            assertEquals("form", snapshot.path("items").get(snapshot.path("items").size() - 1).path("channel").asText());
            pro.send(Frames.pro("claim", id));
            pro.await("claimed");
            pro.send(Frames.pro("message", id).put("clientMsgId", "r1").put("text", "Resepti on uusittu, voit hakea lääkkeen apteekista."));
            pro.await("ack");
        }
        Api.Res answered = resident.get("/api/forms/replies/" + token);
        assertTrue(answered.body().path("answered").asBoolean(), answered.raw());
        JsonNode last = answered.body().path("messages").get(answered.body().path("messages").size() - 1);
        assertEquals("professional", last.path("author").asText());
        assertEquals(nurse.name(), last.path("authorName").asText());
        assertEquals(404, resident.get("/api/forms/replies/" + token.substring(1) + "x").status());
        assertNotEquals(0, stats().path("submissions").path("prescription-renewal").asLong());
    }

    /** F4: chest pain written in a form gets the 112 guidance in the response, not after a professional reads it. */
    @Test
    void chestPainInAFormGetsSafetyGuidanceAtOnce() {
        Api.Res res = resident.post("/api/forms/contact-request/submissions", submission("fi", Map.of(
                "topic", "health", "description", "Minulla on kova puristava rintakipu ja hengenahdistusta",
                "phone", "0401234567", "consent", true)));
        assertEquals(201, res.status(), res.raw());
        assertTrue(res.body().path("emergency").asBoolean(), res.raw());
        assertTrue(res.body().path("safety").get(0).path("instruction").asText().contains("112"), res.raw());
        assertTrue(res.body().path("replies").get(0).path("text").asText().contains("112"));
        assertEquals("emergency", resident.get("/api/forms/replies/" + res.body().path("replyToken").asText())
                .body().path("urgency").asText());
    }

    /** F6: a fire-safety question reaches the rescue department's advice queue, in each language, without false alarms. */
    @Test
    void fireSafetyQuestionGoesToTheRescueQueue() {
        Map<String, String> questions = Map.of(
                "fi", "Kuinka usein palovaroittimen paristo pitää vaihtaa ja montako varoitinta asuntoon tarvitaan?",
                "sv", "Hur ofta ska man byta batteri i brandvarnaren?",
                "en", "How often should I test the smoke alarm and change its battery?");
        questions.forEach((lang, q) -> {
            Api.Res res = resident.post("/api/forms/fire-safety-advice/submissions", submission(lang, Map.of(
                    "topic", "smoke-alarm", "question", q, "postal_code", "33100", "visit_date", TODAY.plusDays(7).toString(),
                    "email", "asukas@example.fi", "consent", true)));
            assertEquals(201, res.status(), res.raw());
            assertFalse(res.body().path("emergency").asBoolean(), lang + ": " + res.raw());
            assertEquals("rescue", res.body().path("queue").asText(), lang + ": " + res.raw());
        });
    }

    /** F5: feedback needs no contact details; reload and statistics are for staff only, reload needs CSRF. */
    @Test
    void feedbackAndStaffRoutes() {
        Api.Res res = resident.post("/api/forms/feedback/submissions", submission("sv", Map.of(
                "kind", "idea", "message", "Det vore bra med kvällstider på hälsostationen.", "consent", true)));
        assertEquals(201, res.status(), res.raw());
        assertEquals("self_care", res.body().path("urgency").asText());
        assertEquals(401, resident.get("/api/forms/stats").status());
        Api nurse = Api.as(Pro.login(server, "hoitaja", "hoitaja-demo"));
        assertEquals(403, nurse.get("/api/forms/stats").status());
        assertEquals(403, nurse.post("/api/forms/reload", Json.object()).status());
        assertEquals("csrf", admin.postWithoutCsrf("/api/forms/reload", Json.object()).errorCode());
        Api.Res reload = admin.post("/api/forms/reload", Json.object());
        assertEquals(200, reload.status(), reload.raw());
        assertEquals(4, reload.body().path("forms").asInt());
    }

    private ObjectNode stats() {
        Api.Res s = admin.get("/api/forms/stats");
        assertEquals(200, s.status(), s.raw());
        return s.body();
    }

    static ObjectNode submission(String lang, Map<String, Object> values) {
        ObjectNode o = Json.object().put("language", lang);
        o.set("values", Json.MAPPER.valueToTree(values));
        return o;
    }

    private static JsonNode field(ObjectNode def, String name) {
        for (JsonNode f : def.path("fields")) {
            if (name.equals(f.path("name").asText())) {
                return f;
            }
        }
        throw new AssertionError("no field " + name + " in " + def);
    }

    private static Map<String, String> codes(Api.Res res) {
        assertEquals(400, res.status(), res.raw());
        Map<String, String> out = new HashMap<>();
        res.body().path("error").path("fields").forEach(f -> out.put(f.path("field").asText(), f.path("code").asText()));
        return out;
    }

    private static String message(Api.Res res, String field) {
        for (JsonNode f : res.body().path("error").path("fields")) {
            if (field.equals(f.path("field").asText())) {
                return f.path("message").asText();
            }
        }
        throw new AssertionError("no error for " + field);
    }
}
