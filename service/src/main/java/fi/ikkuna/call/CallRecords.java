package fi.ikkuna.call;

import java.time.Duration;
import java.time.Instant;

import fi.ikkuna.appointment.CallBookings.VideoBooking;
import fi.ikkuna.audit.AccessLogEntry;
import fi.ikkuna.conversation.ConversationEvent;
import fi.ikkuna.persistence.Database;

/**
 * What is kept of a call: who joined and when it ended, never its media or its content. The professional's join and
 * end are access-log rows (purpose "appointment"), the resident's join and every end are conversation events.
 */
final class CallRecords {
    static final String PURPOSE = "appointment";
    private final Database db;

    CallRecords(Database db) {
        this.db = db;
    }

    void doResidentJoined(VideoBooking b, Instant at) {
        db.tx(em -> {
            em.persist(new ConversationEvent(b.conversationId(), at, "call_joined", null, null, null, "resident " + b.code()));
            return null;
        });
    }

    void doProfessionalJoined(VideoBooking b, String professionalId, Instant at) {
        db.tx(em -> {
            em.persist(new AccessLogEntry(professionalId, b.conversationId(), "call_join", PURPOSE, at));
            em.persist(new ConversationEvent(b.conversationId(), at, "call_joined", null, null, professionalId,
                    "professional " + b.code()));
            return null;
        });
    }

    /** {@code professionalId} is who ended it, or null when the resident did. */
    void doEnded(VideoBooking b, String professionalId, Instant startedAt, Instant at) {
        String length = startedAt == null ? "not connected" : Duration.between(startedAt, at).toSeconds() + " s";
        db.tx(em -> {
            if (professionalId != null) {
                em.persist(new AccessLogEntry(professionalId, b.conversationId(), "call_end", PURPOSE, at));
            }
            em.persist(new ConversationEvent(b.conversationId(), at, "call_ended", null, null, professionalId,
                    (professionalId == null ? "by resident " : "by professional ") + b.code() + ", " + length));
            return null;
        });
    }
}
