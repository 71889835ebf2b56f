package fi.ikkuna.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.support.Backend;
import fi.ikkuna.support.CountyRules;
import fi.ikkuna.support.Frames;
import fi.ikkuna.support.RawWs;
import fi.ikkuna.support.Resident;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.support.WsTestClient;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad input gets its documented error or close code, stores nothing and leaves the server
 * serving others (checked after each case by a healthy bystander conversation).
 */
abstract class BadInputContract extends ServiceTest {

    @Override
    protected Map<String, String> config() {
        return Map.of("ikkuna.ws.allowed-origins", "https://www.example-hyvinvointialue.fi",
                "ikkuna.rules.dir", CountyRules.coreOnly().toString());
    }

    @Override
    protected abstract Backend backend();

    @Test
    void malformedJsonIsAnErrorAndTheConnectionStays() {
        try (Resident r = Resident.start(server, "fi")) {
            r.ws.sendRaw("{\"type\": \"message\", \"text\": ");
            assertEquals("bad_json", r.ws.await("error").path("code").asText());
            r.ws.sendRaw("[1,2,3]");
            assertEquals("bad_json", r.ws.await("error").path("code").asText());
            r.ws.sendRaw("{\"type\":\"ping\"} trailing");
            assertEquals("bad_json", r.ws.await("error").path("code").asText());
            assertEquals(1, r.say("Toimiiko vielä?").path("seq").asLong());
        }
    }

    @Test
    void unknownTypesAndMissingFieldsAreNamed() {
        try (Resident r = Resident.start(server, "fi")) {
            r.ws.send(Json.object().put("type", "launch_rockets"));
            ObjectNode unknown = r.ws.await("error");
            assertEquals("unknown_type", unknown.path("code").asText());
            r.ws.send(Json.object().put("text", "no type"));
            assertEquals("type", r.ws.await("error").path("field").asText());
            r.ws.send(Json.object().put("type", "message").put("clientMsgId", "x1"));
            ObjectNode missing = r.ws.await("error");
            assertEquals("missing_field", missing.path("code").asText());
            assertEquals("text", missing.path("field").asText());
            r.ws.send(Json.object().put("type", "message").put("clientMsgId", "bad id with spaces").put("text", "hei"));
            assertEquals("clientMsgId", r.ws.await("error").path("field").asText());
            r.ws.send(Json.object().put("type", "rate").put("score", 9));
            assertEquals("score", r.ws.await("error").path("field").asText());
            assertEquals(0, lastSeq(r.resumeToken), "no rejected frame may store anything");
        }
    }

    @Test
    void helloIsRequiredAndVersioned() {
        try (WsTestClient c = WsTestClient.connect(server.ws("/ws/resident"))) {
            c.send(Frames.message("m1", "ennen helloa"));
            assertEquals("hello_required", c.await("error").path("code").asText());
            c.send(Json.object().put("type", "hello").put("v", 99));
            assertEquals("unsupported_version", c.await("error").path("code").asText());
            c.send(Frames.resume("not-a-real-token", 0));
            assertEquals("resume_failed", c.await("error").path("code").asText());
        }
    }

    @Test
    void tooLongTextIsRefusedWithTheLimit() {
        try (Resident r = Resident.start(server, "fi")) {
            r.ws.send(Frames.message("long", "a".repeat(4001)));
            ObjectNode err = r.ws.await("error");
            assertEquals("text_too_long", err.path("code").asText());
            assertTrue(err.path("message").asText().contains("4000"));
            r.ws.send(Frames.message("exact", "ä".repeat(4000)));
            assertEquals(1, r.ws.await("ack").path("seq").asLong());
        }
    }

    @Test
    void oversizedFrameClosesWithTooBig() {
        try (Resident r = Resident.start(server, "fi")) {
            r.ws.send(Frames.message("huge", "x".repeat(70_000)));
            assertEquals(1009, r.ws.awaitClose());
            assertEquals(0, lastSeq(r.resumeToken));
        }
        assertServerServes();
    }

    /**
     * Issue 13.9: U+FFFD is valid text. A browser sends it for a lone surrogate a resident pasted; refusing it
     * (close 1007) made the widget reconnect and resend the same message for ever.
     */
    @Test
    void replacementCharacterIsText() {
        String text = "L\u00e4\u00e4kkeen nimi n\u00e4kyy n\u00e4in: \uFFFD\uFFFD, mik\u00e4 se on?";
        try (Resident r = Resident.start(server, "fi")) {
            r.ws.send(Frames.message("fffd-1", text));
            assertEquals(1, r.ws.await("ack").path("seq").asLong());
            assertEquals(text, r.ws.await("message", m -> m.path("seq").asLong() == 1).path("text").asText());
            r.ws.send(Frames.message("fffd-1", text));
            assertTrue(r.ws.await("ack").path("duplicate").asBoolean(), "a resend is the same message");
            assertTrue(!r.ws.isClosed());
        }
    }

