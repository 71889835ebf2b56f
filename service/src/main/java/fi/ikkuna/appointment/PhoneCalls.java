package fi.ikkuna.appointment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.auth.Principal;
import fi.ikkuna.conversation.ConversationEvent;
import fi.ikkuna.persistence.Database;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.Json;
import fi.ikkuna.web.ProtocolException;
import jakarta.persistence.LockModeType;

/**
 * "Call done" of a phone appointment (issue 18): the slot's professional records that she called the resident. It is
 * set once; recording it again answers the first record. A conversation event keeps it with the care contact.
 */
public final class PhoneCalls {
    private final Database db;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration early;

    public PhoneCalls(Database db, Clock clock, ZoneId zone, Duration early) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
        this.early = early;
    }

    ObjectNode doRecord(Principal p, String bookingCode) {
        return db.tx(em -> {
            // As stored (DATETIME(6)), so the first answer and every later one give the same time.
            Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            Object[] row = em.createQuery("select b, s from Booking b, Slot s where b.slotId = s.id and b.code = :c", Object[].class)
                    .setParameter("c", bookingCode).getResultStream().findFirst().orElse(null);
            // Another professional's booking is "not found", like any booking she may not see.
            if (row == null || !((Slot) row[1]).professionalId().equals(p.id())) {
                throw new ProtocolException(ErrorCode.NOT_FOUND, "No such appointment of yours", "bookingCode");
            }
            Slot s = (Slot) row[1];
            Booking b = em.find(Booking.class, ((Booking) row[0]).id(), LockModeType.PESSIMISTIC_WRITE);
            if (!b.active()) {
                throw new ProtocolException(ErrorCode.BOOKING_CANCELLED, "The resident cancelled this appointment", "bookingCode");
            }
            if (s.type() != AppointmentType.PHONE) {
                throw new ProtocolException(ErrorCode.NOT_PHONE, "Only a phone appointment is called", "bookingCode");
            }
            if (now.isBefore(s.startAt().minus(early))) {
                throw new ProtocolException(ErrorCode.TOO_EARLY, "The appointment has not begun yet", "bookingCode");
            }
            if (b.phoneCalledAt() == null) {
                b.phoneCalled(now, p.id());
                AppointmentRequest r = em.find(AppointmentRequest.class, b.requestId());
                em.persist(new ConversationEvent(r.conversationId(), now, "phone_call_done", null, null, p.id(), b.code()));
            }
            return Json.object().put("bookingCode", b.code())
                    .put("calledAt", b.phoneCalledAt().atZone(zone).toOffsetDateTime().toString());
        });
    }
}
