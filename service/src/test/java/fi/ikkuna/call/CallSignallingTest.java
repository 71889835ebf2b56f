package fi.ikkuna.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.form.Api;
import fi.ikkuna.support.Frames;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.support.WsTestClient;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 at the protocol level: only a video booking's resident and its professional share a call, the service
 * relays their WebRTC signalling and nothing else, a dropped resident takes the place back with the seat key, and
 * joining and ending are recorded (docs/appointments.md "Video call", docs/protocol.md "Video call frames").
 */
class CallSignallingTest extends ServiceTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");
    private static final String KNEE = "Haluaisin etävastaanottoajan lääkärille, polvi on ollut kipeä jo kuukauden";
    /** Each test books its own slot of the nurse's, so their times never overlap. */
    private static final AtomicInteger NEXT_SLOT = new AtomicInteger();
    private Pro nursePro;
    private Api nurse;
    private Api admin;

    @Override
    protected Map<String, String> config() {
        // A short heartbeat: a dropped TCP peer sends no close, the heartbeat timeout notices it.
        return Map.of("ikkuna.call.join-early", "PT12H", "ikkuna.call.ice-servers", "[{\"urls\":\"stun:stun.example.fi:3478\"}]",
                "ikkuna.ws.heartbeat-interval-seconds", "1", "ikkuna.ws.heartbeat-timeout-seconds", "3");
    }

    @BeforeAll
    void signIn() {
        nursePro = Pro.login(server, "hoitaja", "hoitaja-demo");
        nurse = Api.as(nursePro);
        admin = Api.as(Pro.login(server, "admin", "admin-demo"));
    }

    record Booked(String token, String conversationId) {
    }

    /** A video appointment of the nurse's a few hours ahead: its call is open (join-early is 12 h here). */
    private Booked videoBooking(int hoursAhead) {
        LocalDateTime start = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.HOURS).plusHours(hoursAhead)
                .plusMinutes(20L * NEXT_SLOT.getAndIncrement());
        Api.Res slot = nurse.post("/api/availability/slots", Json.object().put("queue", "health").put("type", "video")
                .put("start", start.toString()).put("minutes", 20));
        assertEquals(201, slot.status(), slot.raw());
        Api resident = Api.resident(server);
        Api.Res req = resident.post("/api/appointments/requests", Json.object().put("text", KNEE).put("language", "fi").put("type", "video"));
        assertEquals(200, req.status(), req.raw());
        Api.Res booked = resident.post("/api/appointments/bookings", Json.object()
                .put("requestId", req.body().path("requestId").asText()).put("slotId", slot.body().path("id").asText()));
        assertEquals(201, booked.status(), booked.raw());
        String token = booked.body().path("token").asText();
        String conversationId = nurse.get("/api/appointments/day?date=" + start.toLocalDate()).body().path("appointments")
                .findParents("bookingCode").stream().filter(a -> booked.body().path("code").asText().equals(a.path("bookingCode").asText()))
                .findFirst().orElseThrow().path("conversationId").asText();
        return new Booked(token, conversationId);
    }

    private WsTestClient residentByLink(String token) {
        WsTestClient ws = WsTestClient.connect(server.ws("/ws/resident"));
        ws.send(Json.object().put("type", "hello").put("v", 1).put("lang", "fi").put("bookingToken", token));
        ws.await("welcome");
        return ws;
    }

    private static ObjectNode join(String seat) {
        ObjectNode f = Json.object().put("type", "call_join");
        return seat == null ? f : f.put("seat", seat);
    }

    private static ObjectNode signal(String conversationId, long epoch, ObjectNode signal) {
        ObjectNode f = Json.object().put("type", "call_signal").put("epoch", epoch);
        if (conversationId != null) {
            f.put("conversationId", conversationId);
        }
        f.set("signal", signal);
        return f;
    }

    private static ObjectNode callState(WsTestClient ws, String state) {
        return ws.await("call_state", f -> state.equals(f.path("state").asText()));
    }

    private static String error(WsTestClient ws) {
        return ws.await("error").path("code").asText();
    }

    /** C1: the booking's resident (by its link) and its professional meet; offer, answer and ICE are relayed as checked. */
    @Test
    void residentAndProfessionalExchangeSignals() {
        Booked b = videoBooking(2);
        try (WsTestClient resident = residentByLink(b.token()); WsTestClient pro = nursePro.connect()) {
            resident.send(join(null));
            ObjectNode waiting = callState(resident, "waiting");
            assertEquals(KNEE, resident.await("message").path("text").asText(), "the call's place opens the booking's conversation");
            assertFalse(waiting.path("peer").asBoolean());
            assertFalse(waiting.path("offerer").asBoolean());
            assertEquals("Hanna Virtanen", waiting.path("professional").path("name").asText(), waiting.toString());
            assertEquals("stun:stun.example.fi:3478", waiting.path("iceServers").get(0).path("urls").asText());
            assertFalse(waiting.path("seat").asText().isEmpty());

            pro.send(Frames.pro("call_join", b.conversationId()));
            ObjectNode proReady = callState(pro, "ready");
            assertTrue(proReady.path("offerer").asBoolean());
            ObjectNode resReady = callState(resident, "ready");
            long epoch = proReady.path("epoch").asLong();
            assertEquals(epoch, resReady.path("epoch").asLong());
            assertFalse(resReady.path("startedAt").isNull());

            ObjectNode offer = Json.object().put("kind", "offer").put("sdp", "v=0 offer").put("extra", "dropped");
            pro.send(signal(b.conversationId(), epoch, offer));
            ObjectNode got = resident.await("call_signal");
            assertEquals("offer", got.path("signal").path("kind").asText());
            assertEquals("v=0 offer", got.path("signal").path("sdp").asText());
            assertFalse(got.path("signal").has("extra"), "only known fields are relayed: " + got);
            assertEquals(epoch, got.path("epoch").asLong());

            resident.send(signal(null, epoch, Json.object().put("kind", "answer").put("sdp", "v=0 answer")));
            assertEquals("v=0 answer", pro.await("call_signal").path("signal").path("sdp").asText());
            ObjectNode ice = Json.object().put("kind", "ice");
            ice.putArray("candidates").addObject().put("candidate", "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host")
                    .put("sdpMid", "0").put("sdpMLineIndex", 0);
            resident.send(signal(null, epoch, ice));
            JsonNode relayed = pro.await("call_signal", f -> "ice".equals(f.path("signal").path("kind").asText())).path("signal");
            assertEquals("0", relayed.path("candidates").get(0).path("sdpMid").asText());

            // A malformed signal is refused and reaches nobody.
            resident.send(signal(null, epoch, Json.object().put("kind", "bye")));
            assertEquals("invalid_field", error(resident));
            pro.send(signal(b.conversationId(), epoch, Json.object().put("kind", "offer").put("sdp", "x".repeat(20001))));
            assertEquals("invalid_field", error(pro));
            // A last good signal behind them: once it arrives, anything the refused ones had relayed would have too.
            pro.send(signal(b.conversationId(), epoch, ice));
            resident.await("call_signal", f -> "ice".equals(f.path("signal").path("kind").asText()));
            assertEquals(2, resident.all("call_signal").size(), "the refused signals reached nobody");
        }
    }

    /** C2: nobody else gets in: another professional, a professional of other queues, another resident, a second link holder. */
    @Test
    void thirdPartiesAreRefused() {
        Booked b = videoBooking(3);
        Booked other = videoBooking(4);
        try (WsTestClient resident = residentByLink(b.token()); WsTestClient pro = nursePro.connect()) {
            resident.send(join(null));
            callState(resident, "waiting");
            pro.send(Frames.pro("call_join", b.conversationId()));
            callState(pro, "ready");

            try (WsTestClient colleague = Pro.login(server, "hoitaja2", "hoitaja2-demo").connect()) {
                colleague.send(Frames.pro("call_join", b.conversationId()));
                assertEquals("call_forbidden", error(colleague), "same queue, not her appointment");
                colleague.send(signal(b.conversationId(), 1, Json.object().put("kind", "offer").put("sdp", "v=0")));
                assertEquals("call_not_joined", error(colleague));
            }
            try (WsTestClient rescue = Pro.login(server, "pelastus", "pelastus-demo").connect()) {
                rescue.send(Frames.pro("call_join", b.conversationId()));
                assertEquals("not_found", error(rescue), "outside her queues it does not exist for her");
            }
            try (Resident stranger = Resident.start(server, "fi")) {
                stranger.ws.send(join(null));
                assertEquals("not_found", error(stranger.ws), "her own conversation has no video appointment");
            }
            try (WsTestClient linkHolder = residentByLink(b.token())) {
                linkHolder.send(join(null));
                assertEquals("call_seat_taken", error(linkHolder), "a second browser with the link is refused");
                linkHolder.send(join("guessed-seat"));
                assertEquals("call_seat_taken", error(linkHolder));
                // Nor does it get the appointment's chat: no replay, no live messages, no posting.
                linkHolder.send(Frames.message("lh-1", "I am the resident"));
                assertEquals("call_not_joined", error(linkHolder));
                resident.send(Frames.message("r-1", "Kuuluuko ääni?"));
                resident.await("ack");
                pro.send(Frames.pro("open", b.conversationId()));
                pro.await("opened");
                pro.send(Frames.message("p-1", "Kuuluu hyvin").put("conversationId", b.conversationId()));
                resident.await("message", m -> "Kuuluu hyvin".equals(m.path("text").asText()));
                linkHolder.send(Json.object().put("type", "ping"));
                linkHolder.await("pong");
                assertTrue(linkHolder.all("message").isEmpty(), linkHolder.all("message").toString());
            }
            try (WsTestClient otherResident = residentByLink(other.token())) {
                otherResident.send(signal(null, 1, Json.object().put("kind", "offer").put("sdp", "v=0")));
                assertEquals("call_not_joined", error(otherResident));
            }
            assertTrue(resident.all("call_signal").isEmpty() && pro.all("call_signal").isEmpty(), "nothing was relayed");
            assertTrue(resident.all("call_state").stream().noneMatch(f -> "ended".equals(f.path("state").asText())));
        }
        WsTestClient unknown = WsTestClient.connect(server.ws("/ws/resident"));
        unknown.send(Json.object().put("type", "hello").put("v", 1).put("bookingToken", "no-such-booking-token-aaaaaaaaaa"));
        assertEquals("resume_failed", error(unknown));
        unknown.close();
    }

    /** C3: a dropped resident comes back with the seat key and the call starts a new epoch; others still cannot. */
    @Test
    void droppedResidentRejoinsWithTheSeat() {
        Booked b = videoBooking(5);
        try (WsTestClient pro = nursePro.connect()) {
            WsTestClient first = residentByLink(b.token());
            first.send(join(null));
            String seat = callState(first, "waiting").path("seat").asText();
            pro.send(Frames.pro("call_join", b.conversationId()));
            long epoch = callState(pro, "ready").path("epoch").asLong();

            // A dead network: no close arrives; the heartbeat timeout notices and the professional waits.
            first.abort();
            assertFalse(callState(pro, "waiting").path("peer").asBoolean());

            try (WsTestClient stranger = residentByLink(b.token())) {
                stranger.send(join(null));
                assertEquals("call_seat_taken", error(stranger), "the place is kept for the dropped resident (seat-grace)");
            }
            WsTestClient again = residentByLink(b.token());
            again.send(join(seat));
            ObjectNode back = callState(again, "ready");
            assertEquals(seat, back.path("seat").asText());
            assertEquals(epoch + 1, back.path("epoch").asLong());
            assertEquals(epoch + 1, callState(pro, "ready").path("epoch").asLong(), "the professional offers afresh");
            // A socket that closes is noticed at once: the professional waits, the call is not ended.
            again.closeNormally();
            assertFalse(callState(pro, "waiting").path("peer").asBoolean());
            assertTrue(pro.all("call_state").stream().noneMatch(f -> "ended".equals(f.path("state").asText())));
        }
    }

    /** C4: the professional's join and end are in the access log, both ends in the conversation's events; no content. */
    @Test
    void joinAndEndAreRecorded() {
        Booked b = videoBooking(6);
        try (WsTestClient resident = residentByLink(b.token()); WsTestClient pro = nursePro.connect()) {
            resident.send(join(null));
            callState(resident, "waiting");
            pro.send(Frames.pro("call_join", b.conversationId()));
            callState(resident, "ready");
            pro.send(Frames.pro("call_end", b.conversationId()));
            ObjectNode ended = callState(resident, "ended");
            assertEquals("ended_by_professional", ended.path("reason").asText());
            assertEquals("ended_by_professional", callState(pro, "ended").path("reason").asText());
            pro.send(signal(b.conversationId(), 1, Json.object().put("kind", "offer").put("sdp", "v=0")));
            assertEquals("call_not_joined", error(pro), "an ended call relays nothing");
        }
        List<String> actions = admin.get("/api/audit/conversations/" + b.conversationId()).body().path("entries")
                .findValuesAsText("action");
        assertTrue(actions.contains("call_join") && actions.contains("call_end"), actions.toString());
        List<String> events = server.sql(em -> em.createQuery("select e.type from ConversationEvent e where e.conversationId = :c",
                String.class).setParameter("c", b.conversationId()).getResultList());
        assertEquals(2, events.stream().filter("call_joined"::equals).count(), events.toString());
        assertEquals(1, events.stream().filter("call_ended"::equals).count(), events.toString());
    }

    /** C5: a call opens only join-early before its appointment; the link's hello replays nothing written before that. */
    @Test
    void callOpensOnlyAtItsTime() {
        Booked later = videoBooking(24 * 3);
        try (WsTestClient resident = residentByLink(later.token()); WsTestClient pro = nursePro.connect()) {
            resident.send(join(null));
            ObjectNode refused = resident.await("error");
            assertEquals("call_not_open", refused.path("code").asText());
            assertFalse(refused.path("opensAt").asText().isEmpty(), refused.toString());
            pro.send(Frames.pro("call_join", later.conversationId()));
            assertEquals("call_not_open", error(pro));
            // Before the call's place nothing of the conversation is sent (replays would precede the error).
            assertTrue(resident.all("message").isEmpty(), resident.all("message").toString());
        }
    }
}
