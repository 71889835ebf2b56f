package fi.ikkuna.protocol;

import java.util.Locale;

/** Every error code the WebSocket and REST APIs can return; docs/protocol.md lists each with its meaning. */
public enum ErrorCode {
    BAD_JSON, UNKNOWN_TYPE, MISSING_FIELD, INVALID_FIELD, TEXT_TOO_LONG, UNSUPPORTED_VERSION, HELLO_REQUIRED,
    RATE_LIMITED, RESUME_FAILED, NOT_FOUND, ILLEGAL_TRANSITION, ALREADY_CLAIMED, CONVERSATION_CLOSED,
    PURPOSE_REQUIRED, NOT_ASSIGNEE, UNAUTHORIZED, FORBIDDEN, CSRF, UNAVAILABLE, INTERNAL,
    /** strong identification is not configured in this deployment (docs/identification.md) */
    IDENTIFICATION_DISABLED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
