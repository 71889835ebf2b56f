package fi.ikkuna.triage.api;

import com.fasterxml.jackson.databind.JsonNode;
import fi.ikkuna.triage.Channel;
import fi.ikkuna.triage.Contact;
import fi.ikkuna.web.ErrorCode;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** Validation of the simulation request body; the only place that rejects input. */
final class SimulateRequest {
    static final int MAX_TEXT = 10_000;
    private static final Set<String> LANGUAGES = Set.of("fi", "sv", "en");
    private static final Set<String> KNOWN = Set.of("text", "language", "channel", "age", "at", "form_type");

    /** A request the API refuses, with the field to blame. */
    static final class Invalid extends RuntimeException {
        final ErrorCode code;
        final String field;

        Invalid(ErrorCode code, String field, String message) {
            super(message);
            this.code = code;
            this.field = field;
        }
    }

    private SimulateRequest() {
    }

    static Contact checkContact(JsonNode body, ZoneId zone) {
        if (body == null || !body.isObject()) {
            throw new Invalid(ErrorCode.INVALID_BODY, null, "the body must be a JSON object");
        }
        body.fieldNames().forEachRemaining(f -> {
            if (!KNOWN.contains(f)) {
                throw new Invalid(ErrorCode.UNKNOWN_FIELD, f, "unknown field '" + f + "'");
            }
        });
        JsonNode text = body.get("text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            throw new Invalid(ErrorCode.REQUIRED, "text", "text is required and must be a non-empty string");
        }
        if (text.asText().length() > MAX_TEXT) {
            throw new Invalid(ErrorCode.TOO_LONG, "text", "text must be at most " + MAX_TEXT + " characters");
        }
        JsonNode lang = body.get("language");
        if (lang == null || !lang.isTextual() || !LANGUAGES.contains(lang.asText())) {
            throw new Invalid(ErrorCode.INVALID_VALUE, "language", "language must be one of fi, sv, en");
        }
        Channel channel = checkChannel(body.get("channel"));
        Integer age = checkAge(body.get("age"));
        ZonedDateTime at = checkAt(body.get("at"), zone);
        JsonNode form = body.get("form_type");
        if (form != null && !form.isNull() && !form.isTextual()) {
            throw new Invalid(ErrorCode.INVALID_VALUE, "form_type", "form_type must be a string");
        }
        return new Contact(text.asText(), lang.asText(), channel, age,
                form == null || form.isNull() ? null : form.asText(), at);
    }

    private static Channel checkChannel(JsonNode n) {
        if (n == null || n.isNull()) {
            return Channel.CHAT;
        }
        try {
            if (!n.isTextual() || !n.asText().equals(n.asText().toLowerCase())) {
                throw new IllegalArgumentException();
            }
            return Channel.fromWire(n.asText());
        } catch (IllegalArgumentException e) {
            throw new Invalid(ErrorCode.INVALID_VALUE, "channel", "channel must be one of chat, appointment, form");
        }
    }

    private static Integer checkAge(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || n.asInt() < 0 || n.asInt() > 130) {
            throw new Invalid(ErrorCode.INVALID_VALUE, "age", "age must be a whole number from 0 to 130");
        }
        return n.asInt();
    }

    private static ZonedDateTime checkAt(JsonNode n, ZoneId zone) {
        if (n == null || n.isNull()) {
            return ZonedDateTime.now(zone);
        }
        try {
            return OffsetDateTime.parse(n.asText()).atZoneSameInstant(zone);
        } catch (DateTimeParseException e) {
            throw new Invalid(ErrorCode.INVALID_VALUE, "at", "at must be an ISO-8601 date-time with offset, e.g. 2026-11-23T09:15:00+02:00");
        }
    }
}
