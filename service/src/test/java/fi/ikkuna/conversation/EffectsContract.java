package fi.ikkuna.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.support.Backend;
import fi.ikkuna.support.Frames;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.support.WsTestClient;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * E2 (docs/delivery.md): for every {@code do*} a client can trigger, a fresh {@code welcome} and a fresh {@code opened}
 * after it equal the ones before plus exactly the frames it emitted through the after-commit seam. A client that
 * applies the live frames therefore sees what a reload would show, and a frame that forgets a changed field fails here.
 */
public abstract class EffectsContract extends ServiceTest {
    private static final Set<String> NURSE_QUEUES = Set.of("health", "prescriptions", "dental", "general");
    private static final Set<String> ALL = Set.of("health", "prescriptions", "dental", "mental-health", "substance-use",
            "child-family", "social", "elderly", "disability", "rescue", "general");
    private Pro nurse;
    private Pro admin;
    private Snapshots.Recorder recorder;

    @Override
    protected abstract Backend backend();

    @Override
    protected Map<String, String> config() {
        return Map.of("ikkuna.ws.rate-per-second", "10000", "ikkuna.ws.rate-burst", "10000");
    }

    @BeforeAll
    void wire() {
        nurse = Pro.login(server, "hoitaja", "hoitaja-demo");
        admin = Pro.login(server, "admin", "admin-demo");
        recorder = Snapshots.Recorder.install(server);
    }

    @Test
    void firstResidentMessage() {
        try (Resident r = Resident.start(server, "fi")) {
            // Not yet routed: no console may open it, so only the resident's side exists before.
            List<Snapshots.Emitted> fx = checkResidentOnly(r, () -> r.say("Haluaisin kysyä rokotusajasta"));
            assertTrue(fx.stream().anyMatch(e -> "queue".equals(e.kind())), "the new queue's board was not refreshed: " + fx);
        }
    }

    @Test
    void residentMessageWhileQueued() {
        try (Resident r = queued()) {
            check(r, () -> r.say("Vielä yksi tarkennus"));
        }
    }

    @Test
    void residentResendEmitsNothing() {
        try (Resident r = queued()) {
            r.ws.send(Frames.message("same-id", "Kerran"));
            r.ws.await("ack", a -> "same-id".equals(a.path("clientMsgId").asText()));
            List<Snapshots.Emitted> fx = check(r, () -> {
                r.ws.send(Frames.message("same-id", "Kerran"));
                assertTrue(r.ws.await("ack", a -> a.path("duplicate").asBoolean()).path("duplicate").asBoolean());
            });
            assertEquals(List.of(), fx.stream().filter(e -> e.conversationId() != null).toList());
        }
    }

    @Test
    void claim() {
        try (Resident r = queued(); WsTestClient pro = nurse.connect()) {
            check(r, () -> {
                pro.send(Frames.pro("claim", r.conversationId));
                pro.await("claimed");
            });
        }
    }

    @Test
    void reply() {
        try (Resident r = queued(); WsTestClient pro = claimed(r)) {
            check(r, () -> act(pro, Frames.pro("message", r.conversationId).put("clientMsgId", "p1").put("text", "Hei, autan"),
                    "ack"));
        }
    }

    @Test
    void note() {
        try (Resident r = queued(); WsTestClient pro = claimed(r)) {
            List<Snapshots.Emitted> fx = check(r, () -> act(pro,
                    Frames.pro("note", r.conversationId).put("clientMsgId", "n1").put("text", "Sisäinen huomio"), "ack"));
            assertTrue(fx.stream().noneMatch(e -> "residents".equals(e.kind())), "a note reached residents: " + fx);
        }
    }

    @Test
    void transferOutOfTheNursesQueues() {
        try (Resident r = queued(); WsTestClient pro = claimed(r)) {
            String from = Snapshots.professional(admin, r.conversationId).path("queue").asText();
            List<Snapshots.Emitted> fx = check(r, () -> act(pro, Frames.pro("transfer", r.conversationId)
                    .put("queue", "mental-health").put("reason", "mielenterveysasia"), null));
            assertTrue(has(fx, "revoke", "mental-health"), "revoke: " + fx);
            assertTrue(has(fx, "queue", from), "old board: " + fx);
            assertTrue(has(fx, "queue", "mental-health"), "new board: " + fx);
        }
    }

