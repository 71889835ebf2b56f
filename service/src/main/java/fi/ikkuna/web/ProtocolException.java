package fi.ikkuna.web;

import java.util.Map;

/**
 * A rejected request, the one refusal type of both edges: an {@code error} frame on a socket, and through
 * {@link Rest#handle} a JSON body with its {@link ErrorCode}'s status. It changes nothing. The name is kept
 * from when only the sockets had it: every package throws it, and renaming it would touch all of them.
 */
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
