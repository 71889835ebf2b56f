package fi.ikkuna.protocol;

import java.util.Locale;

/** Every error code the WebSocket and REST APIs can return; docs/protocol.md lists each with its meaning. */
public enum ErrorCode {
    BAD_JSON, UNKNOWN_TYPE, MISSING_FIELD, INVALID_FIELD, TEXT_TOO_LONG, UNSUPPORTED_VERSION, HELLO_REQUIRED,
    RATE_LIMITED, RESUME_FAILED, NOT_FOUND, ILLEGAL_TRANSITION, ALREADY_CLAIMED, CONVERSATION_CLOSED,
    PURPOSE_REQUIRED, NOT_ASSIGNEE, UNAUTHORIZED, FORBIDDEN, CSRF, UNAVAILABLE, INTERNAL,
    /** strong identification is not configured in this deployment (docs/identification.md) */
    IDENTIFICATION_DISABLED,
    /** video call (docs/appointments.md "Video call"): not this call's resident or professional */
    CALL_FORBIDDEN,
    /** the call can be joined only from join-early before the appointment until join-late after its end */
    CALL_NOT_OPEN,
    /** someone else holds the resident's place in the call (a second browser with the booking link) */
    CALL_SEAT_TAKEN,
    /** a call frame from a connection that has not joined that call */
    CALL_NOT_JOINED,
    /** the call needs the resident strongly identified at {@code level} first (ikkuna.call.resident-identification) */
    IDENTIFICATION_REQUIRED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
