package fi.ikkuna.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.support.Backend;
import fi.ikkuna.support.Frames;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.support.TestServer;
import fi.ikkuna.support.WsTestClient;
import org.junit.jupiter.api.Test;

/**
 * Delivery guarantees of docs/delivery.md, through the public WebSocket protocol. Run once per backend
 * by the subclasses (embedded default and MariaDB).
 */
public abstract class DeliveryContract extends ServiceTest {

    @Override
    protected Map<String, String> config() {
        return TestServer.FAST_CLIENTS;
    }

    @Override
    protected abstract Backend backend();

    /** D1: the ack comes after commit and carries the sequence number another connection then reads back. */
    @Test
    void ackCarriesCommittedSequence() {
        try (Resident r = Resident.start(server, "fi")) {
            ObjectNode ack = r.say("Hei, kysyisin laskusta");
            assertEquals(1, ack.path("seq").asLong());
            try (WsTestClient other = WsTestClient.connect(server.ws("/ws/resident"))) {
                other.send(Frames.resume(r.resumeToken, 0));
                ObjectNode m = other.await("message", f -> f.path("seq").asLong() == 1);
                assertEquals("Hei, kysyisin laskusta", m.path("text").asText());
                assertEquals("resident", m.path("author").asText());
            }
        }
    }

    /** D2: a resend with the same client id is acked with the first sequence number and stored once. */
    @Test
    void sequentialResendIsStoredOnce() {
        try (Resident r = Resident.start(server, "fi")) {
            r.ws.send(Frames.message("same-1", "Ensimmäinen"));
            ObjectNode first = r.ws.await("ack", a -> a.path("clientMsgId").asText().equals("same-1"));
            r.ws.send(Frames.message("same-1", "Ensimmäinen"));
            ObjectNode second = r.ws.await("ack", a -> a.path("clientMsgId").asText().equals("same-1"));
            assertEquals(first.path("seq").asLong(), second.path("seq").asLong());
            assertFalse(first.path("duplicate").asBoolean());
            assertTrue(second.path("duplicate").asBoolean());
            assertEquals(1, residentMessages(r.resumeToken).size());
        }
    }

    /** D2: the same client id sent at once from two connections of one conversation still makes one message. */
    @Test
    void concurrentResendIsStoredOnce() throws Exception {
        try (Resident r = Resident.start(server, "fi");
             WsTestClient second = WsTestClient.connect(server.ws("/ws/resident"));
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            second.send(Frames.resume(r.resumeToken, 0));
            second.await("welcome");
            int rounds = 25;
            for (int i = 0; i < rounds; i++) {
                String id = "race-" + i;
                CountDownLatch go = new CountDownLatch(1);
                Future<?> a = pool.submit(() -> sendAfter(go, r.ws, id));
                Future<?> b = pool.submit(() -> sendAfter(go, second, id));
                go.countDown();
                a.get();
                b.get();
                long s1 = r.ws.await("ack", f -> f.path("clientMsgId").asText().equals(id)).path("seq").asLong();
                long s2 = second.await("ack", f -> f.path("clientMsgId").asText().equals(id)).path("seq").asLong();
                assertEquals(s1, s2, "both senders must be acked with the same sequence for " + id);
            }
            List<ObjectNode> stored = residentMessages(r.resumeToken);
            assertEquals(rounds, stored.size());
            assertEquals(rounds, stored.stream().map(m -> m.path("clientMsgId").asText()).distinct().count());
        }
    }

    /** D3: a reconnecting resident receives exactly the messages committed while away, in order. */
    @Test
    void resumeDeliversExactlyTheMissedMessages() {
        Pro nurse = Pro.login(server, "hoitaja", "hoitaja-demo");
        try (WsTestClient pro = nurse.connect()) {
            String token;
            String conversationId;
            long lastSeen;
            try (Resident r = Resident.start(server, "fi")) {
                token = r.resumeToken;
                conversationId = r.conversationId;
                lastSeen = r.say("Tarvitsen apua").path("seq").asLong();
                r.ws.abort();
            }
            pro.send(Frames.pro("claim", conversationId));
            pro.await("claimed");
            List<Long> sent = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                pro.send(Frames.pro("message", conversationId).put("clientMsgId", "p" + i).put("text", "Vastaus " + i));
                sent.add(pro.await("ack", a -> a.path("clientMsgId").asText().startsWith("p")).path("seq").asLong());
            }
            try (WsTestClient back = WsTestClient.connect(server.ws("/ws/resident"))) {
                back.send(Frames.resume(token, lastSeen));
                ObjectNode welcome = back.await("welcome");
                assertEquals(conversationId, welcome.path("conversationId").asText());
                List<Long> got = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    got.add(back.await("message").path("seq").asLong());
                }
                assertEquals(sent, got);
                assertEquals(3, back.all("message").size(), "nothing before lastSeq may be replayed");
            }
        }
    }

    /** D4: a restart loses no acknowledged message, queued conversation or assignment. */
    @Test
    void restartLosesNothingAcknowledged() {
        Pro nurse = Pro.login(server, "hoitaja", "hoitaja-demo");
        String assignedToken;
        String queuedToken;
        List<Long> acked = new ArrayList<>();
        try (Resident assigned = Resident.start(server, "fi"); Resident queued = Resident.start(server, "sv");
             WsTestClient pro = nurse.connect()) {
            for (int i = 0; i < 5; i++) {
                acked.add(assigned.say("Viesti " + i).path("seq").asLong());
            }
            queued.say("Jag väntar i kön");
            pro.send(Frames.pro("claim", assigned.conversationId));
            pro.await("claimed");
            pro.send(Frames.pro("message", assigned.conversationId).put("clientMsgId", "before-restart").put("text", "Hei!"));
            acked.add(pro.await("ack").path("seq").asLong());
            assignedToken = assigned.resumeToken;
            queuedToken = queued.resumeToken;
        }
        int positionBefore;
        try (WsTestClient probe = WsTestClient.connect(server.ws("/ws/resident"))) {
            probe.send(Frames.resume(queuedToken, 0));
            positionBefore = probe.await("queue").path("position").asInt();
        }
        server.restart();
        try (WsTestClient back = WsTestClient.connect(server.ws("/ws/resident"));
             WsTestClient waiting = WsTestClient.connect(server.ws("/ws/resident"))) {
            back.send(Frames.resume(assignedToken, 0));
            assertEquals("assigned", back.await("welcome").path("state").asText());
            List<Long> seqs = new ArrayList<>();
            for (int i = 0; i < acked.size(); i++) {
                seqs.add(back.await("message").path("seq").asLong());
            }
            assertTrue(seqs.containsAll(acked), "acked " + acked + " but after restart got " + seqs);
            waiting.send(Frames.resume(queuedToken, 0));
            assertEquals("queued", waiting.await("welcome").path("state").asText());
            assertEquals(positionBefore, waiting.await("queue").path("position").asInt());
        }
    }

    private static void sendAfter(CountDownLatch go, WsTestClient c, String id) {
        try {
            go.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        c.send(Frames.message(id, "sama viesti " + id));
    }

    private List<ObjectNode> residentMessages(String token) {
        try (WsTestClient c = WsTestClient.connect(server.ws("/ws/resident"))) {
            c.send(Frames.resume(token, 0));
            long last = c.await("welcome").path("lastSeq").asLong();
            List<ObjectNode> all = new ArrayList<>();
            for (long i = 0; i < last; i++) {
                all.add(c.await("message"));
            }
            return all.stream().filter(m -> m.path("author").asText().equals("resident")).toList();
        }
    }
}