    @Test
    void release() {
        try (Resident r = queued(); WsTestClient pro = claimed(r)) {
            check(r, () -> act(pro, Frames.pro("release", r.conversationId), null));
        }
    }

    @Test
    void closeByProfessional() {
        try (Resident r = queued(); WsTestClient pro = claimed(r)) {
            check(r, () -> act(pro, Frames.pro("close", r.conversationId).put("outcome", "advice_given"), null));
        }
    }

    @Test
    void handBack() {
        try (Resident r = queued(); WsTestClient pro = claimed(r)) {
            check(r, () -> act(pro, Json.object().put("type", "hand_back"), "handed_back"));
        }
    }

    @Test
    void correctUrgency() {
        try (Resident r = Resident.start(server, "fi")) {
            r.say("Rintaa puristaa kovasti ja hikoiluttaa, en tiedä mitä tehdä");
            r.ws.await("state", s -> "emergency".equals(s.path("urgency").asText()));
            try (WsTestClient pro = claimed(r)) {
                check(r, () -> act(pro, Frames.pro("correct_urgency", r.conversationId).put("urgency", "urgent")
                        .put("reason", "Lihasperäistä"), null));
            }
        }
    }

    @Test
    void faqNotHelpful() {
        try (Resident r = selfServed()) {
            check(r, () -> act(r.ws, Json.object().put("type", "faq_feedback").put("helpful", false), null));
        }
    }

    @Test
    void faqHelpful() {
        try (Resident r = selfServed()) {
            check(r, () -> act(r.ws, Json.object().put("type", "faq_feedback").put("helpful", true), null));
        }
    }

    @Test
    void closeByResident() {
        try (Resident r = queued()) {
            check(r, () -> act(r.ws, Json.object().put("type", "close"), null));
        }
    }

    /** Snapshots on both sides (nurse and admin consoles), the action, the frames it emitted, snapshots again. */
    private List<Snapshots.Emitted> check(Resident r, Runnable action) {
        ObjectNode resident = Snapshots.resident(server, r.resumeToken);
        ObjectNode byNurse = Snapshots.professional(nurse, r.conversationId);
        ObjectNode byAdmin = Snapshots.professional(admin, r.conversationId);
        recorder.take(r.conversationId);
        action.run();
        List<Snapshots.Emitted> fx = recorder.take(r.conversationId);
        assertEquals(Snapshots.applyResident(resident, fx), Snapshots.resident(server, r.resumeToken), "resident; emitted " + fx);
        assertEquals(Snapshots.applyProfessional(byNurse, fx, NURSE_QUEUES), Snapshots.professional(nurse, r.conversationId),
                "nurse; emitted " + fx);
        assertEquals(Snapshots.applyProfessional(byAdmin, fx, ALL), Snapshots.professional(admin, r.conversationId),
                "admin; emitted " + fx);
        return fx;
    }

    private List<Snapshots.Emitted> checkResidentOnly(Resident r, Runnable action) {
        ObjectNode resident = Snapshots.resident(server, r.resumeToken);
        recorder.take(r.conversationId);
        action.run();
        List<Snapshots.Emitted> fx = recorder.take(r.conversationId);
        assertEquals(Snapshots.applyResident(resident, fx), Snapshots.resident(server, r.resumeToken), "resident; emitted " + fx);
        return fx;
    }

    private static boolean has(List<Snapshots.Emitted> fx, String kind, String queueId) {
        return fx.stream().anyMatch(e -> kind.equals(e.kind()) && queueId.equals(e.queueId()));
    }

    /** Sends the action and waits for its answer, then until everything it emitted has been flushed. */
    private static void act(WsTestClient ws, ObjectNode frame, String answer) {
        ws.send(frame);
        if (answer != null) {
            ws.await(answer);
        }
        Snapshots.settle(ws);
    }

    private Resident queued() {
        Resident r = Resident.start(server, "fi");
        r.say("Minulla on kysymys terveyskeskuksen ajanvarauksesta");
        r.ws.await("state", s -> "queued".equals(s.path("state").asText()));
        return r;
    }

    private Resident selfServed() {
        Resident r = Resident.start(server, "fi");
        r.say("Miten uusin reseptin?");
        r.ws.await("state", s -> "self_served".equals(s.path("state").asText()));
        return r;
    }

    private WsTestClient claimed(Resident r) {
        WsTestClient pro = nurse.connect();
        pro.send(Frames.pro("claim", r.conversationId));
        pro.await("claimed");
        return pro;
    }
}
