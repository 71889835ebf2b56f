package fi.ikkuna.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.support.Backend;
import fi.ikkuna.support.Frames;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.support.TestServer;
import fi.ikkuna.support.WsTestClient;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Claiming, queue isolation, lifecycle and the access log, per backend. */
public abstract class ClaimContract extends ServiceTest {
    private static final int RACE_ROUNDS = 200;

    @Override
    protected Map<String, String> config() {
        return TestServer.FAST_CLIENTS;
    }

    private Pro nurse;
    private Pro admin;

    @Override
    protected abstract Backend backend();

    @BeforeAll
    void signIn() {
        nurse = Pro.login(server, "hoitaja", "hoitaja-demo");
        admin = Pro.login(server, "admin", "admin-demo");
    }

    /** Q1: of two professionals claiming at once, exactly one wins and the other is told who took it. */
    @Test
    void claimRaceHasExactlyOneWinner() throws Exception {
        try (WsTestClient a = nurse.connect(); WsTestClient b = admin.connect();
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < RACE_ROUNDS; i++) {
                String id;
                try (Resident r = Resident.start(server, "fi")) {
                    r.say("Kysymys " + i);
                    id = r.conversationId;
                }
                CountDownLatch go = new CountDownLatch(1);
                var fa = pool.submit(() -> claimAfter(go, a, id));
                var fb = pool.submit(() -> claimAfter(go, b, id));
                go.countDown();
                fa.get();
                fb.get();
                ObjectNode ra = a.await(f -> id.equals(f.path("conversation").path("id").asText())
                        || "error".equals(f.path("type").asText()) && id.equals(f.path("ref").asText()), WsTestClient.WAIT);
                ObjectNode rb = b.await(f -> id.equals(f.path("conversation").path("id").asText())
                        || "error".equals(f.path("type").asText()) && id.equals(f.path("ref").asText()), WsTestClient.WAIT);
                int winners = (isClaimed(ra) ? 1 : 0) + (isClaimed(rb) ? 1 : 0);
                assertEquals(1, winners, "round " + i + ": " + ra + " / " + rb);
                ObjectNode loser = isClaimed(ra) ? rb : ra;
                ObjectNode winner = isClaimed(ra) ? ra : rb;
                assertEquals("already_claimed", loser.path("code").asText());
                String winnerName = winner == ra ? nurse.name() : admin.name();
                assertEquals(winnerName, loser.path("by").asText());
            }
        }
    }

    /** A1: claiming and opening each write an access-log entry an administrator can list both ways. */
    @Test
    void everyOpenIsLogged() {
        String id;
        try (Resident r = Resident.start(server, "fi"); WsTestClient pro = nurse.connect()) {
            r.say("Haluan kysyä rokotuksista");
            id = r.conversationId;
            // She takes it from her board, as the console does: the preview on it is an access too (A3).
            pro.await("queue_snapshot", s -> s.path("items").findValuesAsText("id").contains(id));
            pro.send(Frames.pro("claim", id));
            pro.await("claimed");
            pro.send(Frames.pro("open", id).put("purpose", "care"));
            pro.await("opened");
        }
        ArrayNode entries = entries("/api/audit/conversations/" + id);
        List<String> nurses = new java.util.ArrayList<>();
        entries.forEach(e -> {
            if (nurse.id().equals(e.path("professionalId").asText())) {
                nurses.add(e.path("action").asText());
            }
        });
        // Consoles of other tests may be open on the same boards: each of those professionals has a board_preview row too.
        assertEquals(List.of("board_preview", "claim", "open"), nurses, entries.toString());
        List<String> byNurse = entries("/api/audit/professionals/" + nurse.id()).findValuesAsText("conversationId");
        assertTrue(byNurse.contains(id));
    }

    /** A2: an ended conversation opens only with a stated purpose, and the purpose is logged. */
    @Test
    void closedConversationNeedsPurpose() {
        try (Resident r = Resident.start(server, "fi"); WsTestClient pro = nurse.connect()) {
            r.say("Kiitos avusta");
            pro.send(Frames.pro("claim", r.conversationId));
            pro.await("claimed");
            pro.send(Frames.pro("close", r.conversationId).put("outcome", "advice_given"));
            r.ws.await("state", s -> "closed".equals(s.path("state").asText()));
            pro.send(Frames.pro("open", r.conversationId));
            assertEquals("purpose_required", pro.await("error").path("code").asText());
            pro.send(Frames.pro("open", r.conversationId).put("purpose", "patient asked for a copy"));
            pro.await("opened");
            ArrayNode entries = entries("/api/audit/conversations/" + r.conversationId);
            assertEquals("patient asked for a copy", entries.get(entries.size() - 1).path("purpose").asText());
        }
    }

    /** Q2: a professional of other queues gets "not found", exactly as for a conversation that does not exist. */
    @Test
    void otherQueuesAreNotFound() {
        Pro social = Pro.login(server, "sosiaali", "sosiaali-demo");
        try (Resident r = Resident.start(server, "fi"); WsTestClient pro = social.connect()) {
            r.say("Yleinen kysymys");
            for (String type : List.of("claim", "open")) {
                pro.send(Frames.pro(type, r.conversationId).put("purpose", "care"));
                ObjectNode err = pro.await("error");
                assertEquals("not_found", err.path("code").asText());
                pro.send(Frames.pro(type, "00000000-0000-0000-0000-000000000000").put("purpose", "care"));
                assertEquals(err.path("message").asText(), pro.await("error").path("message").asText());
            }
            pro.send(Frames.pro("typing", r.conversationId));
            assertEquals("not_found", pro.await("error").path("code").asText());
            assertEquals(403, social.get("/api/audit/conversations/" + r.conversationId).statusCode());
        }
    }

    /** Q3: positions follow arrival within one urgency and move up when someone ahead is taken. */
    @Test
    void positionsUpdateLive() {
        try (Resident first = Resident.start(server, "fi"); Resident second = Resident.start(server, "fi");
             WsTestClient pro = nurse.connect()) {
            first.say("Ensin");
            second.say("Sitten");
            int p1 = first.ws.await("queue").path("position").asInt();
            int p2 = second.ws.await("queue", q -> q.path("position").asInt() > p1).path("position").asInt();
            pro.send(Frames.pro("claim", first.conversationId));
            pro.await("claimed");
            second.ws.await("queue", q -> q.path("position").asInt() == p2 - 1);
            ObjectNode state = first.ws.await("state", s -> "assigned".equals(s.path("state").asText()));
            assertEquals(nurse.name(), state.path("assignee").path("name").asText());
        }
    }

    /** S1: steps the lifecycle does not allow are refused with a clear error and change nothing. */
    @Test
    void illegalStepsAreRefused() {
        try (Resident r = Resident.start(server, "fi"); WsTestClient pro = nurse.connect()) {
            r.say("Jonossa");
            r.ws.send(Json.object().put("type", "faq_feedback").put("helpful", true));
            assertEquals("illegal_transition", r.ws.await("error").path("code").asText());
            pro.send(Frames.pro("release", r.conversationId));
            assertEquals("not_assignee", pro.await("error").path("code").asText());
            pro.send(Frames.pro("claim", r.conversationId));
            pro.await("claimed");
            pro.send(Frames.pro("transfer", r.conversationId).put("queue", "no-such-queue").put("reason", "x"));
            assertEquals("invalid_field", pro.await("error").path("code").asText());
            pro.send(Frames.pro("transfer", r.conversationId).put("queue", "dental").put("reason", "hammasasia"));
            r.ws.await("state", s -> "queued".equals(s.path("state").asText()) && "dental".equals(s.path("queue").asText()));
            r.ws.send(Json.object().put("type", "close"));
            r.ws.await("state", s -> "closed".equals(s.path("state").asText()));
            r.ws.send(Frames.message("after-close", "Vielä yksi"));
            assertEquals("conversation_closed", r.ws.await("error").path("code").asText());
        }
    }

    /**
     * Q4 (issue 13.6): a transfer out of a professional's queues revokes their live view at once: a
     * {@code revoked} frame, no further messages, no typing. A professional who serves the new queue keeps it.
     */
    @Test
    void transferRevokesWatchersOutsideTheNewQueue() {
        try (Resident r = Resident.start(server, "fi"); WsTestClient pro = nurse.connect(); WsTestClient boss = admin.connect()) {
            r.say("Aluksi");
            pro.send(Frames.pro("claim", r.conversationId));
            pro.await("claimed");
            boss.send(Frames.pro("open", r.conversationId).put("purpose", "supervision"));
            boss.await("opened");
            pro.send(Frames.pro("transfer", r.conversationId).put("queue", "mental-health").put("reason", "mielenterveysasia"));
            pro.await("revoked", f -> r.conversationId.equals(f.path("conversationId").asText()));
            r.say("Salainen jatkoviesti");
            boss.await("message", m -> "Salainen jatkoviesti".equals(m.path("text").asText()));
            assertTrue(pro.all("message").stream().noneMatch(m -> "Salainen jatkoviesti".equals(m.path("text").asText())),
                    "a professional outside the new queue still received the conversation");
            pro.send(Frames.pro("typing", r.conversationId));
            assertEquals("not_found", pro.await("error").path("code").asText());
        }
    }

    /** N1: internal notes reach professionals only; typing and receipts cross between the two sides. */
    @Test
    void notesStayInternalAndTypingCrosses() {
        try (Resident r = Resident.start(server, "fi"); WsTestClient pro = nurse.connect()) {
            r.say("Onko minulla jo aika?");
            pro.send(Frames.pro("claim", r.conversationId));
            pro.await("claimed");
            pro.send(Frames.pro("note", r.conversationId).put("clientMsgId", "n1").put("text", "Sisäinen: tarkista ajanvaraus"));
            long noteSeq = pro.await("ack", a -> "n1".equals(a.path("clientMsgId").asText())).path("seq").asLong();
            pro.await("message", m -> m.path("internal").asBoolean());
            pro.send(Frames.pro("message", r.conversationId).put("clientMsgId", "m1").put("text", "Tarkistan asian."));
            long replySeq = r.ws.await("message", m -> "professional".equals(m.path("author").asText())).path("seq").asLong();
            assertEquals(noteSeq + 1, replySeq);
            pro.send(Frames.pro("typing", r.conversationId));
            r.ws.await("typing", t -> "professional".equals(t.path("from").asText()));
            r.ws.send(Json.object().put("type", "typing"));
            pro.await("typing", t -> "resident".equals(t.path("from").asText()));
            r.ws.send(Json.object().put("type", "delivered").put("seq", replySeq));
            assertEquals(replySeq, pro.await("receipt").path("seq").asLong());
            assertTrue(r.ws.all("message").stream().noneMatch(m -> m.path("text").asText().contains("Sisäinen")),
                    "an internal note reached the resident");
            try (WsTestClient again = WsTestClient.connect(server.ws("/ws/resident"))) {
                again.send(Frames.resume(r.resumeToken, 0));
                again.await("welcome");
                again.await("message", m -> m.path("seq").asLong() == replySeq);
                assertTrue(again.all("message").stream().noneMatch(m -> m.path("internal").asBoolean()), "replay leaked a note");
            }
        }
    }

    /**
     * Q5 (issue 13.6): a non-assignee writes a note only on a conversation open on her connection (the open is the
     * logged read); a clientMsgId belongs to its author: replaying another professional's id is refused, not acked
     * as a resend of her message (which lost the second message while acking it).
     */
    @Test
    void notesNeedAnOpenConversationAndClientIdsBelongToTheirAuthor() {
        try (Resident r = Resident.start(server, "fi"); WsTestClient pro = nurse.connect(); WsTestClient boss = admin.connect()) {
            r.say("Tarvitsen apua reseptin kanssa");
            pro.send(Frames.pro("claim", r.conversationId));
            pro.await("claimed");
            pro.send(Frames.pro("message", r.conversationId).put("clientMsgId", "q5-reply").put("text", "Autan mielelläni."));
            pro.await("ack", a -> "q5-reply".equals(a.path("clientMsgId").asText()));

            boss.send(Frames.pro("note", r.conversationId).put("clientMsgId", "q5-blind").put("text", "Merkintä lukematta"));
            assertEquals("not_found", boss.await("error").path("code").asText());
            boss.send(Frames.pro("open", r.conversationId).put("purpose", "supervision"));
            ObjectNode opened = boss.await("opened");
            assertTrue(opened.toString().contains("Autan mielelläni.") && !opened.toString().contains("Merkintä lukematta"),
                    "the refused note was stored: " + opened);

            boss.send(Frames.pro("note", r.conversationId).put("clientMsgId", "q5-reply").put("text", "Toinen viesti samalla tunnisteella"));
            ObjectNode refused = boss.await("error", e -> "clientMsgId".equals(e.path("field").asText()));
            assertEquals("invalid_field", refused.path("code").asText());
            assertTrue(boss.all("ack").stream().noneMatch(a -> "q5-reply".equals(a.path("clientMsgId").asText())),
                    "another professional's clientMsgId was acked as a resend");

            boss.send(Frames.pro("note", r.conversationId).put("clientMsgId", "q5-note").put("text", "Valvojan huomio"));
            boss.await("ack", a -> "q5-note".equals(a.path("clientMsgId").asText()));
            pro.send(Frames.pro("message", r.conversationId).put("clientMsgId", "q5-reply").put("text", "Autan mielelläni."));
            pro.await("ack", a -> "q5-reply".equals(a.path("clientMsgId").asText()) && a.path("seq").asLong() > 0);
        }
    }

    private static void claimAfter(CountDownLatch go, WsTestClient c, String id) {
        try {
            go.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        c.send(Frames.pro("claim", id).put("ref", id));
    }

    private static boolean isClaimed(ObjectNode f) {
        return "claimed".equals(f.path("type").asText());
    }

    private ArrayNode entries(String path) {
        var res = admin.get(path);
        assertEquals(200, res.statusCode(), res.body());
        return (ArrayNode) Json.parseObject(res.body()).path("entries");
    }
}
