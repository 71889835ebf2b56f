package fi.ikkuna.appointment;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;

/** Read queries on slots and bookings shared by availability, requests, bookings and the day view. */
final class SlotQueries {
    private SlotQueries() {
    }

    static Booking activeBooking(EntityManager em, String slotId) {
        return em.createQuery("select b from Booking b where b.activeSlotId = :s", Booking.class).setParameter("s", slotId)
                .getResultStream().findFirst().orElse(null);
    }

    static Booking activeBookingOfRequest(EntityManager em, String requestId) {
        return em.createQuery("select b from Booking b where b.activeRequestId = :r", Booking.class).setParameter("r", requestId)
                .getResultStream().findFirst().orElse(null);
    }

    /** The professional's slots (not cancelled) that overlap [start, end). */
    static List<Slot> overlapping(EntityManager em, String professionalId, Instant start, Instant end) {
        return em.createQuery("select s from Slot s where s.professionalId = :p and s.cancelled = false"
                        + " and s.startAt < :e and s.endAt > :b", Slot.class)
                .setParameter("p", professionalId).setParameter("b", start).setParameter("e", end).getResultList();
    }

    /** The professional's slot starting exactly at {@code start}, cancelled or not. */
    static Slot at(EntityManager em, String professionalId, Instant start) {
        return em.createQuery("select s from Slot s where s.professionalId = :p and s.startAt = :t", Slot.class)
                .setParameter("p", professionalId).setParameter("t", start).getResultStream().findFirst().orElse(null);
    }

    /** Free slots of a queue starting after {@code from}, earliest first; {@code type} null means any type. */
    static List<Slot> free(EntityManager em, String queueId, AppointmentType type, Instant from, int limit) {
        String jpql = "select s from Slot s where s.queueId = :q and s.cancelled = false and s.startAt > :from"
                + (type == null ? "" : " and s.type = :t")
                + " and not exists (select b from Booking b where b.activeSlotId = s.id) order by s.startAt, s.id";
        var q = em.createQuery(jpql, Slot.class).setParameter("q", queueId).setParameter("from", from).setMaxResults(limit);
        if (type != null) {
            q.setParameter("t", type);
        }
        return q.getResultList();
    }
}
