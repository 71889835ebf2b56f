package fi.ikkuna.web;

import java.util.Locale;

import io.helidon.http.Status;

/**
 * Every error code a WebSocket {@code error} frame or a REST error body can carry, each with the HTTP status it
 * is answered with: the status mapping lives here and nowhere else. docs/protocol.md lists each code with its
 * meaning; {@code ErrorCodesTest} holds the clients' translations to this list.
 */
public enum ErrorCode {
    // The shape of a frame or a body.
    BAD_JSON(400), UNKNOWN_TYPE(400), MISSING_FIELD(400), INVALID_FIELD(400), TEXT_TOO_LONG(400),
    UNSUPPORTED_VERSION(400), HELLO_REQUIRED(400),
    /** a form or booking refused field by field: the body's {@code fields} lists each field's code */
    INVALID_FIELDS(400),
    /** a REST body larger than {@code Rest.MAX_BODY_BYTES} */
    TOO_LARGE(413),
    RATE_LIMITED(429), RESUME_FAILED(400), NOT_FOUND(404),
    // The conversation's lifecycle.
    ILLEGAL_TRANSITION(409), ALREADY_CLAIMED(409), CONVERSATION_CLOSED(409), PURPOSE_REQUIRED(400), NOT_ASSIGNEE(400),
    // Who may ask.
    UNAUTHORIZED(401), FORBIDDEN(403), CSRF(403),
    /** strong identification is not configured in this deployment (docs/identification.md) */
    IDENTIFICATION_DISABLED(400),
    /** video call (docs/appointments.md "Video call"): not this call's resident or professional */
    CALL_FORBIDDEN(400),
    /** the call can be joined only from join-early before the appointment until join-late after its end */
    CALL_NOT_OPEN(400),
    /** someone else holds the resident's place in the call (a second browser with the booking link) */
    CALL_SEAT_TAKEN(400),
    /** a call frame from a connection that has not joined that call */
    CALL_NOT_JOINED(400),
    /** the call needs the resident strongly identified at {@code level} first (ikkuna.call.resident-identification) */
    IDENTIFICATION_REQUIRED(400),
    // Appointments and phone calls (docs/appointments.md).
    OVERLAP(409), SLOT_BOOKED(409), SLOT_TAKEN(409), ALREADY_BOOKED(409), SLOT_UNAVAILABLE(409), REQUEST_CLOSED(409),
    TOO_EARLY(409), TOO_LATE(409), BOOKING_CANCELLED(409), NOT_PHONE(409),
    /** a reload found a broken form or rule file; the old ones stay in use */
    INVALID_FORMS(422), INVALID_RULES(422),
    // The triage simulation API (docs/triage.md), which names its own field problems.
    INVALID_JSON(400), INVALID_BODY(400), UNKNOWN_FIELD(400), REQUIRED(400), TOO_LONG(400), INVALID_VALUE(400),
    /** no rule set is loaded yet */
    NOT_READY(503),
    /** Helidon's own refusals before a handler runs (no such method, media type, …), see {@link #ofRefusal} */
    BAD_REQUEST(400), METHOD_NOT_ALLOWED(405), NOT_ACCEPTABLE(406), UNSUPPORTED_MEDIA_TYPE(415),
    // Not the request's fault.
    UNAVAILABLE(503), INTERNAL(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Status status() {
        return Status.create(status);
    }

    /** The code of a 4xx Helidon answers by itself: the one named like its reason phrase, else {@link #BAD_REQUEST}. */
    public static ErrorCode ofRefusal(Status status) {
        String name = status.reasonPhrase().toUpperCase(Locale.ROOT).replace(' ', '_');
        for (ErrorCode c : values()) {
            if (c.name().equals(name) && c.status == status.code()) {
                return c;
            }
        }
        return BAD_REQUEST;
    }
}
