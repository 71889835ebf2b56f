package fi.ikkuna.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import fi.ikkuna.auth.Principal;
import fi.ikkuna.auth.Sessions;
import fi.ikkuna.protocol.Connection;

/**
 * Professional WebSockets by session, so signing out closes every one of them (close code 4401), and by
 * professional: who has a live console now (staffing) and since when someone has had none (assignment lease).
 */
public final class SignedInConnections implements Sessions.SignOutListener {
    public static final int CLOSE_SIGNED_OUT = 4401;

    private final Map<String, Set<Connection>> bySession = new ConcurrentHashMap<>();
    private final Map<Connection, Principal> principals = new ConcurrentHashMap<>();
    /** professional id → when their last console closed; absent while one is open (or never seen since start) */
    private final Map<String, Instant> offlineSince = new ConcurrentHashMap<>();
    private final Clock clock;

    public SignedInConnections(Clock clock) {
        this.clock = clock;
    }

    public void add(String sessionId, Principal p, Connection c) {
        bySession.computeIfAbsent(sessionId, k -> ConcurrentHashMap.newKeySet()).add(c);
        principals.put(c, p);
        offlineSince.remove(p.id());
    }

    public void remove(String sessionId, Connection c) {
        bySession.computeIfPresent(sessionId, (k, set) -> {
            set.remove(c);
            return set.isEmpty() ? null : set;
        });
        Principal p = principals.remove(c);
        if (p != null && !isOnline(p.id())) {
            offlineSince.put(p.id(), clock.instant());
        }
    }

    /** True while the professional has at least one console (professional WebSocket) open. */
    public boolean isOnline(String professionalId) {
        return principals.values().stream().anyMatch(p -> p.id().equals(professionalId));
    }

    /**
     * Since when the professional has had no console: empty while one is open; {@code unknown} for someone not seen
     * since this node started (a restart ends every socket, so their lease runs from the start).
     */
    public Optional<Instant> offlineSince(String professionalId, Instant unknown) {
        if (isOnline(professionalId)) {
            return Optional.empty();
        }
        return Optional.of(offlineSince.getOrDefault(professionalId, unknown));
    }

    /** Sends a frame to every console the professional has open (a chat appointment that began, for one). */
    public void sendTo(String professionalId, Object frame) {
        principals.forEach((c, p) -> {
            if (p.id().equals(professionalId)) {
                c.send(frame);
            }
        });
    }

    /** Everyone with a console open now, once each. */
    public Collection<Principal> online() {
        Map<String, Principal> byId = new LinkedHashMap<>();
        principals.values().forEach(p -> byId.putIfAbsent(p.id(), p));
        return byId.values();
    }

    @Override
    public void signedOut(String sessionId) {
        Set<Connection> set = bySession.remove(sessionId);
        if (set != null) {
            set.forEach(c -> c.close(CLOSE_SIGNED_OUT, "signed out"));
        }
    }
}
