package fi.ikkuna.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.ikkuna.triage.api.SimulateService;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ServerTest
class SimulateServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Http1Client client;

    SimulateServiceTest(Http1Client client) {
        this.client = client;
    }

    @SetUpRoute
    static void route(HttpRouting.Builder b) {
        b.register("/api/triage", new SimulateService(TestRules.pipeline()));
    }

    private JsonNode post(String body, Status expected) throws Exception {
        try (Http1ClientResponse r = client.post("/api/triage/simulate").header(io.helidon.http.HeaderValues.CONTENT_TYPE_JSON)
                .submit(body)) {
            String text = r.as(String.class);
            assertEquals(expected, r.status(), text);
            return JSON.readTree(text);
        }
    }

    @Test
    void emergencyWithInstructionAndNoAnswer() throws Exception {
        JsonNode o = post("""
                {"text": "Isällä on kova puristava kipu rinnassa", "language": "fi", "channel": "chat", "age": 70,
                 "at": "2026-11-23T09:15:00+02:00"}""", Status.OK_200);
        assertEquals("emergency", o.get("urgency").asText());
        assertEquals("health", o.get("service").asText());
        assertFalse(o.get("answered").asBoolean());
        assertEquals("chest-pain", o.get("safety").get(0).get("rule").asText());
        assertTrue(o.get("safety").get(0).get("instruction").asText().contains("112"));
        assertEquals("2026-11-23T09:15+02:00", o.get("deadline").asText());
        assertTrue(o.get("explanation").size() > 0);
    }

    @Test
    void faqQuestionIsAnsweredWithRankedSuggestions() throws Exception {
        JsonNode o = post("""
                {"text": "Miten uusin reseptin Omakannassa?", "language": "fi", "channel": "chat",
                 "at": "2026-11-23T09:15:00+02:00"}""", Status.OK_200);
        assertEquals("self_care", o.get("urgency").asText());
        assertTrue(o.get("answered").asBoolean(), o.toString());
        assertTrue(o.get("deadline").isNull());
        JsonNode faq = o.get("faq");
        assertTrue(faq.size() >= 1 && faq.size() <= 5);
        for (int i = 1; i < faq.size(); i++) {
            assertTrue(faq.get(i - 1).get("score").asDouble() >= faq.get(i).get("score").asDouble());
        }
        assertTrue(faq.get(0).get("question").asText().length() > 5);
    }

    @Test
    void missingTextIs400WithField() throws Exception {
        JsonNode e = post("{\"language\": \"fi\", \"channel\": \"chat\"}", Status.BAD_REQUEST_400).get("error");
        assertEquals("required", e.get("code").asText());
        assertEquals("text", e.get("field").asText());
    }

    @Test
    void badLanguageChannelAgeAndAtAre400() throws Exception {
        assertEquals("language", post("{\"text\": \"x\", \"language\": \"de\"}", Status.BAD_REQUEST_400).get("error").get("field").asText());
        assertEquals("channel", post("{\"text\": \"x\", \"language\": \"fi\", \"channel\": \"fax\"}", Status.BAD_REQUEST_400).get("error").get("field").asText());
        assertEquals("age", post("{\"text\": \"x\", \"language\": \"fi\", \"age\": -3}", Status.BAD_REQUEST_400).get("error").get("field").asText());
        assertEquals("at", post("{\"text\": \"x\", \"language\": \"fi\", \"at\": \"tomorrow\"}", Status.BAD_REQUEST_400).get("error").get("field").asText());
    }

    @Test
    void invalidJsonIs400() throws Exception {
        JsonNode e = post("{not json", Status.BAD_REQUEST_400).get("error");
        assertEquals("invalid_json", e.get("code").asText());
        assertTrue(e.has("field"));
    }
}
