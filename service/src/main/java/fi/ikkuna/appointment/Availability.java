package fi.ikkuna.appointment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import fi.ikkuna.auth.Principal;
import fi.ikkuna.persistence.Database;
import fi.ikkuna.persistence.Duplicate;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.ProtocolException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Professionals' availability: weekly patterns and one-off slots, each change one transaction. Pattern
 * occurrences are created as slot rows up to {@code horizonWeeks} ahead; {@link #extendPatterns()} moves the
 * horizon on (called before slots are offered), so a pattern never runs out.
 */
public final class Availability {
    private final Database db;
    private final Clock clock;
    private final ZoneId zone;
    private final int horizonWeeks;

    public Availability(Database db, Clock clock, ZoneId zone, int horizonWeeks) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
        this.horizonWeeks = horizonWeeks;
    }

    /** A checked pattern (see {@link AvailabilityChecks#checkPattern}). */
    public record PatternInput(String queue, AppointmentType type, int weekday, LocalTime start, LocalTime end, int slotMinutes,
                               LocalDate validFrom, LocalDate validUntil) {
    }

    /** A checked one-off slot. */
    public record SlotInput(String queue, AppointmentType type, Instant start, int minutes) {
    }

    public record PatternCreated(AvailabilityPattern pattern, int slots) {
    }

    public PatternCreated doAddPattern(Principal p, PatternInput in) {
        return db.tx(em -> {
            AvailabilityPattern pattern = new AvailabilityPattern(UUID.randomUUID().toString(), in.queue(), p.id(), in.type(),
                    in.weekday(), in.start(), in.end(), in.slotMinutes(), in.validFrom(), in.validUntil(), clock.instant());
            em.persist(pattern);
            return new PatternCreated(pattern, materialize(em, pattern));
        });
    }

    /** Ends a pattern today: its future free slots are cancelled, booked ones stay (the resident keeps the time). */
    public int doEndPattern(Principal p, String patternId) {
        return db.tx(em -> {
            AvailabilityPattern pattern = em.find(AvailabilityPattern.class, patternId, LockModeType.PESSIMISTIC_WRITE);
            if (pattern == null || !pattern.professionalId().equals(p.id()) && !p.isAdministrator()) {
                throw new ProtocolException(ErrorCode.NOT_FOUND, "No such pattern");
            }
            Instant now = clock.instant();
            pattern.end(now, LocalDate.now(clock.withZone(zone)));
            List<Slot> future = em.createQuery("select s from Slot s where s.patternId = :p and s.cancelled = false and s.startAt > :now",
                    Slot.class).setParameter("p", patternId).setParameter("now", now).getResultList();
            int cancelled = 0;
            for (Slot s : future) {
                if (SlotQueries.activeBooking(em, s.id()) == null) {
                    s.cancel(now);
                    cancelled++;
                }
            }
            return cancelled;
        });
    }

    public Slot doAddSlot(Principal p, SlotInput in) {
        try {
            return db.tx(em -> {
                Instant now = clock.instant();
                Instant end = in.start().plusSeconds(in.minutes() * 60L);
                if (!SlotQueries.overlapping(em, p.id(), in.start(), end).isEmpty()) {
                    throw new ProtocolException(ErrorCode.OVERLAP, "You already have a slot at this time", "start");
                }
                Slot cancelled = em.createQuery("select s from Slot s where s.professionalId = :p and s.startAt = :t", Slot.class)
                        .setParameter("p", p.id()).setParameter("t", in.start()).getResultStream().findFirst().orElse(null);
                if (cancelled != null) {
                    cancelled.reopen(in.queue(), in.type(), end, now);
                    return cancelled;
                }
                Slot s = new Slot(UUID.randomUUID().toString(), in.queue(), p.id(), in.type(), in.start(), end, null, now);
                em.persist(s);
                return s;
            });
        } catch (RuntimeException e) {
            if (Duplicate.is(e)) {
                throw new ProtocolException(ErrorCode.OVERLAP, "You already have a slot at this time", "start");
            }
            throw e;
        }
    }

    /** Cancels one slot (a one-off or one occurrence of a pattern); a booked slot must be cancelled with the resident. */
    public Slot doCancelSlot(Principal p, String slotId) {
        return db.tx(em -> {
            Slot s = em.find(Slot.class, slotId, LockModeType.PESSIMISTIC_WRITE);
            if (s == null || !s.professionalId().equals(p.id()) && !p.isAdministrator()) {
                throw new ProtocolException(ErrorCode.NOT_FOUND, "No such slot");
            }
            if (SlotQueries.activeBooking(em, s.id()) != null) {
                throw new ProtocolException(ErrorCode.SLOT_BOOKED, "The slot is booked; agree a new time with the resident first");
            }
            s.cancel(clock.instant());
            return s;
        });
    }

    /** Creates pattern slots up to the horizon; each pattern is locked while extended, so two callers never race. */
    public void extendPatterns() {
        LocalDate horizon = LocalDate.now(clock.withZone(zone)).plusWeeks(horizonWeeks);
        List<String> due = db.read(em -> em.createQuery("select p.id from AvailabilityPattern p where p.endedAt is null"
                + " and p.materializedUntil < :h and (p.validUntil is null or p.materializedUntil < p.validUntil)", String.class)
                .setParameter("h", horizon).getResultList());
        for (String id : due) {
            db.tx(em -> materialize(em, em.find(AvailabilityPattern.class, id, LockModeType.PESSIMISTIC_WRITE)));
        }
    }

    /** Creates the pattern's missing occurrences; an existing row at the same time (even a cancelled one) is kept. */
    private int materialize(EntityManager em, AvailabilityPattern pattern) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate until = today.plusWeeks(horizonWeeks);
        if (pattern.validUntil() != null && pattern.validUntil().isBefore(until)) {
            until = pattern.validUntil();
        }
        LocalDate from = pattern.materializedUntil().plusDays(1);
        if (from.isBefore(today)) {
            from = today;
        }
        Instant now = clock.instant();
        List<Slot> existing = new ArrayList<>(SlotQueries.overlapping(em, pattern.professionalId(),
                from.atStartOfDay(zone).toInstant(), until.plusDays(1).atStartOfDay(zone).toInstant()));
        int created = 0;
        for (LocalDate d = from; !d.isAfter(until); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() != pattern.weekday()) {
                continue;
            }
            // Minutes of the day, so a pattern can never wrap past midnight.
            int last = pattern.end().toSecondOfDay() / 60;
            for (int m = pattern.start().toSecondOfDay() / 60; m + pattern.slotMinutes() <= last; m += pattern.slotMinutes()) {
                Instant start = ZonedDateTime.of(d, LocalTime.ofSecondOfDay(m * 60L), zone).toInstant();
                Instant end = start.plusSeconds(pattern.slotMinutes() * 60L);
                boolean taken = existing.stream().anyMatch(s -> s.startAt().isBefore(end) && s.endAt().isAfter(start))
                        || SlotQueries.at(em, pattern.professionalId(), start) != null;
                if (start.isAfter(now) && !taken) {
                    Slot s = new Slot(UUID.randomUUID().toString(), pattern.queueId(), pattern.professionalId(), pattern.type(),
                            start, end, pattern.id(), now);
                    em.persist(s);
                    existing.add(s);
                    created++;
                }
            }
        }
        if (until.isAfter(pattern.materializedUntil())) {
            pattern.materializedUntil(until);
        }
        return created;
    }
}
