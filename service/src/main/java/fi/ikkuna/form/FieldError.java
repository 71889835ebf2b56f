package fi.ikkuna.form;

/** One rejected field: its name, a stable code for programs and a message for the resident. */
public record FieldError(String field, String code, String message) {
}
