package fi.ikkuna.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * Server-side professional sessions. The cookie holds only a random id; each session carries its CSRF token.
 * Kept in memory: a restart signs professionals out but loses no conversation state (that is in the database).
 * An expired session is ended when it is next looked up and by a periodic sweep, so the sockets of a console
 * that sends nothing close too (issue 13.9).
 */
public final class Sessions implements AutoCloseable {
    public static final String COOKIE = "IKKUNA_SESSION";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final List<SignOutListener> listeners = new CopyOnWriteArrayList<>();
    private final Duration ttl;
    private final Clock clock;
    private volatile Thread sweeper;

    public Sessions(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Ends expired sessions every {@code interval} (their listeners close the sockets). */
    public void sweepEvery(Duration interval) {
        sweeper = Thread.ofVirtual().name("session-sweep").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(interval);
                } catch (InterruptedException e) {
                    return;
                }
                sweep();
            }
        });
    }

    /** Ends every session that has expired. */
    public void sweep() {
        Instant now = clock.instant();
        sessions.values().stream().filter(s -> s.expires().isBefore(now)).map(Session::id).toList().forEach(this::end);
    }

    /** One session: who, its CSRF token and when it expires. */
    public record Session(String id, Principal principal, String csrfToken, Instant expires) {
    }

    /** Told when a session ends so its WebSockets can be closed. */
    public interface SignOutListener {
        void signedOut(String sessionId);
    }

    public void onSignOut(SignOutListener l) {
        listeners.add(l);
    }

    public Session create(Principal principal) {
        Session s = new Session(random(), principal, random(), clock.instant().plus(ttl));
        sessions.put(s.id(), s);
        return s;
    }

    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s != null && s.expires().isBefore(clock.instant())) {
            end(id);
            return Optional.empty();
        }
        return Optional.ofNullable(s);
    }

    public void end(String id) {
        if (sessions.remove(id) != null) {
            listeners.forEach(l -> l.signedOut(id));
        }
    }

    /** Reads the session id out of a Cookie header value. */
    public static Optional<String> idFromCookieHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.startsWith(COOKIE + "=")) {
                return Optional.of(p.substring(COOKIE.length() + 1));
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        Thread t = sweeper;
        if (t != null) {
            t.interrupt();
        }
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
