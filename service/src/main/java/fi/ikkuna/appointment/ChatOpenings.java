package fi.ikkuna.appointment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.conversation.ConversationEvent;
import fi.ikkuna.persistence.Database;
import fi.ikkuna.web.Json;
import jakarta.persistence.LockModeType;

/**
 * Chat appointments open by themselves at their time (issue 18): every {@code ikkuna.appointments.open-sweep-ms} the
 * active chat bookings that have begun and not yet ended are opened once in their professional's console, if she
 * has one open (otherwise on a later round, until the slot ends). Opening is recorded on the booking
 * ({@code opened_at}) and as the event {@code appointment_opened}; the console then opens the conversation itself
 * with the {@code open} frame, which writes the access log. The clock is injected so tests move time, not wait.
 */
public final class ChatOpenings implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ChatOpenings.class.getName());

    private record Due(String bookingId, String code, String conversationId, String professionalId, Instant start, Instant end) {
    }

    private final Database db;
    private final Clock clock;
    private final ZoneId zone;
    /** Whether a professional has a console open, and sending to all of hers (the queue package knows them). */
    private final Predicate<String> online;
    private final BiConsumer<String, Object> send;
    private final Thread sweeper;
    private volatile boolean running = true;

    /** {@code every} null: no sweeper thread; the caller runs {@link #sweep()} (tests). */
    public ChatOpenings(Database db, Clock clock, ZoneId zone, Predicate<String> online, BiConsumer<String, Object> send,
                        Duration every) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
        this.online = online;
        this.send = send;
        this.sweeper = every == null ? null : Thread.ofVirtual().name("chat-openings").start(() -> run(every));
    }

    private void run(Duration every) {
        while (running) {
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
            try {
                sweep();
            } catch (RuntimeException e) {
                // The database may be away for a moment; nothing was marked, so the next round opens them.
                LOG.log(Level.WARNING, "chat appointment opening failed", e);
            }
        }
    }

    /** One round; answers how many appointments it opened. */
    public int sweep() {
        Instant now = clock.instant();
        List<Due> due = db.read(em -> em.createQuery("select b, s, r from Booking b, Slot s, AppointmentRequest r"
                        + " where b.slotId = s.id and b.requestId = r.id and b.activeSlotId is not null and b.openedAt is null"
                        + " and s.type = :t and s.startAt <= :now and s.endAt > :now", Object[].class)
                .setParameter("t", AppointmentType.CHAT).setParameter("now", now).getResultList().stream()
                .map(o -> {
                    Booking b = (Booking) o[0];
                    Slot s = (Slot) o[1];
                    return new Due(b.id(), b.code(), ((AppointmentRequest) o[2]).conversationId(), s.professionalId(), s.startAt(), s.endAt());
                }).toList());
        int opened = 0;
        for (Due d : due) {
            if (online.test(d.professionalId()) && doMarkOpened(d, now)) {
                ObjectNode frame = Json.object().put("type", "appointment_due").put("conversationId", d.conversationId())
                        .put("bookingCode", d.code()).put("appointmentType", "chat")
                        .put("start", d.start().atZone(zone).toOffsetDateTime().toString())
                        .put("end", d.end().atZone(zone).toOffsetDateTime().toString());
                send.accept(d.professionalId(), frame);
                opened++;
            }
        }
        return opened;
    }

    /** Marks it opened unless another node or round did first; the frame goes out only after this commits. */
    private boolean doMarkOpened(Due d, Instant now) {
        return db.tx(em -> {
            Booking b = em.find(Booking.class, d.bookingId(), LockModeType.PESSIMISTIC_WRITE);
            if (b == null || !b.active() || b.openedAt() != null) {
                return false;
            }
            b.opened(now);
            em.persist(new ConversationEvent(d.conversationId(), now, "appointment_opened", null, null, d.professionalId(), d.code()));
            return true;
        });
    }

    @Override
    public void close() {
        running = false;
        if (sweeper != null) {
            sweeper.interrupt();
        }
    }
}
