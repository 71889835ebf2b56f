package fi.ikkuna.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.Test;

/**
 * The conversation core with the county's real rule content: safety guidance, FAQ answers with
 * "did this help?", and escalation of a waiting contact, all through the resident protocol.
 */
class TriageFlowTest extends ServiceTest {

    @Test
    void emergencyShowsGuidanceAtOnceAndQueuesFirst() {
        try (Resident r = Resident.start(server, "fi")) {
            r.say("Isälläni on kova puristava rintakipu ja hän hikoilee");
            ObjectNode triage = r.ws.await("triage");
            assertEquals("emergency", triage.path("urgency").asText());
            assertFalse(triage.path("answered").asBoolean(), "an FAQ answer must never hide an emergency");
            assertTrue(triage.path("safety").size() > 0);
            String instruction = triage.path("safety").get(0).path("instruction").asText();
            assertTrue(instruction.contains("112"), instruction);
            ObjectNode bot = r.ws.await("message", m -> "bot".equals(m.path("author").asText()));
            assertTrue(bot.path("text").asText().contains("112"));
            ObjectNode state = r.ws.await("state", s -> "queued".equals(s.path("state").asText()));
            assertEquals("emergency", state.path("urgency").asText());
        }
    }

    @Test
    void faqAnswerThenNotHelpfulGoesToAPerson() {
        try (Resident r = Resident.start(server, "fi")) {
            r.say("Miten uusin reseptin?");
            ObjectNode triage = r.ws.await("triage");
            assertTrue(triage.path("answered").asBoolean(), triage.toString());
            assertEquals("fi-reseptin-uusiminen", triage.path("faq").get(0).path("id").asText());
            r.ws.await("state", s -> "self_served".equals(s.path("state").asText()));
            r.ws.send(Json.object().put("type", "faq_feedback").put("helpful", false));
            r.ws.await("state", s -> "queued".equals(s.path("state").asText()));
            assertTrue(r.ws.await("queue").path("position").asInt() >= 1);
        }
    }

    @Test
    void helpfulAnswerEndsTheConversation() {
        try (Resident r = Resident.start(server, "fi")) {
            r.say("Miten uusin reseptin?");
            r.ws.await("state", s -> "self_served".equals(s.path("state").asText()));
            r.ws.send(Json.object().put("type", "faq_feedback").put("helpful", true));
            r.ws.await("state", s -> "closed".equals(s.path("state").asText()));
        }
    }

    @Test
    void redFlagWhileWaitingEscalates() {
        try (Resident r = Resident.start(server, "fi")) {
            r.say("Haluaisin keskustella sosiaalityöntekijän kanssa toimeentulotuesta");
            if (r.ws.await("triage").path("answered").asBoolean()) {
                r.ws.send(Json.object().put("type", "faq_feedback").put("helpful", false));
            }
            ObjectNode first = r.ws.await("state", s -> "queued".equals(s.path("state").asText()));
            assertFalse("emergency".equals(first.path("urgency").asText()));
            r.say("Nyt en saa henkeä ja huulet sinertää");
            ObjectNode triage = r.ws.await("triage");
            assertEquals("emergency", triage.path("urgency").asText());
            r.ws.await("state", s -> "emergency".equals(s.path("urgency").asText()));
        }
    }

    /**
     * A waiting conversation's follow-up runs only the safety screen: the escalation shows the guidance and no FAQ
     * suggestions, even for a text the whole pipeline would also match to an FAQ entry.
     */
    @Test
    void escalationWhileWaitingShowsOnlyTheGuidance() {
        String followUp = "En saa henkeä ja huulet sinertää. Miten uusin reseptin?";
        fi.ikkuna.triage.TriageOutcome whole = fi.ikkuna.triage.TestRules.pipeline().triage(new fi.ikkuna.triage.Contact(
                followUp, "fi", fi.ikkuna.triage.Channel.CHAT, null, null, null));
        assertFalse(whole.faq().isEmpty(), "precondition: the whole pipeline suggests FAQ entries for this text");
        try (Resident r = Resident.start(server, "fi")) {
            r.say("Haluaisin keskustella sosiaalityöntekijän kanssa toimeentulotuesta");
            if (r.ws.await("triage").path("answered").asBoolean()) {
                r.ws.send(Json.object().put("type", "faq_feedback").put("helpful", false));
            }
            r.ws.await("state", s -> "queued".equals(s.path("state").asText()));
            r.say(followUp);
            ObjectNode triage = r.ws.await("triage");
            assertEquals("emergency", triage.path("urgency").asText());
            assertFalse(triage.path("safety").isEmpty(), triage.toString());
            assertTrue(triage.path("faq").isEmpty(), "only the safety screen ran: " + triage);
        }
    }
}
