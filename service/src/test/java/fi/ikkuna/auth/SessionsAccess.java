package fi.ikkuna.auth;

/** Lets tests in other packages compute what the session table stores for an id. */
public final class SessionsAccess {
    private SessionsAccess() {
    }

    public static String hash(String sessionId) {
        return Sessions.hash(sessionId);
    }
}
