package fi.ikkuna.call;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.appointment.CallBookings.VideoBooking;
import fi.ikkuna.appointment.CallBookings;
import fi.ikkuna.auth.Principal;
import fi.ikkuna.conversation.ConversationService;
import fi.ikkuna.conversation.ConversationView;
import fi.ikkuna.persistence.Database;
import fi.ikkuna.protocol.Connection;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.ProtocolException;

/**
 * Video calls of booked video appointments (issue 18): who may join, and relaying WebRTC offer/answer/ICE between
 * the booking's resident and its professional over their authenticated sockets. Only those two ever share a call:
 * the resident by the booking's conversation (booking link or resume token), the professional by being the slot's.
 * Frames: docs/protocol.md "Video call frames"; lifecycle: docs/appointments.md "Video call".
 */
public final class Calls {
    private static final List<String> LEVELS = List.of("anonymous", "substantial", "high");
    private final CallBookings bookings;
    private final ConversationService conversations;
    private final CallRecords records;
    private final Clock clock;
    private final CallSettings settings;
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final Map<Connection, Call> byConnection = new ConcurrentHashMap<>();

    public Calls(CallBookings bookings, ConversationService conversations, Database db, Clock clock, CallSettings settings) {
        this.bookings = bookings;
        this.conversations = conversations;
        this.records = new CallRecords(db);
        this.clock = clock;
        this.settings = settings;
    }

    /** A booking link's conversation, for a resident {@code hello} with {@code bookingToken}; replay starts at {@code since}. */
    public record Attached(ConversationView conversation, Instant since) {
    }

    public Attached checkBookingToken(String token) {
        VideoBooking b = bookings.byToken(token).orElseThrow(() -> new ProtocolException(ErrorCode.RESUME_FAILED,
                "Unknown or cancelled booking link", "bookingToken"));
        ConversationView v = conversations.find(b.conversationId()).orElseThrow();
        // The link may have been forwarded: it opens the appointment's chat, not what was written before it.
        return new Attached(v, b.start().minus(settings.joinEarly()));
    }

