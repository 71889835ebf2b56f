package fi.ikkuna.form;

/**
 * A refused resident request with its own code and HTTP status (slot_taken 409, not_found 404, …); the body
 * has the same shape as {@link fi.ikkuna.protocol.HttpErrors}: {@code {"error":{"code","message","field"}}}.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;

    public ApiError(int status, String code, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public ApiError(int status, String code, String message) {
        this(status, code, message, null);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, "not_found", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
