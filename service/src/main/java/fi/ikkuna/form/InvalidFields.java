package fi.ikkuna.form;

import java.util.List;

/**
 * Input rejected field by field: answered with 400 and
 * {@code {"error":{"code":"invalid_fields","message":…,"fields":[{"field","code","message"}]}}}; nothing is stored.
 */
public final class InvalidFields extends RuntimeException {
    private final List<FieldError> fields;

    public InvalidFields(String message, List<FieldError> fields) {
        super(message);
        this.fields = List.copyOf(fields);
    }

    public List<FieldError> fields() {
        return fields;
    }
}
