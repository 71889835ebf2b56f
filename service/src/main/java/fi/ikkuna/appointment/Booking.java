package fi.ikkuna.appointment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A booked slot. {@code activeSlotId}/{@code activeRequestId} equal the slot and request while the booking
 * stands and become null when it is cancelled: unique keys on them allow one active booking per slot and request.
 */
@Entity
@Table(name = "appointment_booking")
public class Booking {
    @Id
    private String id;
    @Column(name = "request_id")
    private String requestId;
    @Column(name = "slot_id")
    private String slotId;
    @Column(name = "active_slot_id")
    private String activeSlotId;
    @Column(name = "active_request_id")
    private String activeRequestId;
    private String code;
    @Column(name = "token_hash")
    private String tokenHash;
    private String phone;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "cancelled_at")
    private Instant cancelledAt;
    @Column(name = "cancelled_by")
    private String cancelledBy;
    @Column(name = "phone_called_at")
    private Instant phoneCalledAt;
    @Column(name = "phone_called_by")
    private String phoneCalledBy;
    @Column(name = "opened_at")
    private Instant openedAt;

    protected Booking() {
    }

    public Booking(String id, String requestId, String slotId, String code, String tokenHash, String phone, Instant createdAt) {
        this.id = id;
        this.requestId = requestId;
        this.slotId = slotId;
        this.activeSlotId = slotId;
        this.activeRequestId = requestId;
        this.code = code;
        this.tokenHash = tokenHash;
        this.phone = phone;
        this.createdAt = createdAt;
    }

    public void cancel(Instant at, String by) {
        activeSlotId = null;
        activeRequestId = null;
        cancelledAt = at;
        cancelledBy = by;
    }

    /** The professional made the phone appointment's call (recorded once). */
    public void phoneCalled(Instant at, String professionalId) {
        phoneCalledAt = at;
        phoneCalledBy = professionalId;
    }

    /** The service opened the chat appointment at its time (once). */
    public void opened(Instant at) {
        openedAt = at;
    }

    public boolean active() {
        return cancelledAt == null;
    }

    public String id() { return id; }
    public String requestId() { return requestId; }
    public String slotId() { return slotId; }
    public String code() { return code; }
    public String phone() { return phone; }
    public Instant createdAt() { return createdAt; }
    public Instant cancelledAt() { return cancelledAt; }
    public String cancelledBy() { return cancelledBy; }
    public Instant phoneCalledAt() { return phoneCalledAt; }
    public String phoneCalledBy() { return phoneCalledBy; }
    public Instant openedAt() { return openedAt; }
}
