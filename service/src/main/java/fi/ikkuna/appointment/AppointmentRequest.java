package fi.ikkuna.appointment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A triaged request for a remote appointment; the text lives in its conversation. */
@Entity
@Table(name = "appointment_request")
public class AppointmentRequest {
    @Id
    private String id;
    @Column(name = "conversation_id")
    private String conversationId;
    @Column(name = "queue_id")
    private String queueId;
    @Enumerated(EnumType.STRING)
    @Column(name = "appointment_type")
    private AppointmentType type;
    private Instant deadline;
    @Column(name = "deadline_at_risk")
    private boolean deadlineAtRisk;
    @Column(name = "created_at")
    private Instant createdAt;

    protected AppointmentRequest() {
    }

    public AppointmentRequest(String id, String conversationId, String queueId, AppointmentType type, Instant deadline,
                              boolean deadlineAtRisk, Instant createdAt) {
        this.id = id;
        this.conversationId = conversationId;
        this.queueId = queueId;
        this.type = type;
        this.deadline = deadline;
        this.deadlineAtRisk = deadlineAtRisk;
        this.createdAt = createdAt;
    }

    public String id() { return id; }
    public String conversationId() { return conversationId; }
    public String queueId() { return queueId; }
    public AppointmentType type() { return type; }
    public Instant deadline() { return deadline; }
    public boolean deadlineAtRisk() { return deadlineAtRisk; }
    public Instant createdAt() { return createdAt; }
}
