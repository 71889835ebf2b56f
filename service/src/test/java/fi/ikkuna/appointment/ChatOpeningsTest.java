package fi.ikkuna.appointment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.form.Api;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.ServiceTest;
import fi.ikkuna.web.Json;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a chat appointment opens by itself in its professional's console at its time, once, and only while she
 * has a console open. Time is moved on an injected clock; the service's own sweeper never sees these slots begin.
 */
class ChatOpeningsTest extends ServiceTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");

    /** A clock the test sets. */
    private static final class SetClock extends Clock {
        volatile Instant now = Instant.now();

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Books a chat appointment of the nurse's at {@code start}; answers its booking code. */
    private String chatBooking(Api nurse, LocalDateTime start) {
        Api.Res slot = nurse.post("/api/availability/slots", Json.object().put("queue", "health").put("type", "chat")
                .put("start", start.toString()).put("minutes", 20));
        assertEquals(201, slot.status(), slot.raw());
        Api resident = Api.resident(server);
        Api.Res req = resident.post("/api/appointments/requests", Json.object().put("text",
                "Haluaisin etävastaanottoajan lääkärille, polvi on ollut kipeä jo kuukauden").put("type", "chat"));
        Api.Res booked = resident.post("/api/appointments/bookings", Json.object().put("requestId", req.body().path("requestId").asText())
                .put("slotId", slot.body().path("id").asText()));
        assertEquals(201, booked.status(), booked.raw());
        return booked.body().path("code").asText();
    }

    @Test
    void chatAppointmentOpensAtItsTimeOnceWhileTheProfessionalIsOnline() {
        Pro nursePro = Pro.login(server, "hoitaja", "hoitaja-demo");
        Api nurse = Api.as(nursePro);
        LocalDateTime start = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.HOURS).plusDays(2).withHour(11);
        String first = chatBooking(nurse, start);
        String second = chatBooking(nurse, start.plusMinutes(30));

        SetClock clock = new SetClock();
        Set<String> online = new HashSet<>();
        List<String> sentTo = new ArrayList<>();
        List<ObjectNode> sent = new ArrayList<>();
        ChatOpenings openings = new ChatOpenings(server.database(), clock, ZONE, online::contains, (id, frame) -> {
            sentTo.add(id);
            sent.add((ObjectNode) frame);
        }, null);
        Instant at = start.atZone(ZONE).toInstant();
        online.add(nursePro.id());

        clock.now = at.minusSeconds(60);
        assertEquals(0, openings.sweep(), "not before its time");
        clock.now = at.plusSeconds(30);
        online.clear();
        assertEquals(0, openings.sweep(), "she has no console open: it waits for her");
        online.add(nursePro.id());
        assertEquals(1, openings.sweep(), "the first has begun, the second not yet");
        assertEquals(List.of(nursePro.id()), sentTo, "to the slot's professional");
        assertEquals(first, sent.get(0).path("bookingCode").asText());
        assertEquals("appointment_due", sent.get(0).path("type").asText());
        assertEquals(0, openings.sweep(), "opened once");
        String conversationId = sent.get(0).path("conversationId").asText();
        assertEquals(1L, (long) server.sql(em -> em.createQuery("select count(e) from ConversationEvent e where e.conversationId = :c"
                + " and e.type = 'appointment_opened'", Long.class).setParameter("c", conversationId).getSingleResult()));

        // She was away for the whole second appointment: once it has ended it is not opened any more.
        online.clear();
        clock.now = at.plus(Duration.ofMinutes(35));
        assertEquals(0, openings.sweep());
        online.add(nursePro.id());
        clock.now = at.plus(Duration.ofMinutes(51));
        assertEquals(0, openings.sweep(), "an ended appointment is not opened");
        clock.now = at.plus(Duration.ofMinutes(45));
        assertEquals(1, openings.sweep(), "while it lasts it is");
        assertEquals(second, sent.get(1).path("bookingCode").asText());
    }
}
