package fi.ikkuna.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.support.Frames;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.support.WsTestClient;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The rules workbench through its REST API with the county's real rules: validate as you type, try, test,
 * publish (the running service changes without a restart), concurrent publish, the emergency-recall gate,
 * rollback, export and import.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchTest extends ServiceTest {
    static final String FAQ = """
            entries:
              - id: fi-testikahvio
                lang: fi
                service: general
                question: "Missä on hyvinvointialueen testikahvio?"
                variants: ["testikahvion sijainti"]
                answer: "Testikahvio on pääaulassa."
            """;
    static final String QUESTION = "Missä on hyvinvointialueen testikahvio?";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private Pro editor;

    @BeforeAll
    void signIn() {
        editor = Pro.login(server, "saannot", "saannot-demo");
    }

    @Test
    @Order(1)
    void onlyRulesEditorsAndAdministratorsGetIn() {
        Pro nurse = Pro.login(server, "hoitaja", "hoitaja-demo");
        assertEquals(403, nurse.get("/api/workbench/versions").statusCode());
        assertEquals(403, send(editor, "POST", "/api/workbench/drafts", "{}", false).statusCode(), "CSRF token required");
        ObjectNode versions = Json.parseObject(editor.get("/api/workbench/versions").body());
        assertEquals(1, versions.path("active").asInt());
    }

    /**
     * Issue 14.9: a validation problem comes as a code with values for the workbench to translate, with file and line
     * on their own: the loader's English reason and the YAML parser's wording stay in {@code message} only.
     */
    @Test
    @Order(2)
    void validationProblemsAreCodesWithValues() {
        String draft = newDraft();
        for (String[] c : List.of(
                new String[] {"entries:\n  - id: x\n    lang: xx\n", "unknown_value", "kind=language", "value=xx"},
                new String[] {"entries:\n  - id: x\n    lang: fi\n    colour: red\n", "unknown_key", "key=colour"},
                new String[] {"entries:\n  - id: x\n    lang: fi\n  question: [\n", "yaml_", null},
                new String[] {"entries:\n\t- id: x\n", "yaml_", null})) {
            ObjectNode r = json(send(editor, "POST", "/api/workbench/drafts/" + draft + "/validate", body("faq/test.yaml", c[0]), true));
            JsonNode e = r.path("error");
            assertEquals("faq/test.yaml", e.path("file").asText(), r.toString());
            assertTrue(e.path("line").asInt() > 0, r.toString());
            assertTrue(e.path("code").asText().startsWith(c[1]), c[1] + " expected: " + r);
            for (int i = 2; i < c.length && c[i] != null; i++) {
                String[] kv = c[i].split("=");
                assertEquals(kv[1], e.path("params").path(kv[0]).asText(), r.toString());
            }
        }
    }

    @Test
    @Order(2)
    void validateTryTestPublish() {
        String draft = newDraft();
        ObjectNode bad = json(send(editor, "POST", "/api/workbench/drafts/" + draft + "/validate",
                body("faq/test.yaml", "entries:\n  - id: x\n    lang: xx\n"), true));
        assertFalse(bad.path("valid").asBoolean());
        assertEquals("faq/test.yaml", bad.path("error").path("file").asText(), bad.toString());
        assertTrue(bad.path("error").path("line").asInt() > 0, bad.toString());

        ObjectNode saved = json(send(editor, "PUT", "/api/workbench/drafts/" + draft + "/files", body("faq/test.yaml", FAQ), true));
        assertTrue(saved.path("valid").asBoolean(), saved.toString());

        ObjectNode tried = json(send(editor, "POST", "/api/workbench/drafts/" + draft + "/try",
                "{\"text\":\"" + QUESTION + "\",\"language\":\"fi\",\"channel\":\"chat\"}", true));
        assertEquals("fi-testikahvio", tried.path("draft").path("faq").get(0).path("id").asText(), tried.toString());
        assertFalse(tried.path("published").path("faq").findValuesAsText("id").contains("fi-testikahvio"));

        ObjectNode report = json(send(editor, "POST", "/api/workbench/drafts/" + draft + "/test", "{}", true));
        assertTrue(report.path("cases").asInt() >= 150, report.path("cases").toString());
        assertEquals(1.0, report.path("emergencyRecall").asDouble());
        assertTrue(report.path("urgencyConfusion").has("emergency"));

        ObjectNode published = json(send(editor, "POST", "/api/workbench/drafts/" + draft + "/publish", "{\"comment\":\"testikahvio\"}", true));
        assertEquals(2, published.path("version").asInt());
        assertEquals("fi-testikahvio", simulate(QUESTION).path("faq").get(0).path("id").asText(), "the running service uses version 2");
        ObjectNode v2 = Json.parseObject(editor.get("/api/workbench/versions/2").body());
        assertTrue(v2.path("diff").asText().contains("+++ b/faq/test.yaml"), v2.path("diff").asText());
        assertEquals("testikahvio", v2.path("comment").asText());
    }

    @Test
    @Order(3)
    void concurrentPublishOneWinsTheOtherRebases() {
        String first = newDraft();
        String second = newDraft();
        send(editor, "PUT", "/api/workbench/drafts/" + first + "/files", body("faq/first.yaml", FAQ.replace("testikahvio", "ekakahvio")), true);
        send(editor, "PUT", "/api/workbench/drafts/" + second + "/files", body("faq/second.yaml", FAQ.replace("testikahvio", "tokakahvio")), true);
        assertEquals(200, send(editor, "POST", "/api/workbench/drafts/" + first + "/publish", "{\"comment\":\"first\"}", true).statusCode());
        HttpResponse<String> lost = send(editor, "POST", "/api/workbench/drafts/" + second + "/publish", "{\"comment\":\"second\"}", true);
        assertEquals(409, lost.statusCode(), lost.body());
        assertTrue(Json.parseObject(lost.body()).path("error").path("rebase").asBoolean());
        assertEquals(200, send(editor, "POST", "/api/workbench/drafts/" + second + "/rebase", "{}", true).statusCode());
        assertEquals(200, send(editor, "POST", "/api/workbench/drafts/" + second + "/publish", "{\"comment\":\"second\"}", true).statusCode());
    }

    @Test
    @Order(4)
    void draftThatMissesAnEmergencyCannotBePublished() {
        String draft = newDraft();
        send(editor, "PUT", "/api/workbench/drafts/" + draft + "/files", "{\"path\":\"rules/10-safety-health.yaml\",\"content\":null}", true);
        ObjectNode report = json(send(editor, "POST", "/api/workbench/drafts/" + draft + "/test", "{}", true));
        assertTrue(report.path("emergencyRecall").asDouble() < 1.0);
        assertTrue(report.path("changed").size() > 0, "cases that change outcome are listed");
        HttpResponse<String> refused = send(editor, "POST", "/api/workbench/drafts/" + draft + "/publish", "{\"comment\":\"oops\"}", true);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("Emergency recall"), refused.body());
    }

    @Test
    @Order(5)
    void rollbackExportAndImport() throws Exception {
        int before = Json.parseObject(editor.get("/api/workbench/versions").body()).path("active").asInt();
        ObjectNode rolled = json(send(editor, "POST", "/api/workbench/versions/1/rollback", "{\"comment\":\"back to start\"}", true));
        assertEquals(before + 1, rolled.path("version").asInt());
        assertFalse(simulate(QUESTION).path("faq").findValuesAsText("id").contains("fi-testikahvio"), "version 1 behaviour is back");

        HttpResponse<byte[]> zip = HTTP.send(HttpRequest.newBuilder(server.http("/api/workbench/versions/2/export"))
                .header("Cookie", editor.cookie()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zip.statusCode());
        Map<String, Integer> names = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.put(e.getName(), in.readAllBytes().length);
            }
        }
        assertTrue(names.containsKey("triage-rules/faq/test.yaml") && names.containsKey("triage-rules/queues.yaml"), names.toString());
        HttpResponse<String> imported = HTTP.send(HttpRequest.newBuilder(server.http("/api/workbench/drafts/import"))
                .header("Cookie", editor.cookie()).header("X-CSRF-Token", editor.csrf())
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip.body())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, imported.statusCode(), imported.body());
        assertTrue(Json.parseObject(imported.body()).path("files").has("faq/test.yaml"));
    }

    @Test
    @Order(6)
    void transfersBecomeCandidateCasesAnEditorCanAccept() {
        String text = "Hammasta on särkenyt viikon ja poski on hieman turvoksissa, tarvitsen hoitajan neuvoa";
        transferred(text, "kuuluu toiseen jonoon");
        ObjectNode list = Json.parseObject(editor.get("/api/workbench/corrections").body());
        ObjectNode correction = (ObjectNode) list.path("corrections").get(0);
        assertEquals(text, correction.path("text").asText());
        assertEquals("kuuluu toiseen jonoon", correction.path("reason").asText());
        String draft = newDraft();
        ObjectNode accepted = json(send(editor, "POST", "/api/workbench/drafts/" + draft + "/corrections/"
                + correction.path("eventId").asText() + "/accept", "{}", true));
        assertTrue(accepted.path("valid").asBoolean(), accepted.toString());
        String file = Json.parseObject(editor.get("/api/workbench/drafts/" + draft).body()).path("files").path("cases/corrections.yaml").asText();
        assertTrue(file.contains(text) && file.contains("service: " + correction.path("expectService").asText()), file);
        ObjectNode report = json(send(editor, "POST", "/api/workbench/drafts/" + draft + "/test", "{}", true));
        assertTrue(report.path("corrections").findValuesAsText("text").contains(text));
    }

    /**
     * Issue 12: the assignee marks a contact the triage raised as an emergency as not one. The urgency she chose
     * replaces it (live on her state frame), a second correction or a non-assignee's is refused, and the correction
     * reaches the workbench as a candidate case expecting her urgency.
     */
    @Test
    @Order(9)
    void notAnEmergencyBecomesACorrection() {
        String text = "Rintaa puristaa kovasti ja hikoiluttaa, en tiedä mitä tehdä";
        Pro nurse = Pro.login(server, "hoitaja", "hoitaja-demo");
        Pro other = Pro.login(server, "admin", "admin-demo");
        try (Resident r = Resident.start(server, "fi"); WsTestClient pro = nurse.connect(); WsTestClient boss = other.connect()) {
            r.say(text);
            r.ws.await("state", st -> "queued".equals(st.path("state").asText()) && "emergency".equals(st.path("urgency").asText()));
            pro.send(Frames.pro("claim", r.conversationId));
            pro.await("claimed");
            boss.send(Frames.pro("correct_urgency", r.conversationId).put("urgency", "urgent").put("reason", "ei minun"));
            assertEquals("not_assignee", boss.await("error").path("code").asText());
            pro.send(Frames.pro("correct_urgency", r.conversationId).put("urgency", "emergency").put("reason", "x"));
            assertEquals("invalid_field", pro.await("error").path("code").asText());
            pro.send(Frames.pro("correct_urgency", r.conversationId).put("urgency", "urgent").put("reason", "Lihasperäistä, soitin takaisin"));
            pro.await("state", st -> r.conversationId.equals(st.path("conversationId").asText()) && "urgent".equals(st.path("urgency").asText()));
            pro.send(Frames.pro("correct_urgency", r.conversationId).put("urgency", "non_urgent").put("reason", "taas"));
            assertEquals("illegal_transition", pro.await("error", e -> "illegal_transition".equals(e.path("code").asText())).path("code").asText());
        }
        ObjectNode correction = null;
        for (var c : Json.parseObject(editor.get("/api/workbench/corrections").body()).path("corrections")) {
            if (text.equals(c.path("text").asText())) {
                correction = (ObjectNode) c;
            }
        }
        assertTrue(correction != null, "the urgency correction is not listed");
        assertEquals("urgent", correction.path("expectUrgency").asText());
        String draft = newDraft();
        json(send(editor, "POST", "/api/workbench/drafts/" + draft + "/corrections/" + correction.path("eventId").asText() + "/accept", "{}", true));
        String file = Json.parseObject(editor.get("/api/workbench/drafts/" + draft).body()).path("files").path("cases/corrections.yaml").asText();
        assertTrue(file.contains(text) && file.contains("urgency: urgent"), file);
    }

    /**
     * Issue 13.4: what a resident wrote and why a professional moved it reaches a rules editor de-identified, in the
     * listing, the draft test report, the accepted case file, the published version and its export; the original stays
     * in the conversation, which the correction names for the access-logged path.
     */
    @Test
    @Order(8)
    void correctionsReachRulesEditorsDeidentified() throws Exception {
        String text = "Hammasta on särkenyt viikon ja poski on turvoksissa. Olen Matti Virtanen, hetu 010190-123A, "
                + "soittakaa numeroon 040 123 4567 tai matti.virtanen@example.fi, asun Koivukuja 3 B 12, 00100 Helsinki.";
        String conversation = transferred(text, "Virtasen mukaan oikea numero on +358 50 765 4321, kuuluu toiseen jonoon");
        java.util.List<String> personal = java.util.List.of("Matti", "Virtanen", "Virtasen", "010190-123A", "123 4567", "765 4321",
                "virtanen@", "Koivukuja", "00100");
        ObjectNode correction = (ObjectNode) Json.parseObject(editor.get("/api/workbench/corrections").body()).path("corrections").get(0);
        assertNone(personal, correction.toString());
        assertEquals(conversation, correction.path("conversationId").asText(), "the original is reachable only through the conversation");
        assertTrue(correction.path("text").asText().startsWith("Hammasta on särkenyt viikon ja poski on turvoksissa."), correction.toString());
        assertTrue(correction.path("reason").asText().contains("kuuluu toiseen jonoon"), correction.toString());

        String draft = newDraft();
        json(send(editor, "POST", "/api/workbench/drafts/" + draft + "/corrections/" + correction.path("eventId").asText() + "/accept", "{}", true));
        assertNone(personal, json(send(editor, "POST", "/api/workbench/drafts/" + draft + "/test", "{}", true)).toString());
        String file = Json.parseObject(editor.get("/api/workbench/drafts/" + draft).body()).path("files").path("cases/corrections.yaml").asText();
        assertTrue(file.contains("Hammasta on särkenyt"), file);
        assertNone(personal, file);
        int version = json(send(editor, "POST", "/api/workbench/drafts/" + draft + "/publish", "{\"comment\":\"deid\"}", true))
                .path("version").asInt();
        assertNone(personal, editor.get("/api/workbench/versions/" + version).body());
        HttpResponse<byte[]> zip = HTTP.send(HttpRequest.newBuilder(server.http("/api/workbench/versions/" + version + "/export"))
                .header("Cookie", editor.cookie()).build(), HttpResponse.BodyHandlers.ofByteArray());
        StringBuilder all = new StringBuilder();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                all.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertTrue(all.toString().contains("Hammasta on särkenyt viikon ja poski on turvoksissa."));
        assertNone(personal, all.toString());
    }

    private static void assertNone(java.util.List<String> personal, String shown) {
        for (String p : personal) {
            assertFalse(shown.contains(p), "'" + p + "' reached a rules editor: " + shown);
        }
    }

    /** A resident writes {@code text}, a nurse claims it and moves it to another queue; returns the conversation id. */
    private String transferred(String text, String reason) {
        Pro nurse = Pro.login(server, "hoitaja", "hoitaja-demo");
        try (Resident r = Resident.start(server, "fi"); WsTestClient pro = nurse.connect()) {
            r.say(text);
            if (r.ws.await("triage").path("answered").asBoolean()) {
                r.ws.send(Json.object().put("type", "faq_feedback").put("helpful", false));
            }
            r.ws.await("state", st -> "queued".equals(st.path("state").asText()));
            String queue = r.ws.all("state").getLast().path("queue").asText();
            String target = "dental".equals(queue) ? "general" : "dental";
            pro.send(Frames.pro("claim", r.conversationId));
            pro.await("claimed");
            pro.send(Frames.pro("transfer", r.conversationId).put("queue", target).put("reason", reason));
            r.ws.await("state", st -> target.equals(st.path("queue").asText()));
            return r.conversationId;
        }
    }

    /** Issue 13.3: a draft of thousands of wildcard patterns, or an oversized zip, is refused before it can fill the heap. */
    @Test
    @Order(7)
    void oversizedDraftsAreRefused() throws Exception {
        String draft = newDraft();
        StringBuilder yaml = new StringBuilder("rules:\n");
        for (int r = 0; r < 12; r++) {
            yaml.append("  - id: wild-").append(r).append("\n    urgency: non_urgent\n    match:\n      fi: '");
            for (int i = 0; i < 500; i++) {
                yaml.append(i == 0 ? "" : " OR ").append("*x").append(r).append('y').append(i);
            }
            yaml.append("'\n");
        }
        ObjectNode wild = json(send(editor, "POST", "/api/workbench/drafts/" + draft + "/validate",
                body("rules/99-wild.yaml", yaml.toString()), true));
        assertFalse(wild.path("valid").asBoolean(), wild.toString());
        assertEquals("rules/99-wild.yaml", wild.path("error").path("file").asText(), wild.toString());
        assertTrue(wild.path("error").toString().contains("wildcard"), wild.toString());

        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (int i = 0; i < 101; i++) {
                zip.putNextEntry(new java.util.zip.ZipEntry("triage-rules/faq/f" + i + ".yaml"));
                zip.write("entries: []\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        HttpResponse<String> tooMany = HTTP.send(HttpRequest.newBuilder(server.http("/api/workbench/drafts/import"))
                .header("Cookie", editor.cookie()).header("X-CSRF-Token", editor.csrf())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, tooMany.statusCode(), tooMany.body());
        assertTrue(tooMany.body().contains("more than 100"), tooMany.body());
    }

    /** Issue 13.3: a request body over server.max-payload-size (6 MiB) is refused with 413. */
    @Test
    @Order(8)
    void bodiesOverTheCapAreRefused() throws Exception {
        // A raw request that announces 7 MiB and sends none of it: the answer must come from the length alone (an
        // HTTP client streaming the body races the server's close and may see a reset instead of the 413).
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/workbench/drafts/import HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + editor.cookie()
                    + "\r\nX-CSRF-Token: " + editor.csrf() + "\r\nContent-Type: application/zip\r\nContent-Length: " + (7 << 20)
                    + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String status = new String(socket.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", status, "before the cap the import read the body whole (then 400 as a broken zip)");
        }
        assertEquals(200, editor.get("/observe/health").statusCode());
    }

    /**
     * Issue 13.5: deleting the emergency cases together with a safety file used to publish (an empty case set
     * counted as 100 % recall). Now it needs a second rules editor's approval of exactly those files; the author
     * cannot approve, the approver cannot publish, an edit withdraws the approval, both names are on the version,
     * and a rollback that takes the safety net away is refused the same way.
     */
    @Test
    @Order(20)
    void weakeningTheSafetyNetNeedsFourEyes() {
        String draft = newDraft();
        for (String f : List.of("cases/emergency-fi.yaml", "cases/emergency-sv-en.yaml", "cases/emergency-concepts.yaml", "cases/channels.yaml", "cases/rescue.yaml",
                "cases/dental.yaml", "rules/10-safety-health.yaml")) {
            send(editor, "PUT", "/api/workbench/drafts/" + draft + "/files", body(f, null), true);
        }
        HttpResponse<String> alone = send(editor, "POST", "/api/workbench/drafts/" + draft + "/publish", "{\"comment\":\"tidy\"}", true);
        assertEquals(409, alone.statusCode(), alone.body());
        assertTrue(alone.body().contains("chest-pain (removed)"), alone.body());
        assertTrue(alone.body().contains("approvalRequired"), alone.body());
        assertEquals(403, send(editor, "POST", "/api/workbench/drafts/" + draft + "/approve", "{}", true).statusCode(),
                "the author cannot approve her own draft");

        Pro second = Pro.login(server, "admin", "admin-demo");
        ObjectNode approved = json(send(second, "POST", "/api/workbench/drafts/" + draft + "/approve", "{}", true));
        assertTrue(approved.path("safetyChanges").path("removedEmergencies").size() > 0, approved.toString());
        assertEquals(403, send(second, "POST", "/api/workbench/drafts/" + draft + "/publish", "{\"comment\":\"x\"}", true).statusCode(),
                "the approver cannot also publish");
        // an edit after the approval withdraws it
        send(editor, "PUT", "/api/workbench/drafts/" + draft + "/files", body("faq/extra.yaml", FAQ.replace("testikahvio", "testiruokala")), true);
        assertEquals(409, send(editor, "POST", "/api/workbench/drafts/" + draft + "/publish", "{\"comment\":\"x\"}", true).statusCode());
        json(send(second, "POST", "/api/workbench/drafts/" + draft + "/approve", "{}", true));
        int weakened = json(send(editor, "POST", "/api/workbench/drafts/" + draft + "/publish", "{\"comment\":\"reviewed\"}", true))
                .path("version").asInt();
        ObjectNode v = json(editor.get("/api/workbench/versions/" + weakened));
        assertEquals("Riikka Laine", v.path("author").asText());
        assertEquals("Antti Järvinen", v.path("approvedBy").asText());

        // restoring version 1 adds the safety net back: no approval needed; taking it away again by rollback is refused
        int restored = json(send(editor, "POST", "/api/workbench/versions/1/rollback", "{\"comment\":\"restore\"}", true))
                .path("version").asInt();
        assertEquals(weakened + 1, restored);
        HttpResponse<String> back = send(editor, "POST", "/api/workbench/versions/" + weakened + "/rollback", "{\"comment\":\"x\"}", true);
        assertEquals(409, back.statusCode(), back.body());
        assertTrue(back.body().contains("approve"), back.body());
    }

    private String newDraft() {
        HttpResponse<String> res = send(editor, "POST", "/api/workbench/drafts", "{}", true);
        assertEquals(201, res.statusCode(), res.body());
        return Json.parseObject(res.body()).path("id").asText();
    }

    private ObjectNode simulate(String text) {
        return Json.parseObject(Pro.post(server.http("/api/triage/simulate"),
                "{\"text\":\"" + text + "\",\"language\":\"fi\",\"channel\":\"chat\"}", Map.of()).body());
    }

    private static String body(String path, String content) {
        return Json.write(Json.object().put("path", path).put("content", content));
    }

    private static ObjectNode json(HttpResponse<String> res) {
        assertEquals(200, res.statusCode(), res.body());
        return Json.parseObject(res.body());
    }

    private HttpResponse<String> send(Pro who, String method, String path, String body, boolean csrf) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(server.http(path)).header("Cookie", who.cookie())
                    .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            if (csrf) {
                b.header("X-CSRF-Token", who.csrf());
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
