package fi.ikkuna.queue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.auth.Principal;
import fi.ikkuna.auth.Sessions;
import fi.ikkuna.conversation.ConversationHub;
import fi.ikkuna.conversation.MessageView;
import fi.ikkuna.conversation.ProfessionalActions;
import fi.ikkuna.protocol.FrameListener;
import fi.ikkuna.protocol.Heartbeats;
import fi.ikkuna.protocol.OriginPolicy;
import fi.ikkuna.protocol.WsLimits;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.Fields;
import fi.ikkuna.web.Json;
import fi.ikkuna.web.ProtocolException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;

/** The professional endpoint {@code /ws/pro}: signed-in professionals only. Frames are in docs/protocol.md. */
public final class ProfessionalSocket extends FrameListener {
    private final Sessions sessions;
    private final SignedInConnections signedIn;
    private final ProfessionalActions actions;
    private final fi.ikkuna.conversation.Handbacks handbacks;
    private final QueueService queues;
    private final ConversationHub hub;
    private final java.util.function.Supplier<Set<String>> outcomeCodes;
    private final fi.ikkuna.identification.Identification identification;
    private final fi.ikkuna.proxy.Proxies proxies;
    private final fi.ikkuna.call.Calls calls;
    private final Set<String> watching = ConcurrentHashMap.newKeySet();
    private Sessions.Session session;
    private boolean helloDone;

    public ProfessionalSocket(WsLimits limits, OriginPolicy origins, Heartbeats heartbeats, Sessions sessions,
                              SignedInConnections signedIn, ProfessionalActions actions, fi.ikkuna.conversation.Handbacks handbacks,
                              QueueService queues, ConversationHub hub,
                              java.util.function.Supplier<Set<String>> outcomeCodes,
                              fi.ikkuna.identification.Identification identification, fi.ikkuna.proxy.Proxies proxies,
                              fi.ikkuna.call.Calls calls) {
        super(limits, origins, heartbeats);
        this.calls = calls;
        this.proxies = proxies;
        this.identification = identification;
        this.sessions = sessions;
        this.signedIn = signedIn;
        this.actions = actions;
        this.handbacks = handbacks;
        this.queues = queues;
        this.hub = hub;
        this.outcomeCodes = outcomeCodes;
    }

    @Override
    protected void checkUpgrade(Headers headers) throws WsUpgradeException {
        String cookie = headers.first(HeaderNames.COOKIE).orElse(null);
        session = Sessions.idFromCookieHeader(cookie).flatMap(sessions::find)
                .orElseThrow(() -> new WsUpgradeException("Sign in first"));
    }

    @Override
    public void onOpen(WsSession ws) {
        super.onOpen(ws);
        signedIn.add(session.id(), session.principal(), connection);
        checkSession();
    }

    /**
     * A socket lives only as long as its session. The sweep closes those of expired sessions; this closes one whose
     * session ended between sweeps (or before the socket was registered) as soon as it is used.
     */
    private boolean checkSession() {
        if (sessions.find(session.id()).isPresent()) {
            return true;
        }
        connection.close(SignedInConnections.CLOSE_SIGNED_OUT, "session ended");
        return false;
    }

