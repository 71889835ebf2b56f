package fi.ikkuna.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.queue.SignedInConnections;
import fi.ikkuna.support.Frames;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.support.TestServer;
import fi.ikkuna.support.WsTestClient;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.Test;

/** The console's server side: content per professional, outcome codes, CSRF, sign-out, security headers. */
class ConsoleApiTest extends ServiceTest {

    @Override
    protected Map<String, String> config() {
        java.util.Map<String, String> c = new java.util.HashMap<>(TestServer.FAST_CLIENTS);
        c.put("ikkuna.queue.board-limit", "2");
        return c;
    }

    @Test
    void contentShowsOnlyOwnQueuesCannedReplies() {
        Pro rescue = Pro.login(server, "pelastus", "pelastus-demo");
        HttpResponse<String> res = rescue.get("/api/console/content?lang=sv");
        assertEquals(200, res.statusCode());
        ObjectNode body = Json.parseObject(res.body());
        assertTrue(body.path("canned").has("rescue"));
        assertFalse(body.path("canned").has("health"), "another queue's canned replies leaked: " + body);
        assertTrue(body.path("canned").path("rescue").get(0).path("text").asText().contains("brandvarnare"));
        assertTrue(body.path("outcomes").findValuesAsText("code").contains("advice_given"));
        assertEquals(401, get("/api/console/content").statusCode());
    }

    @Test
    void boardShowsTheFirstContactsAndTheTotal() {
        Pro nurse = Pro.login(server, "hoitaja", "hoitaja-demo");
        try (Resident a = Resident.start(server, "fi"); Resident b = Resident.start(server, "fi"); Resident c = Resident.start(server, "fi");
             WsTestClient pro = nurse.connect()) {
            a.say("Eka");
            b.say("Toka");
            c.say("Kolmas");
            ObjectNode board = pro.await("queue_snapshot", s -> "general".equals(s.path("queue").asText()) && s.path("total").asInt() >= 3);
            assertEquals(2, board.path("items").size(), board.toString());
        }
    }

    @Test
    void closingNeedsAKnownOutcomeCode() {
        Pro nurse = Pro.login(server, "hoitaja", "hoitaja-demo");
        try (Resident r = Resident.start(server, "fi"); WsTestClient pro = nurse.connect()) {
            r.say("Hei");
            pro.send(Frames.pro("claim", r.conversationId));
            pro.await("claimed");
            pro.send(Frames.pro("close", r.conversationId).put("outcome", "made_up"));
            ObjectNode err = pro.await("error");
            assertEquals("invalid_field", err.path("code").asText());
            assertEquals("outcome", err.path("field").asText());
            pro.send(Frames.pro("close", r.conversationId).put("outcome", "referred"));
            r.ws.await("state", s -> "closed".equals(s.path("state").asText()));
        }
    }

    @Test
    void signOutNeedsCsrfAndClosesTheSockets() {
        Pro nurse = Pro.login(server, "hoitaja", "hoitaja-demo");
        try (WsTestClient a = nurse.connect(); WsTestClient b = nurse.connect()) {
            HttpResponse<String> noToken = Pro.post(server.http("/api/auth/logout"), "{}", Map.of("Cookie", nurse.cookie()));
            assertEquals(403, noToken.statusCode());
            assertEquals("csrf", Json.parseObject(noToken.body()).path("error").path("code").asText());
            assertFalse(a.isClosed());
            HttpResponse<String> ok = Pro.post(server.http("/api/auth/logout"), "{}",
                    Map.of("Cookie", nurse.cookie(), "X-CSRF-Token", nurse.csrf()));
            assertEquals(204, ok.statusCode());
            assertEquals(SignedInConnections.CLOSE_SIGNED_OUT, a.awaitClose());
            assertEquals(SignedInConnections.CLOSE_SIGNED_OUT, b.awaitClose());
            assertEquals(401, nurse.get("/api/auth/me").statusCode());
        }
    }

    @Test
    void consolePageIsServedWithStrictHeaders() throws Exception {
        HttpResponse<String> page = get("/console/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("console.js"));
        String csp = page.headers().firstValue("content-security-policy").orElse("");
        assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"), csp);
        assertEquals("nosniff", page.headers().firstValue("x-content-type-options").orElse(""));
        HttpResponse<String> login = Pro.post(server.http("/api/auth/login"), "{\"username\":\"hoitaja\",\"password\":\"hoitaja-demo\"}", Map.of());
        String cookie = login.headers().firstValue("set-cookie").orElse("");
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
    }

    private HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.http(path)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
