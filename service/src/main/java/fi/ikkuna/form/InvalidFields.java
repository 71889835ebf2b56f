package fi.ikkuna.form;

import java.util.List;
import java.util.Map;

import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.ProtocolException;

/**
 * Input rejected field by field: answered with 400 and
 * {@code {"error":{"code":"invalid_fields","message":…,"fields":[{"field","code","message"}]}}}; nothing is stored.
 */
public final class InvalidFields extends ProtocolException {
    private final List<FieldError> fields;

    public InvalidFields(String message, List<FieldError> fields) {
        super(ErrorCode.INVALID_FIELDS, message, null, Map.of("fields", List.copyOf(fields)));
        this.fields = List.copyOf(fields);
    }

    public List<FieldError> fields() {
        return fields;
    }
}