    @Override
    protected void handle(String type, ObjectNode frame) {
        if (!checkSession()) {
            return;
        }
        Principal p = session.principal();
        if ("ping".equals(type)) {
            connection.send(Json.object().put("type", "pong"));
            return;
        }
        if ("hello".equals(type)) {
            checkVersion(frame);
            helloDone = true;
            connection.greeted();
            ObjectNode welcome = Json.object().put("type", "welcome").put("v", PROTOCOL_VERSION);
            welcome.putObject("professional").put("id", p.id()).put("name", p.displayName()).put("title", p.title())
                    .put("role", p.role()).set("queues", Json.MAPPER.valueToTree(p.queues()));
            connection.send(welcome);
            queues.watch(connection, p.id(), p.queues());
            return;
        }
        if (!helloDone) {
            throw new ProtocolException(ErrorCode.HELLO_REQUIRED, "Send hello first");
        }
        if ("hand_back".equals(type)) {
            // Signing out: her taken conversations go back to the top of their queues now, not after the grace.
            connection.send(Json.object().put("type", "handed_back").put("count", handbacks.doHandBackAll(p)));
            return;
        }
        String id = Fields.checkString(frame, "conversationId", 64);
        switch (type) {
            case "claim" -> sendOpened("claimed", actions.doClaim(p, id));
            case "open" -> sendOpened("opened", actions.accessConversation(p, id, Fields.checkOptionalString(frame, "purpose", 500)));
            case "message", "note" -> post(p, id, frame, "note".equals(type));
            case "typing" -> checkWatching(id).toResidents(id, Json.object().put("type", "typing").put("from", "professional"));
            case "delivered" -> checkWatching(id).toResidents(id, Json.object().put("type", "receipt")
                    .put("seq", Fields.checkLong(frame, "seq", 1, Long.MAX_VALUE, 0)));
            case "transfer" -> actions.doTransfer(p, id, Fields.checkString(frame, "queue", 64), Fields.checkString(frame, "reason", 500));
            case "release" -> actions.doRelease(p, id);
            case "correct_urgency" -> actions.doCorrectUrgency(p, id, checkUrgency(frame), Fields.checkString(frame, "reason", 500));
            case "close" -> actions.doClose(p, id, checkOutcome(frame));
            // Strong identification (docs/identification.md): ask the resident; show the full number (access-logged).
            case "request_identification" -> identification.doRequest(p, id, Fields.checkOptionalString(frame, "level", 16));
            case "reveal_identity" -> connection.send(identification.accessIdentity(p, id, hub.watching(id, connection)));
            // Video call of her booked video appointment (docs/protocol.md "Video call frames"); access-logged.
            case "call_join" -> calls.doProfessionalJoin(connection, p, id);
            case "call_signal" -> calls.signal(connection, id, frame);
            case "call_end" -> calls.doEnd(connection, id, p);
            default -> throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "Unknown frame type '" + type + "'", "type");
        }
    }

    private static fi.ikkuna.triage.Urgency checkUrgency(ObjectNode frame) {
        String wire = Fields.checkOneOf(frame, "urgency", java.util.Set.of("urgent", "non_urgent", "self_care"), null);
        if (wire == null) {
            throw new ProtocolException(ErrorCode.MISSING_FIELD, "Field 'urgency' is required", "urgency");
        }
        return fi.ikkuna.triage.Urgency.fromWire(wire);
    }

    private String checkOutcome(ObjectNode frame) {
        Fields.checkString(frame, "outcome", 64);
        return Fields.checkOneOf(frame, "outcome", outcomeCodes.get(), null);
    }

    /** Typing and receipts go only to conversations this connection has opened and may still see. */
    private ConversationHub checkWatching(String id) {
        if (!hub.watching(id, connection)) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, "No such conversation");
        }
        return hub;
    }

    private void post(Principal p, String id, ObjectNode frame, boolean internal) {
        String clientMsgId = Fields.checkClientMsgId(frame);
        String text = Fields.checkString(frame, "text", limits.maxTextLength());
        MessageView m = actions.doPostMessage(p, id, clientMsgId, text, internal, hub.watching(id, connection));
        connection.send(Json.object().put("type", "ack").put("conversationId", id).put("clientMsgId", clientMsgId).put("seq", m.seq()));
    }

    private void sendOpened(String type, ProfessionalActions.Opened opened) {
        String id = opened.conversation().id();
        watching.add(id);
        hub.joinProfessional(id, connection, session.principal().queues());
        ObjectNode o = Json.object().put("type", type);
        o.set("conversation", opened.conversation().toJson());
        String triage = opened.conversation().triageJson();
        o.set("triage", triage == null ? null : Json.parseObject(triage));
        ArrayNode messages = o.putArray("messages");
        opened.messages().forEach(m -> messages.add(m.toFrame()));
        connection.send(o);
        identification.sendCurrent(id, connection, true);
        proxies.sendCurrent(id, connection, true);
    }

    @Override
    protected void disconnected() {
        signedIn.remove(session.id(), connection);
        queues.unwatch(connection);
        watching.forEach(id -> hub.leave(id, connection));
        calls.left(connection);
    }
}
