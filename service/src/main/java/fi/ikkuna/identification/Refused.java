package fi.ikkuna.identification;

/**
 * An identification (or staff sign-in) that must not take effect. {@code reason} is a stable code the widget and the
 * console turn into a plain-language message; it never contains anything from the token.
 */
public final class Refused extends RuntimeException {
    private final String reason;

    public Refused(String reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
