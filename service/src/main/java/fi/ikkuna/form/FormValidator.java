package fi.ikkuna.form;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The only place a form submission is rejected. Every field is checked and every error reported at once, in
 * the submission's language, so the widget can tie each message to its field in one round trip.
 */
public final class FormValidator {
    private static final Set<String> LANGUAGES = Set.of("fi", "sv", "en");

    private FormValidator() {
    }

    /** A submission that passed every check; values are normalised (phone digits, trimmed text, ISO dates). */
    public record Valid(String language, Map<String, Object> values) {
    }

    public static Valid checkSubmission(FormDefinition form, ObjectNode body, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode langNode = body.get("language");
        String language = langNode == null || langNode.isNull() ? "fi" : langNode.asText();
        if (langNode != null && !langNode.isNull() && (!langNode.isTextual() || !LANGUAGES.contains(language))) {
            language = "fi";
            errors.add(new FieldError("language", "invalid_choice", FormMessages.text(null, "invalid_choice", "fi", Map.of())));
        }
        JsonNode values = body.get("values");
        if (values == null || !values.isObject()) {
            errors.add(new FieldError("values", values == null ? "required" : "invalid_type",
                    FormMessages.text(null, values == null ? "required" : "invalid_type", language, Map.of())));
            throw new InvalidFields("The form has errors", errors);
        }
        for (Iterator<String> it = values.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (form.field(name) == null) {
                errors.add(new FieldError(name, "unknown_field", FormMessages.text(null, "unknown_field", language, Map.of())));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (FieldDefinition f : form.fields()) {
            Object v = checkField(f, values.get(f.name()), language, today, errors);
            if (v != null) {
                out.put(f.name(), v);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields("The form has " + errors.size() + " error(s)", errors);
        }
        return new Valid(language, out);
    }

    /** Checks one value; returns the normalised value, or null when empty or wrong (then an error was added). */
    private static Object checkField(FieldDefinition f, JsonNode node, String lang, LocalDate today, List<FieldError> errors) {
        boolean empty = node == null || node.isNull() || node.isTextual() && node.asText().isBlank()
                || f.type() == FieldType.CONSENT && node.isBoolean() && !node.asBoolean();
        if (empty) {
            if (f.required()) {
                String code = f.type() == FieldType.CONSENT ? "consent_required" : "required";
                errors.add(error(f, code, lang, Map.of()));
            }
            return null;
        }
        if (f.type() == FieldType.CONSENT) {
            return node.isBoolean() ? Boolean.TRUE : fail(f, "invalid_type", lang, Map.of(), errors);
        }
        if (!node.isTextual()) {
            return fail(f, "invalid_type", lang, Map.of(), errors);
        }
        String text = node.asText().strip();
        if (!FieldChecks.printable(text)) {
            return fail(f, "invalid_characters", lang, Map.of(), errors);
        }
        return switch (f.type()) {
            case TEXT -> checkText(f, text, lang, errors);
            case CHOICE -> f.choice(text) != null ? text : fail(f, "invalid_choice", lang, Map.of(), errors);
            case PHONE -> orFail(FieldChecks.phone(text), f, "invalid_phone", lang, errors);
            case EMAIL -> orFail(FieldChecks.email(text), f, "invalid_email", lang, errors);
            case DATE -> checkDate(f, text, lang, today, errors);
            case CONSENT -> throw new IllegalStateException("handled above");
        };
    }

    private static Object checkText(FieldDefinition f, String text, String lang, List<FieldError> errors) {
        if (FieldChecks.length(text) > f.maxLength()) {
            return fail(f, "too_long", lang, Map.of("max", Integer.toString(f.maxLength())), errors);
        }
        if (f.pattern() != null && !f.pattern().matcher(text).matches()) {
            return fail(f, "pattern", lang, Map.of(), errors);
        }
        return text;
    }

    private static Object checkDate(FieldDefinition f, String text, String lang, LocalDate today, List<FieldError> errors) {
        LocalDate d;
        try {
            d = text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") ? LocalDate.parse(text) : null;
        } catch (DateTimeParseException e) {
            d = null;
        }
        if (d == null) {
            return fail(f, "invalid_date", lang, Map.of(), errors);
        }
        if (f.min() != null && d.isBefore(f.min().resolve(today))) {
            return fail(f, "date_too_early", lang, Map.of("min", f.min().resolve(today).toString()), errors);
        }
        if (f.max() != null && d.isAfter(f.max().resolve(today))) {
            return fail(f, "date_too_late", lang, Map.of("max", f.max().resolve(today).toString()), errors);
        }
        return d.toString();
    }

    private static Object orFail(String normalised, FieldDefinition f, String code, String lang, List<FieldError> errors) {
        return normalised != null ? normalised : fail(f, code, lang, Map.of(), errors);
    }

    private static Object fail(FieldDefinition f, String code, String lang, Map<String, String> params, List<FieldError> errors) {
        errors.add(error(f, code, lang, params));
        return null;
    }

    private static FieldError error(FieldDefinition f, String code, String lang, Map<String, String> params) {
        return new FieldError(f.name(), code, FormMessages.text(f, code, lang, params));
    }
}
