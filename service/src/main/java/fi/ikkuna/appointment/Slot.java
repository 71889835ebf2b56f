package fi.ikkuna.appointment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One bookable time of one professional in one queue. */
@Entity
@Table(name = "appointment_slot")
public class Slot {
    @Id
    private String id;
    @Column(name = "queue_id")
    private String queueId;
    @Column(name = "professional_id")
    private String professionalId;
    @Enumerated(EnumType.STRING)
    @Column(name = "appointment_type")
    private AppointmentType type;
    @Column(name = "start_at")
    private Instant startAt;
    @Column(name = "end_at")
    private Instant endAt;
    @Column(name = "pattern_id")
    private String patternId;
    private boolean cancelled;
    @Column(name = "touched_at")
    private Instant touchedAt;

    protected Slot() {
    }

    public Slot(String id, String queueId, String professionalId, AppointmentType type, Instant startAt, Instant endAt,
                String patternId, Instant now) {
        this.id = id;
        this.queueId = queueId;
        this.professionalId = professionalId;
        this.type = type;
        this.startAt = startAt;
        this.endAt = endAt;
        this.patternId = patternId;
        this.touchedAt = now;
    }

    public void cancel(Instant now) {
        cancelled = true;
        touchedAt = now;
    }

    /** A cancelled one-off time offered again: same row, so the (professional, start) key stays unique. */
    public void reopen(String queueId, AppointmentType type, Instant endAt, Instant now) {
        this.queueId = queueId;
        this.type = type;
        this.endAt = endAt;
        this.cancelled = false;
        this.touchedAt = now;
    }

    public String id() { return id; }
    public String queueId() { return queueId; }
    public String professionalId() { return professionalId; }
    public AppointmentType type() { return type; }
    public Instant startAt() { return startAt; }
    public Instant endAt() { return endAt; }
    public String patternId() { return patternId; }
    public boolean cancelled() { return cancelled; }
}
