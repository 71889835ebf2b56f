package fi.ikkuna.appointment;

import java.time.Instant;
import java.util.Optional;

import fi.ikkuna.auth.Professional;
import fi.ikkuna.conversation.ResumeTokens;
import fi.ikkuna.persistence.Database;

/**
 * The active video booking behind a call, found by the resident's booking token or by its conversation. The call
 * package decides who may join; this only reads the appointment tables (issue 18, docs/appointments.md "Video call").
 */
public final class CallBookings {
    private final Database db;

    public CallBookings(Database db) {
        this.db = db;
    }

    /** What a call needs to know of its booking: whose it is, when, and with whom. */
    public record VideoBooking(String bookingId, String code, String conversationId, String queue, String professionalId,
                               String professionalName, String professionalTitle, Instant start, Instant end) {
    }

    /** The conversation of an active video booking, by the token of the resident's booking link. */
    public Optional<VideoBooking> byToken(String token) {
        String hash = ResumeTokens.hash(token);
        return find("b.tokenHash = :k", hash);
    }

    /** The active video booking of a conversation (a request has at most one active booking). */
    public Optional<VideoBooking> byConversation(String conversationId) {
        return find("r.conversationId = :k", conversationId);
    }

    private Optional<VideoBooking> find(String where, String key) {
        return db.read(em -> em.createQuery("select b, s, r from Booking b, Slot s, AppointmentRequest r"
                        + " where b.slotId = s.id and b.requestId = r.id and b.activeSlotId is not null and s.type = :t and "
                        + where, Object[].class)
                .setParameter("t", AppointmentType.VIDEO).setParameter("k", key).getResultStream().findFirst()
                .map(o -> {
                    Booking b = (Booking) o[0];
                    Slot s = (Slot) o[1];
                    AppointmentRequest r = (AppointmentRequest) o[2];
                    Professional p = em.find(Professional.class, s.professionalId());
                    return new VideoBooking(b.id(), b.code(), r.conversationId(), s.queueId(), s.professionalId(),
                            p == null ? null : p.displayName(), p == null ? null : p.title(), s.startAt(), s.endAt());
                }));
    }
}
