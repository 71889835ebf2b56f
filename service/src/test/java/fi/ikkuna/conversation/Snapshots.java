package fi.ikkuna.conversation;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.persistence.EventSink;
import fi.ikkuna.support.Frames;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.TestServer;
import fi.ikkuna.support.WsTestClient;
import fi.ikkuna.web.Json;

/**
 * For {@link EffectsContract}: what a fresh {@code welcome} (resident) and {@code opened} (professional) show of a
 * conversation, a recorder of what committed changes emit, and the client-side model that folds those frames into the
 * old snapshot. A frame type the model does not know fails the test: a new frame must say what it changes.
 */
final class Snapshots {
    private static final Set<String> RETURNED = Set.of("lease_expired", "handed_back");

    private Snapshots() {
    }

    /** One recorded effect: a frame to one side, a revocation or a queue change. */
    record Emitted(String kind, String conversationId, String queueId, ObjectNode frame) {
    }

    /** Wraps the service's sink: everything still reaches the connections, and a copy is kept. */
    static final class Recorder implements EventSink {
        private final EventSink next;
        private final List<Emitted> seen = Collections.synchronizedList(new ArrayList<>());

        Recorder(EventSink next) {
            this.next = next;
        }

        static Recorder install(TestServer server) {
            Recorder r = new Recorder(server.database().events());
            server.database().deliverTo(r);
            return r;
        }

        /** What was emitted for this conversation since the last call (queue changes for any queue), in order. */
        List<Emitted> take(String conversationId) {
            synchronized (seen) {
                List<Emitted> mine = seen.stream()
                        .filter(e -> e.conversationId() == null || e.conversationId().equals(conversationId)).toList();
                seen.clear();
                return mine;
            }
        }

        @Override
        public void toResidents(String conversationId, Object frame) {
            seen.add(new Emitted("residents", conversationId, null, copy(frame)));
            next.toResidents(conversationId, frame);
        }

        @Override
        public void toProfessionals(String conversationId, Object frame) {
            seen.add(new Emitted("professionals", conversationId, null, copy(frame)));
            next.toProfessionals(conversationId, frame);
        }

        @Override
        public void revokeOutside(String conversationId, String queueId) {
            seen.add(new Emitted("revoke", conversationId, queueId, null));
            next.revokeOutside(conversationId, queueId);
        }

        @Override
        public void queueChanged(String queueId) {
            seen.add(new Emitted("queue", null, queueId, null));
            next.queueChanged(queueId);
        }

        /** As a client receives it: through the wire format (a long seq and an int seq are the same number there). */
        private static ObjectNode copy(Object frame) {
            return Json.parseObject(Json.write(frame));
        }
    }

    /** A fresh resident tab resuming from seq 0: the welcome's state fields and every message it replays. */
    static ObjectNode resident(TestServer server, String resumeToken) {
        try (WsTestClient ws = WsTestClient.connect(server.ws("/ws/resident"))) {
            ws.send(Frames.resume(resumeToken, 0));
            ObjectNode welcome = ws.await("welcome");
            settle(ws);
            ObjectNode s = Json.object();
            s.put("state", welcome.path("state").asText());
            s.set("assignee", welcome.get("assignee"));
            s.set("returned", welcome.get("returned"));
            s.set("safety", welcome.get("safety"));
            // Not lastSeq: internal notes advance it without a frame to residents, by design (docs/delivery.md, D3).
            ArrayNode messages = s.putArray("messages");
            ws.all("message").forEach(messages::add);
            return s;
        }
    }

    /** A fresh console opening the conversation: its state fields and every message, or the error it gets. */
    static ObjectNode professional(Pro pro, String conversationId) {
        try (WsTestClient ws = pro.connect()) {
            ws.send(Frames.pro("open", conversationId).put("purpose", "care"));
            ObjectNode answer = ws.await(f -> "opened".equals(f.path("type").asText())
                    || "error".equals(f.path("type").asText()), WsTestClient.WAIT);
            if ("error".equals(answer.path("type").asText())) {
                return Json.object().put("error", answer.path("code").asText());
            }
            JsonNode c = answer.path("conversation");
            ObjectNode s = Json.object();
            for (String field : List.of("state", "urgency", "queue", "assigneeId", "lastSeq", "returned", "deadline")) {
                s.set(field, c.get(field));
            }
            s.set("messages", answer.path("messages"));
            return s;
        }
    }

    /** Every frame sent before this one has been handled, and whatever its do* emitted has been flushed. */
    static void settle(WsTestClient ws) {
        ws.send(Json.object().put("type", "ping"));
        ws.await("pong");
    }

    /** Compared as JSON text says it: a number is a number, whatever node type built it. */
    private static ObjectNode wire(ObjectNode o) {
        return Json.parseObject(Json.write(o));
    }

    /** The resident's old snapshot plus what reached residents. */
    static ObjectNode applyResident(ObjectNode before, List<Emitted> emitted) {
        ObjectNode s = before.deepCopy();
        for (Emitted e : emitted) {
            if (!"residents".equals(e.kind())) {
                continue;
            }
            ObjectNode f = e.frame();
            switch (f.path("type").asText()) {
                case "message" -> ((ArrayNode) s.get("messages")).add(f);
                case "state" -> {
                    s.put("state", f.path("state").asText());
                    s.set("assignee", f.get("assignee"));
                    String event = f.path("event").asText();
                    s.set("returned", RETURNED.contains(event) ? f.get("event") : "queued".equals(f.path("state").asText())
                            ? s.get("returned") : null);
                    if (!"emergency".equals(f.path("urgency").asText())) {
                        s.set("safety", null); // the welcome repeats the instruction only while it is an emergency
                    }
                }
                case "triage" -> {
                    if ("emergency".equals(f.path("urgency").asText())) {
                        s.set("safety", f.get("safety"));
                    }
                }
                default -> fail("The model does not know what a resident's '" + f.path("type").asText() + "' changes: " + f);
            }
        }
        return wire(s);
    }

    /** A console's old snapshot plus what reached professionals; revoked when it moved out of {@code servedQueues}. */
    static ObjectNode applyProfessional(ObjectNode before, List<Emitted> emitted, Set<String> servedQueues) {
        ObjectNode s = before.deepCopy();
        for (Emitted e : emitted) {
            if ("revoke".equals(e.kind()) && !servedQueues.contains(e.queueId())) {
                return Json.object().put("error", "not_found");
            }
            if (!"professionals".equals(e.kind())) {
                continue;
            }
            ObjectNode f = e.frame();
            switch (f.path("type").asText()) {
                case "message" -> {
                    ((ArrayNode) s.get("messages")).add(f);
                    s.put("lastSeq", f.path("seq").asLong());
                }
                case "state" -> {
                    for (String field : List.of("state", "urgency", "queue", "assigneeId", "deadline")) {
                        s.set(field, f.get(field));
                    }
                    if (RETURNED.contains(f.path("event").asText())) {
                        s.set("returned", f.get("event"));
                    }
                }
                default -> fail("The model does not know what a console's '" + f.path("type").asText() + "' changes: " + f);
            }
        }
        return wire(s);
    }
}
