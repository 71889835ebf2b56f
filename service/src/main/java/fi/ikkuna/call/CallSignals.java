package fi.ikkuna.call;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.Fields;
import fi.ikkuna.web.Json;
import fi.ikkuna.web.ProtocolException;

/**
 * Checks a {@code call_signal} and rebuilds it from the known fields only: the peer receives an offer, an answer or
 * ICE candidates and nothing else a client might have added (docs/protocol.md "Video call frames").
 */
final class CallSignals {
    private static final Set<String> KINDS = Set.of("offer", "answer", "ice");

    private CallSignals() {
    }

    static ObjectNode check(ObjectNode frame, CallSettings settings) {
        JsonNode s = frame.get("signal");
        if (s == null || s.isNull()) {
            throw new ProtocolException(ErrorCode.MISSING_FIELD, "Field 'signal' is required", "signal");
        }
        if (!(s instanceof ObjectNode signal)) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "Field 'signal' must be an object", "signal");
        }
        String kind = Fields.checkOneOf(signal, "kind", KINDS, null);
        if (kind == null) {
            throw new ProtocolException(ErrorCode.MISSING_FIELD, "Field 'signal.kind' is required", "signal.kind");
        }
        ObjectNode out = Json.object().put("kind", kind);
        if (!"ice".equals(kind)) {
            return out.put("sdp", Fields.checkString(signal, "sdp", settings.maxSdpChars()));
        }
        JsonNode list = signal.get("candidates");
        if (!(list instanceof ArrayNode candidates) || candidates.size() > settings.maxCandidates()) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "Field 'signal.candidates' must be an array of at most "
                    + settings.maxCandidates() + " candidates", "signal.candidates");
        }
        ArrayNode copy = out.putArray("candidates");
        for (JsonNode c : candidates) {
            if (!(c instanceof ObjectNode cand)) {
                throw new ProtocolException(ErrorCode.INVALID_FIELD, "Each candidate must be an object", "signal.candidates");
            }
            // Clients leave out the end-of-candidates marker: an empty candidate changes nothing for the peer.
            ObjectNode o = copy.addObject().put("candidate", Fields.checkString(cand, "candidate", 2000));
            String mid = Fields.checkOptionalString(cand, "sdpMid", 64);
            if (mid != null) {
                o.put("sdpMid", mid);
            }
            long index = Fields.checkLong(cand, "sdpMLineIndex", 0, 1024, -1);
            if (index >= 0) {
                o.put("sdpMLineIndex", index);
            }
        }
        return out;
    }
}
