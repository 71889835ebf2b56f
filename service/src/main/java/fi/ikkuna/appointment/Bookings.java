package fi.ikkuna.appointment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.conversation.Conversation;
import fi.ikkuna.conversation.ConversationEvent;
import fi.ikkuna.conversation.ConversationState;
import fi.ikkuna.conversation.ResumeTokens;
import fi.ikkuna.form.Codes;
import fi.ikkuna.persistence.Database;
import fi.ikkuna.persistence.Duplicate;
import fi.ikkuna.persistence.Effects;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.ProtocolException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Booking and cancelling, each one transaction. Exactly one booking per slot is guaranteed by the unique key
 * on {@code appointment_booking.active_slot_id}: of two residents booking at once, the second insert fails and
 * is answered {@code slot_taken}. The booking is found again only by its token, of which only a hash is stored.
 */
public final class Bookings {
    private final Database db;
    private final Clock clock;
    private final ZoneId zone;

    public Bookings(Database db, Clock clock, ZoneId zone) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
    }

    /** A new booking: the view, and the token shown only in this answer. */
    public record Booked(ObjectNode view, String token) {
    }

    Booked doBook(AppointmentChecks.BookingInput in) {
        for (int attempt = 1; ; attempt++) {
            String token = ResumeTokens.newToken();
            String code = Codes.newCode();
            try {
                return db.tx((em, fx) -> book(em, fx, in, code, token));
            } catch (RuntimeException e) {
                if (!Duplicate.is(e)) {
                    throw e;
                }
                // Which unique key refused the insert: the slot's, the request's, or (practically never) code/token.
                boolean slotTaken = db.read(em -> SlotQueries.activeBooking(em, in.slotId()) != null);
                if (slotTaken) {
                    throw new ProtocolException(ErrorCode.SLOT_TAKEN, "Someone else booked this time a moment ago; choose another", "slotId");
                }
                if (db.read(em -> SlotQueries.activeBookingOfRequest(em, in.requestId()) != null)) {
                    throw new ProtocolException(ErrorCode.ALREADY_BOOKED, "This request already has a booking", "requestId");
                }
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private Booked book(EntityManager em, Effects fx, AppointmentChecks.BookingInput in, String code, String token) {
        Instant now = clock.instant();
        AppointmentRequest r = em.find(AppointmentRequest.class, in.requestId());
        if (r == null) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, "No such appointment request", "requestId");
        }
        Slot s = em.find(Slot.class, in.slotId());
        if (s == null) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, "No such slot", "slotId");
        }
        if (!s.queueId().equals(r.queueId()) || r.type() != null && r.type() != s.type()) {
            throw new ProtocolException(ErrorCode.SLOT_UNAVAILABLE, "This time is not offered for this request", "slotId");
        }
        if (s.cancelled() || !s.startAt().isAfter(now)) {
            throw new ProtocolException(ErrorCode.SLOT_UNAVAILABLE, "This time is no longer available", "slotId");
        }
        String phone = AppointmentChecks.checkPhoneFor(s, in.phone());
        if (SlotQueries.activeBookingOfRequest(em, r.id()) != null) {
            throw new ProtocolException(ErrorCode.ALREADY_BOOKED, "This request already has a booking", "requestId");
        }
        if (SlotQueries.activeBooking(em, s.id()) != null) {
            throw new ProtocolException(ErrorCode.SLOT_TAKEN, "Someone else booked this time; choose another", "slotId");
        }
        // Queue up behind a professional cancelling this slot (and stop if they did). Slot first, then the
        // conversation: cancelling locks in the same order, so the two never deadlock.
        if (touch(em, s.id(), now) == 0) {
            throw new ProtocolException(ErrorCode.SLOT_UNAVAILABLE, "This time is no longer available", "slotId");
        }
        Conversation c = em.find(Conversation.class, r.conversationId(), LockModeType.PESSIMISTIC_WRITE);
        if (c.state() == ConversationState.CLOSED) {
            throw new ProtocolException(ErrorCode.REQUEST_CLOSED, "This request has been closed; send a new one", "requestId");
        }
        Booking b = new Booking(UUID.randomUUID().toString(), r.id(), s.id(), code, ResumeTokens.hash(token), phone, now);
        em.persist(b);
        em.flush();
        // Booked inside the deadline: the slot's professional has it, so it leaves the queue. A request at risk
        // stays queued (flagged) for a professional to arrange earlier care.
        ConversationState from = c.state();
        if (!r.deadlineAtRisk() && from == ConversationState.QUEUED) {
            c.moveTo(ConversationState.ASSIGNED, now);
            c.assignTo(s.professionalId());
        }
        em.persist(new ConversationEvent(c.id(), now, "appointment_booked", from, c.state(), null,
                b.code() + " " + s.startAt()));
        fx.queueChanged(s.queueId());
        return new Booked(BookingJson.view(em, b, s, zone, now), token);
    }

    ObjectNode view(String token) {
        return db.read(em -> {
            Booking b = byToken(em, token);
            return BookingJson.view(em, b, em.find(Slot.class, b.slotId()), zone, clock.instant());
        });
    }

    /** Cancels and frees the slot; cancelling twice answers the same cancelled booking. */
    ObjectNode doCancel(String token) {
        return db.tx((em, fx) -> {
            Instant now = clock.instant();
            Booking b = byToken(em, token);
            Slot s = em.find(Slot.class, b.slotId());
            fx.queueChanged(s.queueId());
            if (!b.active()) {
                return BookingJson.view(em, b, s, zone, now);
            }
            if (!s.startAt().isAfter(now)) {
                throw new ProtocolException(ErrorCode.TOO_LATE, "The appointment has already started");
            }
            touch(em, s.id(), now);
            b.cancel(now, "resident");
            AppointmentRequest r = em.find(AppointmentRequest.class, b.requestId());
            Conversation c = em.find(Conversation.class, r.conversationId(), LockModeType.PESSIMISTIC_WRITE);
            ConversationState from = c.state();
            // The care need is still there and its deadline still runs: back to the queue, where a professional
            // closes it or arranges a new time (the resident may also book again with the same request).
            if (from == ConversationState.ASSIGNED && s.professionalId().equals(c.assigneeId())) {
                c.moveTo(ConversationState.QUEUED, now);
            }
            em.persist(new ConversationEvent(c.id(), now, "appointment_cancelled", from, c.state(), null, b.code()));
            return BookingJson.view(em, b, s, zone, now);
        });
    }

    private static int touch(EntityManager em, String slotId, Instant now) {
        return em.createQuery("update Slot s set s.touchedAt = :now where s.id = :id and s.cancelled = false")
                .setParameter("now", now).setParameter("id", slotId).executeUpdate();
    }

    private static Booking byToken(EntityManager em, String token) {
        return em.createQuery("select b from Booking b where b.tokenHash = :h", Booking.class)
                .setParameter("h", ResumeTokens.hash(token)).getResultStream().findFirst()
                .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "No booking with this link"));
    }
}
