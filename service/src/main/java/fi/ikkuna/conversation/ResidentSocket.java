package fi.ikkuna.conversation;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.protocol.FrameListener;
import fi.ikkuna.protocol.Heartbeats;
import fi.ikkuna.protocol.OriginPolicy;
import fi.ikkuna.protocol.WsLimits;
import fi.ikkuna.triage.Channel;
import fi.ikkuna.web.ContactRates;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.Fields;
import fi.ikkuna.web.Json;
import fi.ikkuna.web.ProtocolException;

/** The resident endpoint {@code /ws/resident}: one instance per connection. Frames are in docs/protocol.md. */
public final class ResidentSocket extends FrameListener {
    private static final Set<String> LANGUAGES = Set.of("fi", "sv", "en");

    private final ConversationService conversations;
    private final ConversationHub hub;
    private final ResidentQueueInfo queueInfo;
    private final ContactRates contactRates;
    private final fi.ikkuna.identification.Identification identification;
    private final fi.ikkuna.proxy.Proxies proxies;
    private final fi.ikkuna.call.Calls calls;
    private String conversationId;
    private ConversationView conversation;
    /** Attached by a video booking's link: the conversation comes only with the call's place (see seated()). */
    private boolean viaBooking;
    private boolean seated;
    private java.time.Instant bookingSince;
    private long bookingLastSeq;

    public ResidentSocket(WsLimits limits, OriginPolicy origins, Heartbeats heartbeats, ConversationService conversations,
                          ConversationHub hub, ResidentQueueInfo queueInfo, ContactRates contactRates,
                          fi.ikkuna.identification.Identification identification, fi.ikkuna.proxy.Proxies proxies,
                          fi.ikkuna.call.Calls calls) {
        super(limits, origins, heartbeats);
        this.calls = calls;
        this.proxies = proxies;
        this.identification = identification;
        this.contactRates = contactRates;
        this.conversations = conversations;
        this.hub = hub;
        this.queueInfo = queueInfo;
    }

    /** Lets the resident socket ask for its current queue position without depending on the queue package. */
    public interface ResidentQueueInfo {
        ObjectNode positionFrame(String conversationId);
    }

