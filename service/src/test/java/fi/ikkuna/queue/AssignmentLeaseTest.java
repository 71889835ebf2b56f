package fi.ikkuna.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.support.Frames;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.support.TestServer;
import fi.ikkuna.support.WsTestClient;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14.1, the assignment lease over real WebSockets. The grace is 2 s here (120 s in production); every wait is
 * for a frame, bounded by {@link WsTestClient#WAIT}, never a sleep. The core rules route everything to "general",
 * which the nurse and the rescue adviser both serve.
 */
class AssignmentLeaseTest extends ServiceTest {
    private Pro nurse;
    private Pro adviser;
    private Pro admin;

    @Override
    protected Map<String, String> config() {
        Map<String, String> c = new HashMap<>(TestServer.FAST_CLIENTS);
        c.put("ikkuna.queue.assignee-grace", "PT2S");
        c.put("ikkuna.queue.lease-sweep-ms", "100");
        return c;
    }

    @BeforeAll
    void signIn() {
        nurse = Pro.login(server, "hoitaja", "hoitaja-demo");
        adviser = Pro.login(server, "pelastus", "pelastus-demo");
        admin = Pro.login(server, "admin", "admin-demo");
    }

    /** The nurse closes her browser: after the grace the conversation is first in the queue again, and everyone is told. */
    @Test
    void aClosedConsoleReturnsTheConversationToTheTopOfItsQueue() {
        try (Resident earlier = Resident.start(server, "fi"); Resident taken = Resident.start(server, "fi");
             WsTestClient colleague = adviser.connect()) {
            earlier.say("Kysyn ensin");
            taken.say("Kysyn toisena");
            WsTestClient console = nurse.connect();
            console.send(Frames.pro("claim", taken.conversationId));
            console.await("claimed");
            taken.ws.await("state", s -> "assigned".equals(s.path("state").asText()));
            console.closeNormally();

            ObjectNode back = taken.ws.await("state", s -> "lease_expired".equals(s.path("event").asText()));
            assertEquals("queued", back.path("state").asText(), back.toString());
            assertTrue(back.path("assignee").isMissingNode(), "nobody is answering now: " + back);
            // The board after the return (an earlier snapshot may show it queued before the claim).
            ObjectNode board = colleague.await("queue_snapshot", s -> {
                for (JsonNode i : s.path("items")) {
                    if (taken.conversationId.equals(i.path("id").asText()) && "lease_expired".equals(i.path("returned").asText())) {
                        return true;
                    }
                }
                return false;
            });
            List<String> order = board.path("items").findValuesAsText("id");
            assertTrue(order.indexOf(taken.conversationId) < order.indexOf(earlier.conversationId),
                    "back before the contact that arrived earlier: " + board);
            JsonNode item = board.path("items").get(order.indexOf(taken.conversationId));
            assertEquals("lease_expired", item.path("returned").asText(), "the board's badge: " + board);

            JsonNode log = Json.parseObject(admin.get("/api/audit/conversations/" + taken.conversationId).body()).path("entries");
            // Back on the boards, colleagues' consoles log its preview (board_preview) from now on: the return is the last other row.
            List<JsonNode> rows = new java.util.ArrayList<>();
            log.forEach(e -> {
                if (!"board_preview".equals(e.path("action").asText())) {
                    rows.add(e);
                }
            });
            JsonNode last = rows.get(rows.size() - 1);
            assertEquals("lease_expired", last.path("action").asText(), log.toString());
            assertEquals(nurse.id(), last.path("professionalId").asText());

            // A reload after the return still says why it waits again, and names nobody.
            try (WsTestClient again = WsTestClient.connect(server.ws("/ws/resident"))) {
                again.send(Frames.resume(taken.resumeToken, 0));
                ObjectNode welcome = again.await("welcome");
                assertEquals("queued", welcome.path("state").asText());
                assertEquals("lease_expired", welcome.path("returned").asText(), welcome.toString());
                assertTrue(welcome.path("assignee").isMissingNode());
            }
            // Taking it again ends the mark.
            colleague.send(Frames.pro("claim", taken.conversationId));
            assertTrue(colleague.await("claimed").path("conversation").path("returned").isNull());
            colleague.closeNormally(); // an aborted socket stays "online" until the heartbeat timeout
        }
    }

    /**
     * A reload or a short drop within the grace keeps the conversation. Witnesses instead of a sleep: two later drops
     * by the adviser whose conversations do return; the sweep is one thread, so once the second is back, the round
     * that would have returned the nurse's (her drop came first) is over.
     */
    @Test
    void aConsoleBackWithinTheGraceKeepsItsConversation() {
        try (Resident kept = Resident.start(server, "fi")) {
            kept.say("Jatketaan tätä");
            WsTestClient first = nurse.connect();
            first.send(Frames.pro("claim", kept.conversationId));
            first.await("claimed");
            first.closeNormally();
            try (WsTestClient back = nurse.connect()) {
                witnessReturn();
                witnessReturn();
                assertFalse(kept.ws.all("state").stream().anyMatch(s -> "queued".equals(s.path("state").asText())
                        && "lease_expired".equals(s.path("event").asText())), kept.ws.all("state").toString());
                back.send(Frames.pro("open", kept.conversationId));
                assertEquals("assigned", back.await("opened").path("conversation").path("state").asText());
                back.closeNormally();
            }
        }
    }

    private void witnessReturn() {
        try (Resident witness = Resident.start(server, "fi")) {
            witness.say("Todistaja");
            WsTestClient c = adviser.connect();
            c.send(Frames.pro("claim", witness.conversationId));
            c.await("claimed");
            c.closeNormally();
            witness.ws.await("state", s -> "lease_expired".equals(s.path("event").asText()));
        }
    }

    /** Signing out with "hand back" returns her conversations at once, without waiting for the grace. */
    @Test
    void signingOutHandsBackAtOnce() {
        try (Resident r = Resident.start(server, "fi"); WsTestClient console = nurse.connect()) {
            r.say("Ehditkö vastata?");
            console.send(Frames.pro("claim", r.conversationId));
            console.await("claimed");
            console.send(Json.object().put("type", "hand_back"));
            assertTrue(console.await("handed_back").path("count").asInt() >= 1);
            ObjectNode back = r.ws.await("state", s -> "handed_back".equals(s.path("event").asText()));
            assertEquals("queued", back.path("state").asText());
            ObjectNode seen = console.await("state", s -> "handed_back".equals(s.path("event").asText()));
            assertTrue(seen.path("assigneeId").isNull(), "her console knows the conversation is no longer hers: " + seen);
            List<String> actions = Json.parseObject(admin.get("/api/audit/conversations/" + r.conversationId).body())
                    .path("entries").findValuesAsText("action");
            assertEquals(List.of("claim", "handed_back"), actions.stream().filter(a -> !"board_preview".equals(a)).toList(), actions.toString());
            console.closeNormally();
        }
    }
}
