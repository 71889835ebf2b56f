package fi.ikkuna.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.support.Backend;
import fi.ikkuna.support.Frames;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.TestServer;
import fi.ikkuna.support.WsTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 17, cross-node delivery: two service nodes on one MariaDB and the real NATS at 127.0.0.1:4222 (.ci/run starts
 * it). Residents on node A, professionals on node B: claims, replies and messages cross both ways live, queue
 * positions on A follow a claim made on B, and two professionals on different nodes racing for one conversation get
 * exactly one claim. Fails, never skips, when NATS is not there.
 */
@Tag("mariadb")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterFanOutTest {
    private Backend db;
    private TestServer a;
    private TestServer b;

    @BeforeAll
    void twoNodes() throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 4222), 2000);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("NATS is required at 127.0.0.1:4222 for the cluster tests (see .ci/run)", e);
        }
        Map<String, String> cluster = new HashMap<>();
        cluster.put("ikkuna.cluster.nats-url", "nats://127.0.0.1:4222");
        // One subject per test run: another cluster on the same NATS (a parallel build) never mixes in.
        cluster.put("ikkuna.cluster.subject", "ikkuna.test." + UUID.randomUUID());
        db = Backend.mariadb();
        a = new TestServer(db, cluster);
        b = new TestServer(db, cluster);
        // A node starts before its first NATS connection is made (docs/cluster.md); both must be on it before traffic.
        for (TestServer node : List.of(a, b)) {
            long until = System.currentTimeMillis() + 15_000;
            while (!clusterUp(node) && System.currentTimeMillis() < until) {
                Thread.sleep(50);
            }
            assertTrue(clusterUp(node), "node not connected to NATS");
        }
    }

    private static boolean clusterUp(TestServer node) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(node.http("/observe/health")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return "UP".equals(fi.ikkuna.web.Json.parseObject(r.body()).path("checks").path("cluster").asText());
    }

    @AfterAll
    void stop() throws Exception {
        b.close();
        a.close();
        db.close();
    }

    @Test
    void residentsOnOneNodeAndProfessionalsOnTheOtherSeeEachOtherLive() {
        Pro nurse = Pro.login(b, "hoitaja", "hoitaja-demo");
        try (Resident first = Resident.start(a, "fi"); Resident second = Resident.start(a, "fi"); WsTestClient pro = nurse.connect()) {
            first.say("Kurkku on ollut kipeä viikon, haluaisin että hoitaja katsoo");
            second.say("Minullakin on kysyttävää kurkkukivusta, voisiko hoitaja soittaa");
            int p1 = first.ws.await("queue").path("position").asInt();
            int p2 = second.ws.await("queue", q -> q.path("position").asInt() > p1).path("position").asInt();
            pro.send(Frames.pro("claim", first.conversationId));
            pro.await("claimed");
            ObjectNode state = first.ws.await("state", s -> "assigned".equals(s.path("state").asText()));
            assertEquals(nurse.name(), state.path("assignee").path("name").asText(), "the claim on B reached the resident on A");
            second.ws.await("queue", q -> q.path("position").asInt() == p2 - 1);
            pro.send(Frames.pro("message", first.conversationId).put("clientMsgId", "b1").put("text", "Hei, katsotaan yhdessä."));
            first.ws.await("message", m -> "Hei, katsotaan yhdessä.".equals(m.path("text").asText()));
            first.say("Kiitos, kuumetta ei ole");
            pro.await("message", m -> "Kiitos, kuumetta ei ole".equals(m.path("text").asText()));
        }
    }

    @Test
    void aClaimRaceAcrossNodesHasOneWinner() {
        Pro onA = Pro.login(a, "hoitaja", "hoitaja-demo");
        Pro onB = Pro.login(b, "hoitaja2", "hoitaja2-demo");
        try (WsTestClient x = onA.connect(); WsTestClient y = onB.connect()) {
            for (int round = 0; round < 20; round++) {
                try (Resident r = Resident.start(round % 2 == 0 ? a : b, "fi")) {
                    r.say("Yskä on jatkunut kaksi viikkoa, haluan ajan (" + round + ")");
                    r.ws.await("queue");
                    x.send(Frames.pro("claim", r.conversationId));
                    y.send(Frames.pro("claim", r.conversationId));
                    String id = r.conversationId;
                    boolean xWon = awaitOutcome(x, id);
                    boolean yWon = awaitOutcome(y, id);
                    assertTrue(xWon ^ yWon, "round " + round + ": exactly one claim wins (A " + xWon + ", B " + yWon + ")");
                }
            }
        }
    }

    /** True when this client's claim of {@code id} won, false when it was told it lost. */
    private static boolean awaitOutcome(WsTestClient c, String id) {
        ObjectNode f = c.await(m -> ("claimed".equals(m.path("type").asText()) && id.equals(m.path("conversation").path("id").asText()))
                || ("error".equals(m.path("type").asText()) && List.of("already_claimed", "illegal_transition")
                .contains(m.path("code").asText()) && id.equals(m.path("conversationId").asText(id))), java.time.Duration.ofSeconds(10));
        return "claimed".equals(f.path("type").asText());
    }
}
