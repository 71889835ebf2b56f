package fi.ikkuna.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.support.Backend;
import fi.ikkuna.support.TestServer;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Health names the Finnish analysis: UP with libvoikko, DEGRADED (still 200) on the Snowball fallback. */
@Tag("slow")
class AnalysisHealthTest {

    private static ObjectNode health(TestServer server) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.http("/observe/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.parseObject(r.body());
    }

    @Test
    void withVoikkoTheAnalysisIsUp() throws Exception {
        try (Backend db = Backend.h2(); TestServer server = new TestServer(db)) {
            ObjectNode h = health(server);
            assertEquals("UP", h.path("status").asText());
            assertEquals("UP", h.path("checks").path("analysis").asText());
        }
    }

    @Test
    void withoutVoikkoHealthSaysDegraded() throws Exception {
        System.setProperty("ikkuna.voikko.disabled", "true");
        try (Backend db = Backend.h2(); TestServer server = new TestServer(db)) {
            ObjectNode h = health(server);
            assertEquals("DEGRADED", h.path("status").asText());
            assertEquals("DEGRADED", h.path("checks").path("analysis").asText());
            assertEquals("UP", h.path("checks").path("rules").asText());
        } finally {
            System.clearProperty("ikkuna.voikko.disabled");
        }
    }
}
