package fi.ikkuna.web;

import java.util.Map;

/** A rejected request: becomes an {@code error} frame (or a 4xx JSON body) and changes nothing. */
public class ProtocolException extends RuntimeException {
    private final ErrorCode code;
    private final String field;
    private final Map<String, Object> details;

    public ProtocolException(ErrorCode code, String message) {
        this(code, message, null, Map.of());
    }

    public ProtocolException(ErrorCode code, String message, String field) {
        this(code, message, field, Map.of());
    }

    public ProtocolException(ErrorCode code, String message, String field, Map<String, Object> details) {
        super(message);
        this.code = code;
        this.field = field;
        this.details = details;
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Map<String, Object> details() {
        return details;
    }
}