    /**
     * The transport decodes malformed UTF-8 to U+FFFD before the service sees the text, so a malformed frame is
     * handled as the text it decodes to: only valid text is ever stored, and the connection stays.
     */
    @Test
    void invalidUtf8IsDecodedAndStoredAsValidText() throws Exception {
        try (RawWs raw = new RawWs(server, "/ws/resident", null)) {
            assertTrue(raw.handshakeStatus().contains("101"));
            raw.sendText(new byte[] {'{', '"', 't', (byte) 0xC3, (byte) 0x28, '"', '}'});
            raw.sendText("{\"type\":\"ping\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertTrue(raw.awaitText().contains("bad_json"), "the malformed frame is just bad JSON");
        }
        assertServerServes();
    }

    @Test
    void floodIsLimitedThenCut() {
        try (Resident r = Resident.start(server, "fi")) {
            // The server cuts the flood: a send racing that close finds the socket shut, which is the point.
            for (int i = 0; i < 200 && !r.ws.isClosed(); i++) {
                if (!r.ws.trySendRaw("{\"type\":\"ping\"}")) {
                    break;
                }
            }
            r.ws.await("error", e -> "rate_limited".equals(e.path("code").asText()));
            assertEquals(1008, r.ws.awaitClose());
        }
        assertServerServes();
    }

    @Test
    void foreignOriginIsRefusedAtHandshake() throws Exception {
        try (RawWs raw = new RawWs(server, "/ws/resident", "https://evil.example")) {
            String status = raw.handshakeStatus();
            assertTrue(!status.contains("101"), "handshake from a foreign origin must fail, got " + status);
        }
        try (RawWs raw = new RawWs(server, "/ws/resident", "https://www.example-hyvinvointialue.fi")) {
            assertTrue(raw.handshakeStatus().contains("101"));
        }
        try (RawWs raw = new RawWs(server, "/ws/resident", "http://127.0.0.1:" + server.port())) {
            assertTrue(raw.handshakeStatus().contains("101"), "a loopback page of the same host and port (development)");
        }
        try (RawWs raw = new RawWs(server, "/ws/resident", "http://www.example-hyvinvointialue.fi")) {
            assertTrue(!raw.handshakeStatus().contains("101"), "http is not the listed https origin");
        }
        // DNS rebinding: an unlisted name resolving to the service; the browser sends that name as Host and Origin.
        try (RawWs raw = new RawWs(server, "/ws/resident", "http://evil.example:" + server.port(), "evil.example:" + server.port())) {
            assertTrue(!raw.handshakeStatus().contains("101"), "Host and Origin both unlisted");
        }
    }

    @Test
    void professionalEndpointNeedsASession() throws Exception {
        try (RawWs raw = new RawWs(server, "/ws/pro", null)) {
            assertTrue(!raw.handshakeStatus().contains("101"));
        }
        HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.http("/api/auth/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"hoitaja\",\"password\":\"wrong\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, res.statusCode());
        assertEquals("unauthorized", Json.parseObject(res.body()).path("error").path("code").asText());
    }

    @Test
    void errorsNeverCarryAnotherConversation() {
        try (Resident a = Resident.start(server, "fi"); Resident b = Resident.start(server, "fi")) {
            b.say("Yksityinen asia B");
            a.ws.sendRaw("{oops");
            a.ws.send(Json.object().put("type", "unknown"));
            a.ws.await("error");
            a.ws.await("error");
            a.say("A:n viesti");
            String seen = a.ws.all("message").toString() + a.ws.all("error") + a.ws.all("state") + a.ws.all("queue");
            assertTrue(!seen.contains(b.conversationId) && !seen.contains("Yksityinen"), seen);
        }
    }

    private void assertServerServes() {
        try (Resident bystander = Resident.start(server, "sv")) {
            assertEquals(1, bystander.say("Fungerar det?").path("seq").asLong());
        }
    }

    private long lastSeq(String token) {
        try (WsTestClient c = WsTestClient.connect(server.ws("/ws/resident"))) {
            c.send(Frames.resume(token, 0));
            return c.await("welcome").path("lastSeq").asLong();
        }
    }
}
