package fi.ikkuna.datarights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.form.Api;
import fi.ikkuna.support.Backend;
import fi.ikkuna.support.Frames;
import fi.ikkuna.support.OidcProvider;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.support.TestServer;
import fi.ikkuna.support.WsTestClient;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "My contacts" and "Who has read my data" (docs/data-rights.md), per backend, against the real OpenID provider: two
 * people, each strongly identified in a chat and in the conversation of a booked appointment and sending a contact
 * request from the identified chat's tab; one anonymous booking and one anonymous form;
 * every read through the API as the widget makes it (the tab's resume token).
 */
public abstract class DataRightsContract extends ServiceTest {
    static final String MAIJA = "131052-308T";
    static final String OSKARI = "010203A9987";
    static final String KNEE = "Haluaisin etävastaanottoajan lääkärille, polvi on ollut kipeä jo kuukauden";
    static final String WRITTEN = "Polveni <script>alert('x')</script> & \"kipeä\" <b>yhä</b>";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Helsinki"));
    final OidcProvider provider = new OidcProvider(false);
    final String key = newKey();
    Person maija;
    Person oskari;
    String anonymousBooking;
    String anonymousForm;
    Pro admin;

    /** What one person did: their chat and their appointment's conversation, with the tokens their tabs keep. */
    record Person(String chat, String chatToken, String appointment, String appointmentToken, String bookingCode,
                  String formReference) {
    }

    @Override
    protected abstract Backend backend();

    @Override
    protected Map<String, String> config() {
        return config(false);
    }

    Map<String, String> config(boolean names) {
        Map<String, String> c = new HashMap<>(TestServer.FAST_CLIENTS);
        c.remove("ikkuna.rules.dir"); // the county's rules: the knee request is routed to health, where the slots are
        c.put("ikkuna.identification.enabled", "true");
        c.put("ikkuna.identification.issuer", provider.issuer(Residents.ISSUER));
        c.put("ikkuna.identification.client-id", "ikkuna-test");
        c.put("ikkuna.identification.client-secret", "not-checked-by-the-test-provider");
        c.put("ikkuna.identification.key", key);
        c.put("ikkuna.data-rights.show-professional-names", Boolean.toString(names));
        return c;
    }

    @BeforeAll
    void twoPeople() {
        admin = Pro.login(server, "admin", "admin-demo");
        Api nurse = Api.as(Pro.login(server, "hoitaja", "hoitaja-demo"));
        maija = person(MAIJA, "Maija", WRITTEN, slot(nurse, 1));
        oskari = person(OSKARI, "Oskari", "Oskarin oma kysymys rokotuksista", slot(nurse, 2));
        // A booking nobody identified in: it belongs to no one's data.
        anonymousBooking = book(request(), slot(nurse, 3)).path("code").asText();
        anonymousForm = reference(Residents.contactRequest(server, null, "Nimetön soittopyyntö polvesta"));
    }

    @AfterAll
    void stopProvider() {
        provider.close();
    }

    /**
     * D1: from either of her identified conversations Maija sees exactly hers — the chat, the appointment's conversation
     * and the form she sent from the chat's tab, her booking and her form — never Oskari's or the anonymous ones.
     */
    @Test
    void identifiedResidentSeesExactlyTheirOwnContacts() {
        for (String token : List.of(maija.chatToken(), maija.appointmentToken())) {
            JsonNode mine = view(token);
            assertEquals(3, mine.path("conversations").size(), mine.toString());
            assertTrue(ids(mine.path("conversations")).containsAll(Set.of(maija.chat(), maija.appointment())), mine.toString());
            assertEquals(List.of(maija.bookingCode()), texts(mine.path("bookings"), "code"), mine.toString());
            assertEquals(Set.of(maija.appointment()), ids(mine.path("bookings")));
            assertEquals(List.of(maija.formReference()), texts(mine.path("forms"), "reference"), mine.toString());
            assertEquals("contact-request", mine.path("forms").get(0).path("formId").asText());
            JsonNode form = conversation(mine, mine.path("forms").get(0).path("conversationId").asText());
            assertEquals("form", form.path("channel").asText());
            assertTrue(form.path("messages").get(0).path("text").asText().contains("Maija pyytää soittoa polvesta"), form.toString());
            JsonNode chat = conversation(mine, maija.chat());
            assertEquals(WRITTEN, chat.path("messages").get(0).path("text").asText());
            assertEquals("resident", chat.path("messages").get(0).path("author").asText());
            assertEquals(KNEE, conversation(mine, maija.appointment()).path("messages").get(0).path("text").asText());
            for (String other : List.of(oskari.chat(), oskari.appointment(), oskari.bookingCode(), oskari.formReference(),
                    anonymousBooking, anonymousForm, "rokotuksista", "Oskari", "Nimetön")) {
                assertFalse(mine.toString().contains(other), "another person's " + other + " in " + mine);
            }
            for (JsonNode e : mine.path("accessLog").path("entries")) {
                assertTrue(ids(mine.path("conversations")).contains(e.path("conversationId").asText()), e.toString());
            }
        }
        JsonNode his = view(oskari.chatToken());
        assertEquals(3, his.path("conversations").size());
        assertTrue(ids(his.path("conversations")).containsAll(Set.of(oskari.chat(), oskari.appointment())));
        assertEquals(List.of(oskari.bookingCode()), texts(his.path("bookings"), "code"));
        assertEquals(List.of(oskari.formReference()), texts(his.path("forms"), "reference"));
    }

    /** D2: no token, an unknown token and a conversation nobody identified in are refused; nothing is read or recorded. */
    @Test
    void unidentifiedConversationIsRefused() {
        try (Resident r = Resident.start(server, "fi")) {
            r.say("Kysyisin reseptistä");
            HttpResponse<String> refused = Residents.get(server, "/api/data-rights/", r.resumeToken);
            assertEquals(403, refused.statusCode(), refused.body());
            assertEquals("forbidden", Json.parseObject(refused.body()).path("error").path("code").asText());
            assertFalse(refused.body().contains(maija.chat()));
            assertEquals(0L, reads(r.conversationId));
            for (String path : List.of("/api/data-rights/export.json", "/api/data-rights/export.html")) {
                assertEquals(403, Residents.get(server, path, r.resumeToken).statusCode(), path);
            }
        }
        assertEquals(401, Residents.get(server, "/api/data-rights/", null).statusCode());
        // A form sent with a token that proves no identified tab is refused, and stores nothing.
        long forms = server.sql(em -> ((Number) em.createNativeQuery("select count(*) from form_submission").getSingleResult()).longValue());
        try (Resident r = Resident.start(server, "fi")) {
            r.say("Kysyisin rokotuksesta");
            assertEquals(403, Residents.contactRequest(server, r.resumeToken, "Tunnistamaton soittopyyntö").statusCode());
        }
        assertEquals(401, Residents.contactRequest(server, "not-a-token-of-anyone", "Väärä soittopyyntö").statusCode());
        assertEquals(forms, (long) server.sql(em -> ((Number) em.createNativeQuery("select count(*) from form_submission")
                .getSingleResult()).longValue()));
        String forged = (maija.chatToken().charAt(0) == 'x' ? "y" : "x") + maija.chatToken().substring(1);
        assertEquals(401, Residents.get(server, "/api/data-rights/", forged).statusCode());
        // A conversation id is not a key.
        assertEquals(401, Residents.get(server, "/api/data-rights/", maija.chat()).statusCode());
    }

    /** D3: the access log of the last two years only, with role, title, action and purpose; no names by default. */
    @Test
    void accessLogShowsTheLastTwoYearsWithRoleAndPurpose() {
        String nurseId = Pro.login(server, "hoitaja", "hoitaja-demo").id();
        Instant now = Instant.now();
        Residents.pastAccess(backend, nurseId, maija.chat(), "vanha selvitys", now.atOffset(ZoneOffset.UTC).minusYears(2).minusDays(3).toInstant());
        Residents.pastAccess(backend, nurseId, maija.chat(), "laskutuksen tarkistus", now.atOffset(ZoneOffset.UTC).minusMonths(23).toInstant());
        Residents.pastAccess(backend, nurseId, oskari.chat(), "toisen asiakkaan asia", now.minusSeconds(60));

        JsonNode log = view(maija.chatToken()).path("accessLog");
        assertEquals(2, log.path("years").asInt());
        List<String> purposes = texts(log.path("entries"), "purpose");
        assertTrue(purposes.contains("laskutuksen tarkistus"), log.toString());
        assertFalse(purposes.contains("vanha selvitys"), "older than two years: " + log);
        assertFalse(purposes.contains("toisen asiakkaan asia"), "another person's conversation: " + log);
        JsonNode claim = entry(log, "claim");
        assertEquals("administrator", claim.path("role").asText());
        assertEquals("pääkäyttäjä", claim.path("title").asText());
        assertEquals("care", claim.path("purpose").asText());
        assertEquals(maija.chat(), claim.path("conversationId").asText());
        assertEquals("identity", entry(log, "identity").path("action").asText(), "revealing the identity code is a read");
        JsonNode old = log.path("entries").findParents("purpose").stream()
                .filter(e -> "laskutuksen tarkistus".equals(e.path("purpose").asText())).findFirst().orElseThrow();
        assertEquals("sairaanhoitaja", old.path("title").asText());
        assertFalse(log.path("namesShown").asBoolean());
        for (JsonNode e : log.path("entries")) {
            assertFalse(e.has("name"), e.toString());
        }
        assertFalse(log.toString().contains("Antti Järvinen") || log.toString().contains("Hanna Virtanen"), log.toString());
        List<String> at = texts(log.path("entries"), "at");
        List<String> sorted = new ArrayList<>(at);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, at, "newest first");
        assertTrue(at.stream().allMatch(a -> Instant.parse(a).isAfter(Instant.parse(log.path("since").asText()).minusSeconds(1))));
    }

    /** D4: with show-professional-names the same entries carry the professional's name (same database, another service). */
    @Test
    void professionalNamesOnlyWhenConfigured() {
        try (TestServer named = new TestServer(backend, config(true))) {
            JsonNode log = Json.parseObject(ok(Residents.get(named, "/api/data-rights/", maija.chatToken())).body()).path("accessLog");
            assertTrue(log.path("namesShown").asBoolean());
            assertEquals("Antti Järvinen", entry(log, "claim").path("name").asText());
        }
        assertFalse(entry(view(maija.chatToken()).path("accessLog"), "claim").has("name"));
    }

    /** D2b: a level below minimum-level, and an identification older than identified-minutes, open nothing. */
    @Test
    void levelAndAgeOfTheIdentificationAreChecked() {
        Map<String, String> high = config(false);
        high.put("ikkuna.data-rights.minimum-level", "high");
        try (TestServer strict = new TestServer(backend, high)) {
            HttpResponse<String> res = Residents.get(strict, "/api/data-rights/", maija.chatToken());
            assertEquals(403, res.statusCode(), "identified at substantial, high required: " + res.body());
        }
        Map<String, String> soon = config(false);
        soon.put("ikkuna.data-rights.identified-minutes", "0");
        try (TestServer expired = new TestServer(backend, soon)) {
            HttpResponse<String> res = Residents.get(expired, "/api/data-rights/", maija.chatToken());
            assertEquals(403, res.statusCode(), "identified longer ago than allowed: " + res.body());
            assertTrue(res.body().contains("expired"), res.body());
        }
        assertEquals(200, Residents.get(server, "/api/data-rights/", maija.chatToken()).statusCode(), "the defaults open it");
    }

    /** D5: the JSON download is what the view shows, as an attachment that parses; every read is recorded as an event. */
    @Test
    void jsonExportContainsEverythingShownAndParses() {
        long before = reads(maija.chat());
        long logRows = accessRows(maija.chat());
        ObjectNode shown = view(maija.chatToken());
        HttpResponse<String> res = ok(Residents.get(server, "/api/data-rights/export.json", maija.chatToken()));
        assertTrue(res.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"), res.headers().toString());
        assertEquals("no-store", res.headers().firstValue("Cache-Control").orElse(""));
        ObjectNode exported = Json.parseObject(res.body());
        for (ObjectNode o : List.of(shown, exported)) {
            o.remove("generatedAt"); // both are "now": the moment of each read
            ((ObjectNode) o.path("accessLog")).remove("since");
        }
        assertEquals(shown, exported);
        assertEquals(before + 2, reads(maija.chat()), "the view and the download are each recorded");
        assertEquals(List.of("view", "export_json"), lastReads(maija.chat(), 2));
        assertEquals(logRows, accessRows(maija.chat()), "a resident's own read is not a professional's access-log row");
    }

    /** D6: the printable page escapes what the resident wrote, runs nothing and speaks the asked language. */
    @Test
    void htmlExportEscapesResidentText() {
        HttpResponse<String> res = ok(Residents.get(server, "/api/data-rights/export.html?lang=sv", maija.chatToken()));
        String html = res.body();
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(html.contains("Polveni &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;kipeä&quot; &lt;b&gt;yhä&lt;/b&gt;"), html);
        assertFalse(html.contains("<script") || html.contains("<b>yhä"), html);
        assertTrue(html.contains("<html lang=\"sv\"") && html.contains("Mina uppgifter") && html.contains("Vem har läst mina uppgifter"), html);
        assertTrue(html.contains(maija.bookingCode()) && !html.contains(oskari.bookingCode()));
        assertTrue(html.contains("default-src 'none'"), "the saved page carries its own policy");
        assertEquals("export_html", lastReads(maija.chat(), 1).getFirst());
    }

    // ---- the two people ----

    private Person person(String hetu, String given, String question, String slot) {
        String chat;
        String chatToken;
        String form;
        try (Resident r = Resident.start(server, "fi"); WsTestClient pro = admin.connect()) {
            r.say(question);
            pro.send(Frames.pro("claim", r.conversationId));
            pro.await("claimed");
            Residents.identify(server, provider, r.ws, hetu, given);
            pro.send(Frames.pro("reveal_identity", r.conversationId));
            pro.await("identity");
            // While the chat waits on, the resident leaves a call-back request from the same tab: it is theirs too.
            form = reference(Residents.contactRequest(server, r.resumeToken, given + " pyytää soittoa polvesta"));
            chat = r.conversationId;
            chatToken = r.resumeToken;
        }
        JsonNode asked = request();
        JsonNode booked = book(asked, slot);
        String appointmentToken = asked.path("resumeToken").asText();
        try (WsTestClient tab = WsTestClient.connect(server.ws("/ws/resident"))) {
            tab.send(Frames.resume(appointmentToken, 0));
            String appointment = tab.await("welcome").path("conversationId").asText();
            Residents.identify(server, provider, tab, hetu, given);
            return new Person(chat, chatToken, appointment, appointmentToken, booked.path("code").asText(), form);
        }
    }

    private static String reference(HttpResponse<String> submitted) {
        assertEquals(201, submitted.statusCode(), submitted.body());
        return Json.parseObject(submitted.body()).path("reference").asText();
    }

    private JsonNode request() {
        Api.Res res = Api.resident(server).post("/api/appointments/requests",
                Json.object().put("text", KNEE).put("language", "fi").put("type", "phone"));
        assertEquals(200, res.status(), res.raw());
        return res.body();
    }

    private JsonNode book(JsonNode request, String slot) {
        Api.Res res = Api.resident(server).post("/api/appointments/bookings", Json.object()
                .put("requestId", request.path("requestId").asText()).put("slotId", slot).set("contact",
                        Json.object().put("phone", "040 765 4321")));
        assertEquals(201, res.status(), res.raw());
        return res.body();
    }

    private static String slot(Api nurse, int days) {
        Api.Res res = nurse.post("/api/availability/slots", Json.object().put("queue", "health").put("type", "phone")
                .put("start", TODAY.plusDays(days) + "T1" + days + ":00").put("minutes", 20));
        assertEquals(201, res.status(), res.raw());
        return res.body().path("id").asText();
    }

    // ---- reading ----

    private ObjectNode view(String token) {
        return Json.parseObject(ok(Residents.get(server, "/api/data-rights/", token)).body());
    }

    private static HttpResponse<String> ok(HttpResponse<String> res) {
        assertEquals(200, res.statusCode(), res.body());
        return res;
    }

    private static Set<String> ids(JsonNode array) {
        return new TreeSet<>(texts(array, "conversationId"));
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    private static JsonNode conversation(JsonNode view, String id) {
        for (JsonNode c : view.path("conversations")) {
            if (id.equals(c.path("conversationId").asText())) {
                return c;
            }
        }
        throw new AssertionError(id + " not in " + view);
    }

    private static JsonNode entry(JsonNode log, String action) {
        for (JsonNode e : log.path("entries")) {
            if (action.equals(e.path("action").asText())) {
                return e;
            }
        }
        throw new AssertionError("no " + action + " in " + log);
    }

    private long reads(String conversationId) {
        return server.sql(em -> ((Number) em.createNativeQuery("select count(*) from conversation_event where conversation_id = ? "
                + "and type = 'data_rights_read'").setParameter(1, conversationId).getSingleResult()).longValue());
    }

    /** The details of the last {@code n} reads recorded on the conversation, oldest first. */
    @SuppressWarnings("unchecked")
    private List<String> lastReads(String conversationId, int n) {
        List<String> newestFirst = server.sql(em -> (List<String>) em.createNativeQuery("select detail from conversation_event "
                + "where conversation_id = ? and type = 'data_rights_read' order by at desc").setParameter(1, conversationId)
                .setMaxResults(n).getResultList());
        return newestFirst.reversed();
    }

    private long accessRows(String conversationId) {
        return server.sql(em -> ((Number) em.createNativeQuery("select count(*) from access_log where conversation_id = ?")
                .setParameter(1, conversationId).getSingleResult()).longValue());
    }

    private static String newKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }
}
