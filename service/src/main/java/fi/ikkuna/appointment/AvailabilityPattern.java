package fi.ikkuna.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A weekly availability pattern; its occurrences become {@link Slot} rows up to a moving horizon. */
@Entity
@Table(name = "availability_pattern")
public class AvailabilityPattern {
    @Id
    private String id;
    @Column(name = "queue_id")
    private String queueId;
    @Column(name = "professional_id")
    private String professionalId;
    @Enumerated(EnumType.STRING)
    @Column(name = "appointment_type")
    private AppointmentType type;
    private int weekday;
    @Column(name = "start_time")
    private String startTime;
    @Column(name = "end_time")
    private String endTime;
    @Column(name = "slot_minutes")
    private int slotMinutes;
    @Column(name = "valid_from")
    private LocalDate validFrom;
    @Column(name = "valid_until")
    private LocalDate validUntil;
    @Column(name = "materialized_until")
    private LocalDate materializedUntil;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "ended_at")
    private Instant endedAt;

    protected AvailabilityPattern() {
    }

    public AvailabilityPattern(String id, String queueId, String professionalId, AppointmentType type, int weekday,
                               LocalTime start, LocalTime end, int slotMinutes, LocalDate validFrom, LocalDate validUntil,
                               Instant createdAt) {
        this.id = id;
        this.queueId = queueId;
        this.professionalId = professionalId;
        this.type = type;
        this.weekday = weekday;
        this.startTime = start.toString();
        this.endTime = end.toString();
        this.slotMinutes = slotMinutes;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.materializedUntil = validFrom.minusDays(1);
        this.createdAt = createdAt;
    }

    public void materializedUntil(LocalDate d) {
        this.materializedUntil = d;
    }

    public void end(Instant at, LocalDate lastDay) {
        this.endedAt = at;
        if (validUntil == null || validUntil.isAfter(lastDay)) {
            validUntil = lastDay;
        }
    }

    public String id() { return id; }
    public String queueId() { return queueId; }
    public String professionalId() { return professionalId; }
    public AppointmentType type() { return type; }
    public int weekday() { return weekday; }
    public LocalTime start() { return LocalTime.parse(startTime); }
    public LocalTime end() { return LocalTime.parse(endTime); }
    public int slotMinutes() { return slotMinutes; }
    public LocalDate validFrom() { return validFrom; }
    public LocalDate validUntil() { return validUntil; }
    public LocalDate materializedUntil() { return materializedUntil; }
    public Instant endedAt() { return endedAt; }
}
