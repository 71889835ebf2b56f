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
import fi.ikkuna.support.TestServer;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Three nodes on one MariaDB: A and B on the real NATS, C with its broker away. A rule version published through
 * the workbench on node A is served by node B within a second plus what compiling the version costs B (B's poll is a
 * minute, so only NATS's notice can do it), and by node C through its poll alone, whose health is then DEGRADED with check cluster, never DOWN.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("mariadb")
class ClusterRulesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String QUESTION = "Missä on hyvinvointialueen klusterikahvio?";
    static final String FAQ = """
            entries:
              - id: fi-klusterikahvio
                lang: fi
                service: general
                question: "Missä on hyvinvointialueen klusterikahvio?"
                variants: ["klusterikahvion sijainti"]
                answer: "Klusterikahvio on pääaulassa."
            """;

    private Backend backend;
    private TestServer nodeA;
    private TestServer nodeB;
    private TestServer nodeC;

    @BeforeAll
    void start() {
        String nats = NatsRequired.url();
        backend = Backend.mariadb();
        nodeA = new TestServer(backend, Map.of("ikkuna.cluster.nats-url", nats, "ikkuna.cluster.node-id", "node-a",
                "ikkuna.cluster.rules-poll-ms", "60000"));
        nodeB = new TestServer(backend, Map.of("ikkuna.cluster.nats-url", nats, "ikkuna.cluster.node-id", "node-b",
                "ikkuna.cluster.rules-poll-ms", "60000"));
        nodeC = new TestServer(backend, Map.of("ikkuna.cluster.nats-url", NatsRequired.nowhere(), "ikkuna.cluster.node-id", "node-c",
                "ikkuna.cluster.rules-poll-ms", "500", "ikkuna.cluster.connect-timeout-ms", "200"));
    }

    @AfterAll
    void stop() throws Exception {
        nodeA.close();
        nodeB.close();
        nodeC.close();
        backend.close();
    }

    @Test
    void aPublishOnOneNodeIsServedByTheOthers() throws Exception {
        assertEquals("UP", health(nodeA).path("checks").path("cluster").asText(), health(nodeA).toString());
        Pro editor = Pro.login(nodeA, "saannot", "saannot-demo");
        int before = Json.parseObject(editor.get("/api/workbench/versions").body()).path("active").asInt();
        String draft = json(send(editor, "POST", "/api/workbench/drafts", "{}"), 201).path("id").asText();
        json(send(editor, "PUT", "/api/workbench/drafts/" + draft + "/files",
                Json.write(Json.object().put("path", "faq/cluster.yaml").put("content", FAQ))), 200);
        json(send(editor, "POST", "/api/workbench/drafts/" + draft + "/test", "{}"), 200);
        // What compiling this version costs node B now (the machine may be shared): B must compile before it serves,
        // so the bound is a second for the notice plus that. The draft's test compiles it and runs every case.
        Pro editorOnB = new Pro(nodeB, editor.cookie(), editor.csrf(), editor.id(), editor.name());
        long compileStart = System.nanoTime();
        json(send(editorOnB, "POST", "/api/workbench/drafts/" + draft + "/test", "{}"), 200);
        long compileMs = (System.nanoTime() - compileStart) / 1_000_000;
        org.junit.jupiter.api.Assertions.assertNotEquals("fi-klusterikahvio", faq(nodeB), "node B has the entry before it is published");

        int published = json(send(editor, "POST", "/api/workbench/drafts/" + draft + "/publish", "{\"comment\":\"cluster\"}"), 200)
                .path("version").asInt();
        long at = System.nanoTime();
        assertEquals(before + 1, published);
        assertEquals("fi-klusterikahvio", faq(nodeA), "the publishing node serves it at once");

        waitFor(nodeB, 1_000 + compileMs);
        long ms = (System.nanoTime() - at) / 1_000_000;
        assertTrue(ms <= 1_000 + compileMs, "node B took " + ms + " ms (compiling costs it " + compileMs + " ms)");
        waitFor(nodeC, 5_000);

        ObjectNode h = health(nodeC);
        assertEquals("DEGRADED", h.path("checks").path("cluster").asText(), h.toString());
        assertEquals("DEGRADED", h.path("status").asText(), h.toString());
        assertEquals("UP", h.path("checks").path("database").asText(), h.toString());
    }

    private static void waitFor(TestServer node, long ms) throws InterruptedException {
        long until = System.currentTimeMillis() + ms;
        while (!"fi-klusterikahvio".equals(faq(node)) && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        assertEquals("fi-klusterikahvio", faq(node), "node on port " + node.port() + " still serves the old version");
    }

    private static String faq(TestServer node) {
        ObjectNode r = Json.parseObject(Pro.post(node.http("/api/triage/simulate"),
                "{\"text\":\"" + QUESTION + "\",\"language\":\"fi\",\"channel\":\"chat\"}", Map.of()).body());
        var first = r.path("faq").path(0);
        return first.isMissingNode() ? "" : first.path("id").asText();
    }

    private static ObjectNode health(TestServer node) throws Exception {
        HttpResponse<String> res = HTTP.send(HttpRequest.newBuilder(node.http("/observe/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode(), res.body());
        return Json.parseObject(res.body());
    }

    private static ObjectNode json(HttpResponse<String> res, int status) {
        assertEquals(status, res.statusCode(), res.body());
        return Json.parseObject(res.body());
    }

    private static HttpResponse<String> send(Pro who, String method, String path, String body) {
        try {
            URI uri = who.server().http(path);
            return HTTP.send(HttpRequest.newBuilder(uri).header("Cookie", who.cookie()).header("X-CSRF-Token", who.csrf())
                    .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
