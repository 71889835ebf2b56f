package fi.ikkuna.protocol;

import java.nio.charset.CharacterCodingException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.common.buffers.BufferData;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsCloseCodes;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;

import fi.ikkuna.persistence.Unavailable;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.Fields;
import fi.ikkuna.web.Json;
import fi.ikkuna.web.ProtocolException;

/**
 * Shared frame handling for both endpoints: Origin check, reassembly with a size cap, rate limit, JSON
 * parsing and error frames. Subclasses see only complete, parsed frames with a known {@code type}; any
 * {@link ProtocolException} they throw becomes an {@code error} frame and changes nothing.
 */
public abstract class FrameListener implements WsListener {
    private static final Logger LOG = Logger.getLogger(FrameListener.class.getName());
    public static final int PROTOCOL_VERSION = 1;
    /** The database does not answer: retry later with the same frame (message ids keep a resend stored once). */
    public static final ProtocolException UNAVAILABLE = new ProtocolException(ErrorCode.UNAVAILABLE,
            "The service is temporarily unavailable; send this again shortly");

    protected final WsLimits limits;
    private final OriginPolicy origins;
    private final Heartbeats heartbeats;
    private final TokenBucket bucket;
    private final StringBuilder partial = new StringBuilder();
    private int floodStrikes;
    protected Connection connection;

    protected FrameListener(WsLimits limits, OriginPolicy origins, Heartbeats heartbeats) {
        this.limits = limits;
        this.origins = origins;
        this.heartbeats = heartbeats;
        this.bucket = new TokenBucket(limits.ratePerSecond(), limits.rateBurst());
    }

    @Override
    public java.util.Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
        String origin = headers.first(HeaderNames.ORIGIN).orElse(null);
        String host = headers.first(HeaderNames.HOST).orElse(null);
        if (!origins.allows(origin, host)) {
            throw new WsUpgradeException("Origin not allowed: " + origin);
        }
        checkUpgrade(headers);
        return java.util.Optional.empty();
    }

    /** Endpoint-specific handshake checks (authentication); throw to refuse. */
    protected void checkUpgrade(Headers headers) throws WsUpgradeException {
    }

    @Override
    public void onOpen(WsSession session) {
        connection = new Connection(session, limits.sendQueueLimit(), heartbeats.ticker());
        heartbeats.register(connection);
    }

    @Override
    public void onMessage(WsSession session, String text, boolean last) {
        connection.markSeen();
        if (partial.length() + text.length() > limits.maxFrameBytes()) {
            connection.close(WsCloseCodes.TOO_BIG, "frame too large");
            return;
        }
        partial.append(text);
        if (!last) {
            return;
        }
        String whole = partial.toString();
        partial.setLength(0);
        // U+FFFD is accepted as text: browsers send it for a lone surrogate a resident pasted, and refusing it made
        // the widget resend for ever (issue 13.9). The transport decodes malformed UTF-8 to U+FFFD as well, so what
        // reaches here and is stored is always valid text.
        if (!bucket.tryTake()) {
            // A client that keeps flooding after being told is cut off; a short burst only gets an error.
            if (++floodStrikes > limits.rateBurst()) {
                connection.close(WsCloseCodes.VIOLATED_POLICY, "rate limit");
            } else {
                sendError(new ProtocolException(ErrorCode.RATE_LIMITED, "Too many frames; slow down"), null);
            }
            return;
        }
        floodStrikes = 0;
        String ref = null;
        try {
            ObjectNode frame = Json.parseObject(whole);
            JsonNode r = frame.get("ref");
            ref = r != null && r.isTextual() && r.asText().length() <= 64 ? r.asText() : null;
            JsonNode type = frame.get("type");
            if (type == null || !type.isTextual()) {
                throw new ProtocolException(ErrorCode.MISSING_FIELD, "Field 'type' is required", "type");
            }
            handle(type.asText(), frame);
        } catch (ProtocolException e) {
            sendError(e, ref);
        } catch (RuntimeException e) {
            if (Unavailable.is(e)) {
                // Not a fault of this frame: no ack, so the client keeps it and resends it with the same id.
                LOG.warning(() -> "Frame refused, database unavailable: " + Unavailable.summary(e));
                sendError(UNAVAILABLE, ref);
            } else {
                LOG.log(Level.WARNING, "Frame handling failed", e);
                sendError(new ProtocolException(ErrorCode.INTERNAL, "Internal error; nothing was changed"), ref);
            }
        }
    }

    @Override
    public void onMessage(WsSession session, BufferData buffer, boolean last) {
        connection.markSeen();
        connection.close(WsCloseCodes.CANNOT_ACCEPT, "binary frames are not accepted");
    }

    @Override
    public void onPong(WsSession session, BufferData buffer) {
        connection.markSeen();
    }

    @Override
    public void onPing(WsSession session, BufferData buffer) {
        connection.markSeen();
        session.pong(buffer);
    }

    @Override
    public void onClose(WsSession session, int status, String reason) {
        finish();
    }

    @Override
    public void onError(WsSession session, Throwable t) {
        if (hasCause(t, CharacterCodingException.class)) {
            connection.close(WsCloseCodes.NOT_CONSISTENT, "invalid UTF-8");
        }
        LOG.log(Level.FINE, "WebSocket error", t);
        finish();
    }

    private void finish() {
        if (connection != null) {
            connection.closed();
            heartbeats.unregister(connection);
            disconnected();
        }
    }

    /** Handles one complete frame of a known shape; throw {@link ProtocolException} to reject it. */
    protected abstract void handle(String type, ObjectNode frame);

    /** Called once when the connection is gone, to drop subscriptions. */
    protected abstract void disconnected();

    protected void sendError(ProtocolException e, String ref) {
        ObjectNode err = Json.object().put("type", "error").put("code", e.code().wire()).put("message", e.getMessage());
        if (e.field() != null) {
            err.put("field", e.field());
        }
        if (ref != null) {
            err.put("ref", ref);
        }
        for (Map.Entry<String, Object> d : e.details().entrySet()) {
            err.set(d.getKey(), Json.MAPPER.valueToTree(d.getValue()));
        }
        connection.send(err);
    }

    protected static void checkVersion(ObjectNode hello) {
        long v = Fields.checkLong(hello, "v", 0, Integer.MAX_VALUE, -1);
        if (v != PROTOCOL_VERSION) {
            throw new ProtocolException(ErrorCode.UNSUPPORTED_VERSION, "Protocol version " + PROTOCOL_VERSION + " is required", "v");
        }
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
