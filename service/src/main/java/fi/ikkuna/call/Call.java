package fi.ikkuna.call;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.appointment.CallBookings.VideoBooking;
import fi.ikkuna.protocol.Connection;
import fi.ikkuna.web.Json;

/**
 * One video appointment's live call on this node: at most one resident and one professional connection. The
 * service never sees media; it only knows who is present. Every change happens under the call's monitor, so the
 * two parties' {@code call_state} frames always agree. {@code epoch} grows each time both are present: the
 * professional then makes a fresh offer and both drop signals of older epochs.
 */
final class Call {
    final VideoBooking booking;
    Connection resident;
    Connection professional;
    String professionalId;
    /** Only the holder of this key takes the resident's place back (after a drop) while it is held or reserved. */
    String seat;
    Instant residentLeftAt;
    Instant startedAt;
    long epoch;

    Call(VideoBooking booking) {
        this.booking = booking;
    }

    boolean ready() {
        return resident != null && professional != null;
    }

    Connection peerOf(Connection c) {
        return c == resident ? professional : c == professional ? resident : null;
    }

    boolean empty() {
        return resident == null && professional == null;
    }

    /** The state as one party sees it; {@code role} is the receiver's. */
    ObjectNode state(String role) {
        boolean peer = "resident".equals(role) ? professional != null : resident != null;
        ObjectNode o = Json.object().put("type", "call_state").put("conversationId", booking.conversationId())
                .put("state", ready() ? "ready" : "waiting").put("role", role).put("peer", peer)
                .put("offerer", "professional".equals(role)).put("epoch", epoch);
        o.put("startedAt", startedAt == null ? null : startedAt.toString());
        return o;
    }

    static ObjectNode ended(String conversationId, String reason, Instant at) {
        return Json.object().put("type", "call_state").put("conversationId", conversationId).put("state", "ended")
                .put("reason", reason).put("endedAt", at == null ? null : at.toString());
    }

    /** Tells both parties the current state (after someone came or went). */
    void broadcast() {
        if (resident != null) {
            resident.send(state("resident"));
        }
        if (professional != null) {
            professional.send(state("professional"));
        }
    }
}
