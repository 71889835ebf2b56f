package fi.ikkuna.cluster;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.support.Backend;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.TcpProxy;
import fi.ikkuna.support.TestServer;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * NATS lost and back: node B reaches the real NATS through a loopback proxy the test cuts. While cut, B's health is
 * 200 DEGRADED with check cluster DEGRADED; restored, B reconnects by itself (health UP) and the next publish on node
 * A reaches it by notice again within a second plus its compile time (B's poll is a minute).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("mariadb")
class ClusterNatsOutageTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private Backend backend;
    private TcpProxy proxy;
    private TestServer nodeA;
    private TestServer nodeB;

    @BeforeAll
    void start() {
        String nats = NatsRequired.url();
        proxy = new TcpProxy(URI.create(nats).getPort());
        backend = Backend.mariadb();
        nodeA = new TestServer(backend, Map.of("ikkuna.cluster.nats-url", nats, "ikkuna.cluster.node-id", "node-a",
                "ikkuna.cluster.rules-poll-ms", "60000"));
        nodeB = new TestServer(backend, Map.of("ikkuna.cluster.nats-url", "nats://127.0.0.1:" + proxy.port(),
                "ikkuna.cluster.node-id", "node-b", "ikkuna.cluster.rules-poll-ms", "60000"));
    }

    @AfterAll
    void stop() throws Exception {
        nodeA.close();
        nodeB.close();
        proxy.close();
        backend.close();
    }

    @Test
    void anOutageDegradesAndHealsByItself() throws Exception {
        Pro editor = Pro.login(nodeA, "saannot", "saannot-demo");
        Pro editorOnB = new Pro(nodeB, editor.cookie(), editor.csrf(), editor.id(), editor.name());
        waitForCluster(nodeB, "UP", 5_000);

        proxy.cut();
        ObjectNode down = waitForCluster(nodeB, "DEGRADED", 10_000);
        assertEquals("DEGRADED", down.path("status").asText(), "NATS away degrades, never DOWN: " + down);

        proxy.restore();
        waitForCluster(nodeB, "UP", 15_000);

        long compileStart = System.nanoTime();
        HttpResponse<String> rolled = Pro.post(nodeA.http("/api/workbench/versions/1/rollback"), "{\"comment\":\"after the outage\"}",
                Map.of("Cookie", editor.cookie(), "X-CSRF-Token", editor.csrf()));
        assertEquals(200, rolled.statusCode(), rolled.body());
        // Node A compiled the version for its rollback; B must compile it too before it serves it (a shared machine).
        long compileMs = (System.nanoTime() - compileStart) / 1_000_000;
        int version = Json.parseObject(rolled.body()).path("version").asInt();
        long until = System.currentTimeMillis() + 1_000 + compileMs;
        int onB = active(editorOnB);
        while (onB != version && System.currentTimeMillis() < until) {
            Thread.sleep(20);
            onB = active(editorOnB);
        }
        assertEquals(version, onB, "after reconnecting, node B no longer gets NATS's notices");
    }

    private static int active(Pro who) {
        return Json.parseObject(who.get("/api/workbench/versions").body()).path("active").asInt();
    }

    private static ObjectNode waitForCluster(TestServer node, String expected, long ms) throws Exception {
        long until = System.currentTimeMillis() + ms;
        ObjectNode h = health(node);
        while (!expected.equals(h.path("checks").path("cluster").asText()) && System.currentTimeMillis() < until) {
            Thread.sleep(50);
            h = health(node);
        }
        assertEquals(expected, h.path("checks").path("cluster").asText(), h.toString());
        return h;
    }

    private static ObjectNode health(TestServer node) throws Exception {
        HttpResponse<String> res = HTTP.send(HttpRequest.newBuilder(node.http("/observe/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(res.statusCode() == 200, res.statusCode() + " " + res.body());
        return Json.parseObject(res.body());
    }
}
