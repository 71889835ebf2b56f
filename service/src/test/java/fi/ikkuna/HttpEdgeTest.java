package fi.ikkuna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.web.Json;
import io.helidon.http.BadRequestException;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 13.9: an unexpected failure answers a generic JSON 500 with a correlation id and never the exception's
 * message (which may hold health data, SQL or "Java heap space"); the log has the id and the stack trace.
 * The routes here are the service's edge plus routes that throw.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpEdgeTest {
    private static final String SECRET = "resident 040 123 4567 said: rintakipu";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    /** Held so the logger (and the handler on it) is not collected. */
    private final Logger errors = Logger.getLogger("fi.ikkuna.web.UnhandledErrors");
    private WebServer server;

    @BeforeAll
    void start() {
        server = WebServer.builder().host("127.0.0.1").port(0).update(Main::edge).routing(r -> {
            Main.edge(r);
            r.get("/boom", (req, res) -> {
                throw new IllegalStateException(SECRET);
            }).get("/oom", (req, res) -> {
                throw new OutOfMemoryError("Java heap space");
            }).get("/bookings/{token}", (req, res) -> {
                throw new IllegalStateException("booking lookup failed");
            }).get("/bad", (req, res) -> {
                throw new BadRequestException(SECRET);
            });
        }).build().start();
        // After the start: Helidon's logging set-up re-reads the configuration, which drops earlier handlers.
        errors.addHandler(capture);
    }

    @AfterAll
    void stop() {
        server.stop();
        errors.removeHandler(capture);
    }

    @Test
    void unhandledExceptionAnswersGenericJsonWithACorrelationId() {
        HttpResponse<String> r = get("/boom");
        assertEquals(500, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"), r.headers().toString());
        assertFalse(r.body().contains("rintakipu") || r.body().contains("040") || r.body().contains("IllegalState"), r.body());
        ObjectNode error = (ObjectNode) Json.parseObject(r.body()).path("error");
        assertEquals("internal", error.path("code").asText(), r.body());
        String id = error.path("correlationId").asText();
        assertTrue(id.matches("[0-9a-f]{16}"), r.body());
        assertEquals(id, r.headers().firstValue("x-correlation-id").orElse(null));
        assertEquals("no-referrer", r.headers().firstValue("referrer-policy").orElse(null));

        LogRecord rec = logged.stream().filter(l -> l.getThrown() instanceof IllegalStateException
                && l.getMessage() != null && l.getMessage().contains(id)).findFirst().orElse(null);
        assertNotNull(rec, "the log names the correlation id with the stack trace");
        assertEquals(SECRET, rec.getThrown().getMessage());
        assertTrue(rec.getThrown().getStackTrace().length > 0);
    }

    @Test
    void errorsAreAnsweredTheSameWay() {
        HttpResponse<String> r = get("/oom");
        assertEquals(500, r.statusCode());
        assertFalse(r.body().contains("heap"), r.body());
        assertEquals("internal", Json.parseObject(r.body()).path("error").path("code").asText(), r.body());
    }

    @Test
    void clientErrorsKeepTheirStatusButNotTheMessage() {
        HttpResponse<String> r = get("/bad");
        assertEquals(400, r.statusCode());
        assertFalse(r.body().contains("rintakipu"), r.body());
        assertEquals("no-referrer", r.headers().firstValue("referrer-policy").orElse(null));
    }

    /** Tokens travel in paths: the log names the route's pattern, never the path it was called with. */
    @Test
    void theLogNamesTheRouteNotThePath() {
        String token = "q3TOKENr8Zz1xYvW2uAbCdEfGhIjKlMnOpQrStUvWxY";
        HttpResponse<String> r = get("/bookings/" + token);
        assertEquals(500, r.statusCode());
        String id = Json.parseObject(r.body()).path("error").path("correlationId").asText();
        LogRecord rec = logged.stream().filter(l -> l.getMessage() != null && l.getMessage().contains(id)).findFirst().orElseThrow();
        assertTrue(rec.getMessage().contains("GET /bookings/{token}"), rec.getMessage());
        assertFalse(logged.stream().anyMatch(l -> String.valueOf(l.getMessage()).contains(token)), "a token reached the log");
    }

    @Test
    void eachCorrelationIdIsNew() {
        String a = Json.parseObject(get("/boom").body()).path("error").path("correlationId").asText();
        String b = Json.parseObject(get("/boom").body()).path("error").path("correlationId").asText();
        assertFalse(a.equals(b));
    }

    private HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
