package fi.ikkuna.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.support.Frames;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.support.WsTestClient;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.Test;

/**
 * Issue 12.3: a professional's pick of the FAQ entry that answers a resident's question becomes a proposed variant
 * that a rules editor accepts into a draft; once published, the FAQ finds that entry for the question. Only the
 * assignee picks, an existing entry in the conversation's language; a refused pick stores nothing; the proposal
 * reaches the editor de-identified.
 */
class FaqProposalTest extends ServiceTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PLAIN = "Isä tarvii apua kaupassa käyntiin ja siivoukseen";
    private static final String QUESTION = PLAIN + ", soita Matti Virtaselle 040 123 4567";

    @Test
    void aPickBecomesAVariantThatFindsTheEntry() {
        assertNotEquals("fi-kotihoito", topFaq(PLAIN), "the question must start with another entry on top");
        Pro social = Pro.login(server, "sosiaali", "sosiaali-demo");
        Pro nurse = Pro.login(server, "hoitaja", "hoitaja-demo");
        Pro editor = Pro.login(server, "saannot", "saannot-demo");
        String conversation;
        try (Resident r = Resident.start(server, "fi"); WsTestClient pro = social.connect()) {
            r.say(QUESTION);
            r.ws.await("state", st -> "queued".equals(st.path("state").asText()));
            conversation = r.conversationId;
            String path = "/api/faq-picks/conversations/" + conversation;
            assertEquals("not_assignee", error(send(social, path, "{\"faqId\":\"fi-kotihoito\"}")), "not taken yet: no pick");
            pro.send(Frames.pro("claim", conversation));
            pro.await("claimed");
            assertEquals("not_assignee", error(send(nurse, path, "{\"faqId\":\"fi-kotihoito\"}")));
            assertEquals("invalid_field", error(send(social, path, "{\"faqId\":\"fi-no-such-entry\"}")));
            assertEquals("invalid_field", error(send(social, path, "{\"faqId\":\"en-booking\"}")), "an entry in another language");
            for (JsonNode k : proposals(editor)) {
                assertNotEquals(conversation, k.path("conversationId").asText(), "a refused pick stores nothing");
            }
            JsonNode entries = Json.parseObject(social.get("/api/faq-picks/entries?lang=fi").body()).path("entries");
            assertTrue(entries.toString().contains("\"fi-kotihoito\""), "the picker lists the language's entries");
            assertFalse(entries.toString().contains("\"en-booking\""));
            ObjectNode first = Json.parseObject(send(social, path, "{\"faqId\":\"fi-kotihoito\"}").body());
            assertTrue(first.path("new").asBoolean());
            assertFalse(Json.parseObject(send(social, path, "{\"faqId\":\"fi-kotihoito\"}").body()).path("new").asBoolean(), "once");
        }
        assertEquals(403, editorOnly(nurse), "proposals are for rules editors");
        JsonNode p = null;
        for (JsonNode k : proposals(editor)) {
            if (conversation.equals(k.path("conversationId").asText())) {
                assertTrue(p == null, "one proposal per pick");
                p = k;
            }
        }
        assertTrue(p != null, "the pick is not proposed");
        assertEquals("fi-kotihoito", p.path("faqId").asText());
        for (String personal : new String[] {"Matti", "Virtaselle", "123 4567"}) {
            assertFalse(p.path("text").asText().contains(personal), "de-identified: " + p);
        }
        assertTrue(p.path("text").asText().contains("kaupassa käyntiin"), p.toString());

        HttpResponse<String> created = send(editor, "/api/workbench/drafts", "{}");
        assertEquals(201, created.statusCode(), created.body());
        String draft = Json.parseObject(created.body()).path("id").asText();
        String accept = "/api/workbench/faq-proposals/" + p.path("eventId").asText() + "/accept/" + draft;
        assertEquals(200, send(editor, accept, "{}").statusCode());
        assertEquals(200, send(editor, accept, "{}").statusCode(), "accepting twice adds it once");
        String file = Json.parseObject(editor.get("/api/workbench/drafts/" + draft).body()).path("files")
                .path(AcceptedVariants.FILE).asText();
        assertEquals(1, file.split("entry: fi-kotihoito", -1).length - 1, file);
        HttpResponse<String> published = send(editor, "/api/workbench/drafts/" + draft + "/publish", "{\"comment\":\"variant\"}");
        assertEquals(200, published.statusCode(), published.body());
        assertEquals("fi-kotihoito", topFaq(PLAIN), "the accepted variant finds its entry");
    }

    /**
     * "Did this help? → no" with nobody picking an entry is a proposal too: it names the entry that answered wrongly,
     * and the editor chooses the right one (required, existing, same language) when accepting.
     */
    @Test
    void aNoWithoutAPickIsAProposalTheEditorCompletes() {
        Pro editor = Pro.login(server, "saannot", "saannot-demo");
        String text = "Miten varaan ajan terveysasemalle?";
        String conversation;
        try (Resident r = Resident.start(server, "fi")) {
            r.say(text);
            JsonNode triage = r.ws.await("triage");
            assertTrue(triage.path("answered").asBoolean(), "the FAQ answers the booking question: " + triage);
            r.ws.send(Json.object().put("type", "faq_feedback").put("helpful", false));
            r.ws.await("state", st -> "queued".equals(st.path("state").asText()));
            conversation = r.conversationId;
        }
        JsonNode p = null;
        for (JsonNode k : proposals(editor)) {
            if (conversation.equals(k.path("conversationId").asText())) {
                p = k;
            }
        }
        assertTrue(p != null, "the 'no' is not proposed");
        assertTrue(p.path("notHelpful").asBoolean());
        assertTrue(p.path("faqId").isNull(), p.toString());
        assertEquals("fi-ajanvaraus", p.path("shownFaqId").asText(), p.toString());
        String draft = Json.parseObject(send(editor, "/api/workbench/drafts", "{}").body()).path("id").asText();
        String accept = "/api/workbench/faq-proposals/" + p.path("eventId").asText() + "/accept/" + draft;
        assertEquals("missing_field", error(send(editor, accept, "{}")));
        assertEquals("invalid_field", error(send(editor, accept, "{\"faqId\":\"en-booking\"}")));
        assertEquals("invalid_field", error(send(editor, accept, "{\"faqId\":\"fi-no-such\"}")));
        assertFalse(Json.parseObject(editor.get("/api/workbench/drafts/" + draft).body()).path("files").has(AcceptedVariants.FILE),
                "a refused accept writes nothing");
        assertEquals(200, send(editor, accept, "{\"faqId\":\"fi-sahkoinen-asiointi\"}").statusCode());
        String file = Json.parseObject(editor.get("/api/workbench/drafts/" + draft).body()).path("files")
                .path(AcceptedVariants.FILE).asText();
        assertTrue(file.contains("entry: fi-sahkoinen-asiointi") && file.contains(text), file);
    }

    private String topFaq(String text) {
        ObjectNode r = Json.parseObject(Pro.post(server.http("/api/triage/simulate"),
                Json.write(Json.object().put("text", text).put("language", "fi").put("channel", "chat")), Map.of()).body());
        return r.path("faq").path(0).path("id").asText();
    }

    private JsonNode proposals(Pro editor) {
        return Json.parseObject(editor.get("/api/workbench/faq-proposals/").body()).path("proposals");
    }

    private int editorOnly(Pro who) {
        return who.get("/api/workbench/faq-proposals/").statusCode();
    }

    private static String error(HttpResponse<String> res) {
        return Json.parseObject(res.body()).path("error").path("code").asText();
    }

    private HttpResponse<String> send(Pro who, String path, String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(server.http(path)).header("Cookie", who.cookie())
                    .header("Content-Type", "application/json").header("X-CSRF-Token", who.csrf())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
