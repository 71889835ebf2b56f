package fi.ikkuna.retention;

import java.util.Map;

import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.ProtocolException;

/**
 * Why a hold or an erasure is refused: {@code illegal_transition} (409) with a {@code reason} a client can translate,
 * so the shared error codes need no retention-only entries.
 */
final class Refusal {
    static final String LEGAL_HOLD = "legal_hold";
    static final String STATUTORY_MINIMUM = "statutory_minimum";
    static final String CONVERSATION_OPEN = "conversation_open";
    static final String ALREADY_PURGED = "already_purged";

    private Refusal() {
    }

    static ProtocolException of(String reason, String message) {
        return new ProtocolException(ErrorCode.ILLEGAL_TRANSITION, message, null, Map.of("reason", reason));
    }

    static ProtocolException of(String reason, String message, String key, Object value) {
        return new ProtocolException(ErrorCode.ILLEGAL_TRANSITION, message, null, Map.of("reason", reason, key, value));
    }

    static ProtocolException notFound() {
        return new ProtocolException(ErrorCode.NOT_FOUND, "No such conversation");
    }
}
