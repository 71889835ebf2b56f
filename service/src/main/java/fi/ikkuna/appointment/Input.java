package fi.ikkuna.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.form.FieldError;
import fi.ikkuna.form.InvalidFields;

/**
 * Reads one JSON body field by field and collects every problem, so a client gets all of them in one
 * {@code invalid_fields} answer; {@link #done()} throws when there were any. Used only by the check* methods.
 */
final class Input {
    private final ObjectNode body;
    private final String prefix;
    private final List<FieldError> errors;

    Input(ObjectNode body) {
        this(body, "", new ArrayList<>());
    }

    private Input(ObjectNode body, String prefix, List<FieldError> errors) {
        this.body = body;
        this.prefix = prefix;
        this.errors = errors;
    }

    /** A nested object ({@code contact}); its errors are named {@code contact.phone}. Absent reads as empty. */
    Input object(String field) {
        JsonNode n = body.get(field);
        if (n != null && !n.isNull() && !n.isObject()) {
            fail(field, "invalid_type", "must be an object");
        }
        return new Input(n instanceof ObjectNode o ? o : fi.ikkuna.web.Json.object(), prefix + field + ".", errors);
    }

    /** Fields outside {@code allowed} are refused: the API asks for the minimum and stores nothing more. */
    void only(Set<String> allowed) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                fail(name, "unknown_field", "is not part of this request");
            }
        }
    }

    String text(String field, boolean required, int maxLength) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull() || n.isTextual() && n.asText().isBlank()) {
            return required ? fail(field, "required", "is required") : null;
        }
        if (!n.isTextual()) {
            return fail(field, "invalid_type", "must be a string");
        }
        String v = n.asText().strip();
        if (v.codePointCount(0, v.length()) > maxLength) {
            return fail(field, "too_long", "is longer than " + maxLength + " characters");
        }
        if (!fi.ikkuna.form.FieldChecks.printable(v)) {
            return fail(field, "invalid_characters", "contains characters that cannot be stored");
        }
        return v;
    }

    String oneOf(String field, boolean required, Set<String> allowed) {
        String v = text(field, required, 64);
        return v == null || allowed.contains(v) ? v : fail(field, "invalid_choice", "must be one of " + allowed);
    }

    Integer integer(String field, boolean required, int min, int max) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return required ? fail(field, "required", "is required") : null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < min || n.asInt() > max) {
            return fail(field, "invalid_number", "must be an integer in " + min + ".." + max);
        }
        return n.asInt();
    }

    LocalDate date(String field, boolean required) {
        String v = text(field, required, 10);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return fail(field, "invalid_date", "must be a date yyyy-mm-dd");
        }
    }

    LocalTime time(String field, boolean required) {
        String v = text(field, required, 5);
        return v == null ? null : v.matches("([01][0-9]|2[0-3]):[0-5][0-9]") ? LocalTime.parse(v)
                : fail(field, "invalid_time", "must be a time HH:MM");
    }

    /** An instant written with an offset, or a local date-time in the county's zone. */
    Instant dateTime(String field, boolean required, ZoneId zone) {
        String v = text(field, required, 40);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v).atZone(zone).toInstant();
            } catch (DateTimeParseException e2) {
                return fail(field, "invalid_datetime", "must be a date-time such as 2026-11-24T09:00 or 2026-11-24T09:00+02:00");
            }
        }
    }

    <T> T fail(String field, String code, String message) {
        errors.add(new FieldError(prefix + field, code, "Field '" + prefix + field + "' " + message));
        return null;
    }

    boolean ok() {
        return errors.isEmpty();
    }

    void done() {
        if (!errors.isEmpty()) {
            throw new InvalidFields("The request has " + errors.size() + " invalid field(s)", errors);
        }
    }
}
