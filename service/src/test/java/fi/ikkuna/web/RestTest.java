package fi.ikkuna.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import fi.ikkuna.form.FieldError;
import fi.ikkuna.form.InvalidFields;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 15.2: one wrapper answers every refusal with its code's status and the documented body, whichever
 * package threw it; the statuses are the ones clients relied on before the codes moved into ErrorCode.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private WebServer server;

    @BeforeAll
    void start() {
        server = WebServer.builder().host("127.0.0.1").port(0).routing(r -> r
                .addFilter(new SecurityHeaders()).error(Throwable.class, new UnhandledErrors())
                .post("/echo", Rest.handle((req, res) -> Rest.json(res, Rest.checkBody(req))))
                .get("/refuse/{code}", Rest.handle((req, res) -> {
                    throw new ProtocolException(ErrorCode.valueOf(req.path().pathParameters().get("code")), "refused", "slotId");
                }))
                .get("/fields", Rest.handle((req, res) -> {
                    throw new InvalidFields("2 fields", List.of(new FieldError("age", "invalid_number", "a number"),
                            new FieldError("name", "required", "needed")));
                }))).build().start();
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    @Test
    void eachRefusalAnswersItsCodesStatus() {
        Map<ErrorCode, Integer> expected = Map.ofEntries(Map.entry(ErrorCode.NOT_FOUND, 404), Map.entry(ErrorCode.SLOT_TAKEN, 409),
                Map.entry(ErrorCode.OVERLAP, 409), Map.entry(ErrorCode.ALREADY_CLAIMED, 409), Map.entry(ErrorCode.UNAUTHORIZED, 401),
                Map.entry(ErrorCode.FORBIDDEN, 403), Map.entry(ErrorCode.CSRF, 403), Map.entry(ErrorCode.RATE_LIMITED, 429),
                Map.entry(ErrorCode.UNAVAILABLE, 503), Map.entry(ErrorCode.INVALID_FORMS, 422), Map.entry(ErrorCode.INVALID_RULES, 422),
                Map.entry(ErrorCode.TOO_LARGE, 413), Map.entry(ErrorCode.INVALID_FIELD, 400), Map.entry(ErrorCode.NOT_ASSIGNEE, 400),
                Map.entry(ErrorCode.INTERNAL, 500), Map.entry(ErrorCode.NOT_READY, 503));
        expected.forEach((code, status) -> {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/refuse/" + code.name())).GET());
            assertEquals(status, r.statusCode(), code.wire());
            JsonNode error = Json.parseObject(r.body()).path("error");
            assertEquals(code.wire(), error.path("code").asText(), r.body());
            assertEquals("slotId", error.path("field").asText(), r.body());
            assertEquals("no-referrer", r.headers().firstValue("referrer-policy").orElse(null));
        });
    }

    @Test
    void fieldByFieldRefusalsListEveryField() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/fields")).GET());
        assertEquals(400, r.statusCode());
        JsonNode error = Json.parseObject(r.body()).path("error");
        assertEquals("invalid_fields", error.path("code").asText());
        assertFalse(error.has("field"), r.body());
        assertEquals("age", error.path("fields").path(0).path("field").asText(), r.body());
        assertEquals("invalid_number", error.path("fields").path(0).path("code").asText(), r.body());
        assertEquals("required", error.path("fields").path(1).path("code").asText(), r.body());
    }

    @Test
    void bodiesAreCheckedBeforeAnythingReadsThem() {
        assertEquals("{\"a\":1}", post("{\"a\":1}".getBytes()).body());
        HttpResponse<String> large = post(("{\"a\":\"" + "x".repeat(Rest.MAX_BODY_BYTES) + "\"}").getBytes());
        assertEquals(413, large.statusCode());
        assertEquals("too_large", Json.parseObject(large.body()).path("error").path("code").asText());
        HttpResponse<String> latin1 = post(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xE4, '"', '}'});
        assertEquals(400, latin1.statusCode());
        assertEquals("bad_json", Json.parseObject(latin1.body()).path("error").path("code").asText());
        HttpResponse<String> array = post("[1]".getBytes());
        assertEquals(400, array.statusCode());
        assertEquals("bad_json", Json.parseObject(array.body()).path("error").path("code").asText());
    }

    /** Helidon's own refusal (no such route) gets a listed code, its status and never its message. */
    @Test
    void helidonsRefusalsCarryAListedCode() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/nowhere")).GET());
        assertEquals(404, r.statusCode());
        assertEquals("not_found", Json.parseObject(r.body()).path("error").path("code").asText(), r.body());
        assertEquals(ErrorCode.NOT_FOUND, ErrorCode.ofRefusal(io.helidon.http.Status.NOT_FOUND_404));
        assertEquals(ErrorCode.METHOD_NOT_ALLOWED, ErrorCode.ofRefusal(io.helidon.http.Status.METHOD_NOT_ALLOWED_405));
        assertEquals(ErrorCode.BAD_REQUEST, ErrorCode.ofRefusal(io.helidon.http.Status.create(414)));
    }

    private HttpResponse<String> post(byte[] body) {
        return send(HttpRequest.newBuilder(uri("/echo")).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