    @Override
    protected void handle(String type, ObjectNode frame) {
        if ("ping".equals(type)) {
            connection.send(Json.object().put("type", "pong"));
            return;
        }
        if ("hello".equals(type)) {
            hello(frame);
            return;
        }
        if (conversationId == null) {
            throw new ProtocolException(ErrorCode.HELLO_REQUIRED, "Send hello first");
        }
        if (viaBooking && !seated && !type.startsWith("call_")) {
            throw new ProtocolException(ErrorCode.CALL_NOT_JOINED, "Join the appointment's call first");
        }
        switch (type) {
            case "message" -> message(frame);
            case "faq_feedback" -> conversations.doFaqFeedback(conversationId, Fields.checkBoolean(frame, "helpful"));
            case "typing" -> hub.toProfessionals(conversationId,
                    Json.object().put("type", "typing").put("conversationId", conversationId).put("from", "resident"));
            case "delivered" -> hub.toProfessionals(conversationId, Json.object().put("type", "receipt")
                    .put("conversationId", conversationId).put("seq", Fields.checkLong(frame, "seq", 1, Long.MAX_VALUE, 0)));
            case "close" -> conversations.doResidentClose(conversationId);
            case "rate" -> rate(frame);
            // Strong identification (docs/identification.md): the popup ticket goes only to this connection.
            case "identify" -> connection.send(identification.doStart(conversationId,
                    Fields.checkOptionalString(frame, "level", 16), Fields.checkOneOf(frame, "lang", LANGUAGES, conversation.language())));
            // Proxy use (docs/identification.md): "I am contacting on behalf of ..."; refusals go only to this connection.
            case "declare_proxy" -> proxies.doDeclare(conversationId, frame, connection);
            case "withdraw_proxy" -> proxies.doWithdraw(conversationId, connection);
            // Video call of a booked video appointment (docs/protocol.md "Video call frames").
            case "call_join" -> {
                calls.doResidentJoin(connection, conversationId, Fields.checkOptionalString(frame, "seat", 100));
                if (viaBooking && !seated) {
                    seated();
                }
            }
            case "call_signal" -> calls.signal(connection, null, frame);
            case "call_end" -> calls.doEnd(connection, null, null);
            default -> throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "Unknown frame type '" + type + "'", "type");
        }
    }

    private void hello(ObjectNode frame) {
        checkVersion(frame);
        if (conversationId != null) {
            throw new ProtocolException(ErrorCode.ILLEGAL_TRANSITION, "hello was already sent on this connection");
        }
        String lang = Fields.checkOneOf(frame, "lang", LANGUAGES, "fi");
        String token = Fields.checkOptionalString(frame, "resumeToken", 100);
        long lastSeq = Fields.checkLong(frame, "lastSeq", 0, Long.MAX_VALUE, 0);
        ObjectNode welcome = Json.object().put("type", "welcome").put("v", PROTOCOL_VERSION);
        String bookingToken = token == null ? Fields.checkOptionalString(frame, "bookingToken", 100) : null;
        ConversationView view;
        if (bookingToken != null) {
            // The video appointment's page has only its booking link: it opens the booking's conversation.
            fi.ikkuna.call.Calls.Attached attached = calls.checkBookingToken(bookingToken);
            view = attached.conversation();
            viaBooking = true;
            bookingSince = attached.since();
            bookingLastSeq = lastSeq;
        } else if (token == null) {
            contactRates.checkNewContact(connection.address());
            ConversationService.Started started;
            try {
                started = conversations.doStart(Channel.CHAT, lang);
            } catch (RuntimeException e) {
                // Nothing was started: the widget retries through a database outage, which must not spend its budget.
                contactRates.refund(connection.address());
                throw e;
            }
            view = started.conversation();
            welcome.put("resumeToken", started.resumeToken());
        } else {
            view = conversations.findByResumeToken(token)
                    .orElseThrow(() -> new ProtocolException(ErrorCode.RESUME_FAILED, "Unknown or expired resume token", "resumeToken"));
        }
        conversationId = view.id();
        conversation = view;
        // Join before replaying so nothing committed in between can fall into a gap; the client drops seqs it has.
        if (!viaBooking) {
            hub.joinResident(conversationId, connection);
        }
        welcome.put("conversationId", view.id()).put("state", view.state().wire()).put("language", view.language())
                .put("lastSeq", view.lastSeq());
        conversations.assignee(view).ifPresent(a -> welcome.putObject("assignee").put("name", a.displayName()).put("title", a.title()));
        if (view.state() == ConversationState.QUEUED && view.returnedReason() != null) {
            welcome.put("returned", view.returnedReason()); // after a reload the widget still says why it waits again
        }
        if (view.urgency() == fi.ikkuna.triage.Urgency.EMERGENCY && view.triageJson() != null) {
            // After a reload the widget shows the pipeline's own instruction again, not only the general numbers.
            welcome.set("safety", Json.parseObject(view.triageJson()).path("safety"));
        }
        connection.send(welcome);
        connection.greeted();
        if (viaBooking) {
            return; // a link may have been forwarded: nothing more until this socket holds the call's place
        }
        List<MessageView> missed = conversations.messagesAfter(conversationId, lastSeq, false);
        missed.forEach(m -> connection.send(m.toFrame()));
        if (view.state() == ConversationState.QUEUED) {
            connection.send(queueInfo.positionFrame(conversationId));
        }
        identification.sendCurrent(conversationId, connection, false);
        proxies.sendCurrent(conversationId, connection, false);
    }

    /**
     * A booking-link socket took the call's place: now it gets the appointment's chat, from the call's opening on
     * (what was written before stays with the resume token), and the identification and proxy state.
     */
    private void seated() {
        seated = true;
        hub.joinResident(conversationId, connection);
        conversations.messagesAfter(conversationId, bookingLastSeq, false).stream()
                .filter(m -> !m.at().isBefore(bookingSince)).forEach(m -> connection.send(m.toFrame()));
        identification.sendCurrent(conversationId, connection, false);
        proxies.sendCurrent(conversationId, connection, false);
    }

    private void message(ObjectNode frame) {
        String clientMsgId = Fields.checkClientMsgId(frame);
        String text = Fields.checkString(frame, "text", limits.maxTextLength());
        ConversationService.Posted posted = conversations.doPostResidentMessage(conversation, clientMsgId, text);
        conversation = posted.conversation(); // as of this message: once queued, later messages need only the safety screen
        connection.send(Json.object().put("type", "ack").put("clientMsgId", clientMsgId)
                .put("seq", posted.message().seq()).put("duplicate", posted.duplicate()));
    }

    private void rate(ObjectNode frame) {
        int score = (int) Fields.checkLong(frame, "score", 1, 5, -1);
        if (score < 1) {
            throw new ProtocolException(ErrorCode.MISSING_FIELD, "Field 'score' is required", "score");
        }
        conversations.doRate(conversationId, score, Fields.checkOptionalString(frame, "comment", 2000));
        connection.send(Json.object().put("type", "rated").put("score", score));
    }

    @Override
    protected void disconnected() {
        if (conversationId != null) {
            hub.leave(conversationId, connection);
        }
        calls.left(connection);
    }
}
