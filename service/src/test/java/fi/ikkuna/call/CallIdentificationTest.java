package fi.ikkuna.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.form.Api;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.support.WsTestClient;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.Test;

/** With {@code ikkuna.call.resident-identification} set, the booking link alone no longer gets the resident into the call. */
class CallIdentificationTest extends ServiceTest {
    @Override
    protected Map<String, String> config() {
        return Map.of("ikkuna.call.join-early", "PT12H", "ikkuna.call.resident-identification", "substantial");
    }

    @Test
    void anUnidentifiedResidentIsAskedToIdentifyFirst() {
        Api nurse = Api.as(fi.ikkuna.support.Pro.login(server, "hoitaja", "hoitaja-demo"));
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Europe/Helsinki")).truncatedTo(ChronoUnit.HOURS).plusHours(2);
        Api.Res slot = nurse.post("/api/availability/slots", Json.object().put("queue", "health").put("type", "video")
                .put("start", start.toString()).put("minutes", 20));
        Api resident = Api.resident(server);
        Api.Res req = resident.post("/api/appointments/requests", Json.object()
                .put("text", "Haluaisin etävastaanottoajan lääkärille, polvi on ollut kipeä jo kuukauden").put("type", "video"));
        Api.Res booked = resident.post("/api/appointments/bookings", Json.object().put("requestId", req.body().path("requestId").asText())
                .put("slotId", slot.body().path("id").asText()));
        assertEquals(201, booked.status(), booked.raw());
        try (WsTestClient ws = WsTestClient.connect(server.ws("/ws/resident"))) {
            ws.send(Json.object().put("type", "hello").put("v", 1).put("bookingToken", booked.body().path("token").asText()));
            ws.await("welcome");
            ws.send(Json.object().put("type", "call_join"));
            ObjectNode refused = ws.await("error");
            assertEquals("identification_required", refused.path("code").asText(), refused.toString());
            assertEquals("substantial", refused.path("level").asText());
            assertTrue(ws.all("call_state").isEmpty() && ws.all("message").isEmpty(), "nothing of the call or the chat");
        }
    }
}
