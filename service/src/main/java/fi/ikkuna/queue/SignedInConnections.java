package fi.ikkuna.queue;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import fi.ikkuna.auth.Sessions;
import fi.ikkuna.protocol.Connection;

/** Professional WebSockets by session, so signing out closes every one of them (close code 4401). */
public final class SignedInConnections implements Sessions.SignOutListener {
    public static final int CLOSE_SIGNED_OUT = 4401;

    private final Map<String, Set<Connection>> bySession = new ConcurrentHashMap<>();

    public void add(String sessionId, Connection c) {
        bySession.computeIfAbsent(sessionId, k -> ConcurrentHashMap.newKeySet()).add(c);
    }

    public void remove(String sessionId, Connection c) {
        bySession.computeIfPresent(sessionId, (k, set) -> {
            set.remove(c);
            return set.isEmpty() ? null : set;
        });
    }

    @Override
    public void signedOut(String sessionId) {
        Set<Connection> set = bySession.remove(sessionId);
        if (set != null) {
            set.forEach(c -> c.close(CLOSE_SIGNED_OUT, "signed out"));
        }
    }
}