    public void doResidentJoin(Connection c, String conversationId, String seat) {
        VideoBooking b = bookings.byConversation(conversationId)
                .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "This conversation has no video appointment"));
        Instant now = clock.instant();
        checkOpen(b, now);
        checkIdentified(conversationId);
        Call call = callOf(b, c);
        synchronized (call) {
            if (call.resident != c) {
                boolean holder = seat != null && seat.equals(call.seat);
                boolean reserved = call.resident != null
                        || call.seat != null && call.residentLeftAt != null && call.residentLeftAt.plus(settings.seatGrace()).isAfter(now);
                if (reserved && !holder) {
                    throw new ProtocolException(ErrorCode.CALL_SEAT_TAKEN, "Someone else with this booking link is in the call");
                }
                records.doResidentJoined(b, now);
                replace(call.resident, call);
                if (!holder) {
                    call.seat = fi.ikkuna.conversation.ResumeTokens.newToken();
                }
                call.resident = c;
                call.residentLeftAt = null;
                byConnection.put(c, call);
                c.whenGone(() -> left(c));
            }
            boolean ready = begin(call, now);
            ObjectNode joined = call.state("resident").put("seat", call.seat);
            joined.putObject("professional").put("name", b.professionalName()).put("title", b.professionalTitle());
            c.send(withTimes(joined, b, now));
            if (ready) {
                call.professional.send(call.state("professional"));
            }
        }
    }

    public void doProfessionalJoin(Connection c, Principal p, String conversationId) {
        VideoBooking b = bookings.byConversation(conversationId)
                .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "No such video appointment"));
        if (!b.professionalId().equals(p.id())) {
            // Outside her queues it is "not found" like any conversation she may not see.
            throw p.queues().contains(b.queue())
                    ? new ProtocolException(ErrorCode.CALL_FORBIDDEN, "Only the appointment's professional joins its call")
                    : new ProtocolException(ErrorCode.NOT_FOUND, "No such video appointment");
        }
        Instant now = clock.instant();
        checkOpen(b, now);
        Call call = callOf(b, c);
        synchronized (call) {
            if (call.professional != c) {
                records.doProfessionalJoined(b, p.id(), now);
                replace(call.professional, call);
                call.professional = c;
                call.professionalId = p.id();
                byConnection.put(c, call);
                c.whenGone(() -> left(c));
            }
            boolean ready = begin(call, now);
            c.send(withTimes(call.state("professional"), b, now));
            if (ready) {
                call.resident.send(call.state("resident"));
            }
        }
    }

    /** Relays an offer, answer or ICE candidates to the other party of this connection's call. */
    public void signal(Connection c, String conversationId, ObjectNode frame) {
        ObjectNode signal = CallSignals.check(frame, settings);
        long epoch = fi.ikkuna.web.Fields.checkLong(frame, "epoch", 0, Long.MAX_VALUE, 0);
        Call call = checkJoined(c, conversationId);
        synchronized (call) {
            Connection peer = call.peerOf(c);
            if (peer == null) {
                throw new ProtocolException(ErrorCode.ILLEGAL_TRANSITION, "The other party is not in the call");
            }
            ObjectNode out = fi.ikkuna.web.Json.object().put("type", "call_signal")
                    .put("conversationId", call.booking.conversationId()).put("epoch", epoch);
            out.set("signal", signal);
            peer.send(out);
        }
    }

    /** Ends the call for both; either party may. {@code p} is the professional, or null for the resident. */
    public void doEnd(Connection c, String conversationId, Principal p) {
        Call call = checkJoined(c, conversationId);
        synchronized (call) {
            Instant now = clock.instant();
            records.doEnded(call.booking, p == null ? null : p.id(), call.startedAt, now);
            ObjectNode ended = Call.ended(call.booking.conversationId(), p == null ? "ended_by_resident" : "ended_by_professional", now);
            for (Connection party : new Connection[] {call.resident, call.professional}) {
                if (party != null) {
                    party.send(ended);
                    byConnection.remove(party);
                }
            }
            call.resident = null;
            call.professional = null;
            calls.remove(call.booking.conversationId(), call);
        }
    }

    /** The connection closed: its place is free (the resident's stays reserved for its seat key for seat-grace). */
    public void left(Connection c) {
        Call call = byConnection.remove(c);
        if (call == null) {
            return;
        }
        synchronized (call) {
            if (call.resident == c) {
                call.resident = null;
                call.residentLeftAt = clock.instant();
            } else if (call.professional == c) {
                call.professional = null;
            }
            call.broadcast();
        }
    }

    private Call callOf(VideoBooking b, Connection c) {
        Call current = byConnection.get(c);
        if (current != null && !current.booking.conversationId().equals(b.conversationId())) {
            throw new ProtocolException(ErrorCode.ILLEGAL_TRANSITION, "This connection is in another call; end it first");
        }
        prune();
        return calls.computeIfAbsent(b.conversationId(), k -> new Call(b));
    }

    /** Calls nobody ended and nobody is in any more are dropped once they can no longer be joined. */
    private void prune() {
        Instant now = clock.instant();
        calls.values().removeIf(c -> {
            synchronized (c) {
                return c.empty() && !now.isBefore(c.booking.end().plus(settings.joinLate()));
            }
        });
    }

    private Call checkJoined(Connection c, String conversationId) {
        Call call = byConnection.get(c);
        if (call == null || conversationId != null && !conversationId.equals(call.booking.conversationId())) {
            throw new ProtocolException(ErrorCode.CALL_NOT_JOINED, "Join the call first");
        }
        return call;
    }

    /** After a join: when both are there a new epoch starts, in which the professional makes a fresh offer. */
    private static boolean begin(Call call, Instant now) {
        if (!call.ready()) {
            return false;
        }
        call.epoch++;
        if (call.startedAt == null) {
            call.startedAt = now;
        }
        return true;
    }

    /** The same party joined again on a new connection (a reconnect, another tab): the old one is let go. */
    private void replace(Connection old, Call call) {
        if (old != null) {
            byConnection.remove(old, call);
            old.send(Call.ended(call.booking.conversationId(), "joined_elsewhere", null));
        }
    }

    private ObjectNode withTimes(ObjectNode o, VideoBooking b, Instant now) {
        o.put("start", b.start().toString()).put("end", b.end().toString());
        o.set("iceServers", settings.iceServersFor(b.bookingId(), now));
        return o;
    }

    private void checkOpen(VideoBooking b, Instant now) {
        Instant opens = b.start().minus(settings.joinEarly());
        Instant closes = b.end().plus(settings.joinLate());
        if (now.isBefore(opens) || !now.isBefore(closes)) {
            throw new ProtocolException(ErrorCode.CALL_NOT_OPEN, "The call can be joined from " + opens + " until " + closes,
                    null, Map.of("opensAt", opens.toString(), "closesAt", closes.toString()));
        }
    }

    private void checkIdentified(String conversationId) {
        String level = settings.residentLevel();
        if (level.isEmpty()) {
            return;
        }
        String has = conversations.find(conversationId).map(ConversationView::identificationLevel).orElse("anonymous");
        if (LEVELS.indexOf(has) < LEVELS.indexOf(level)) {
            throw new ProtocolException(ErrorCode.IDENTIFICATION_REQUIRED, "Identify yourself first to join the call",
                    null, Map.of("level", level));
        }
    }
}
