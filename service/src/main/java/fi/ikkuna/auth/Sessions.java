package fi.ikkuna.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

import fi.ikkuna.persistence.Database;

/**
 * Server-side professional sessions, stored in the database in every mode (table {@code professional_session}): a
 * restart of the one node, or a request that the load balancer sends to another node, signs nobody out. One code
 * path for one node and many, so the single-node tests hold the clustered behaviour too. The cookie holds only a
 * random id and the table only its SHA-256; each session carries its CSRF token. The principal is read from the
 * professional's row, so a deactivated account's sessions stop working.
 *
 * <p>Sessions used on this node are remembered for {@code recheck} so a console's frames do not each cost a read.
 * The sweep deletes expired rows (any node may) and ends the remembered sessions that expired or were ended on
 * another node, which closes their sockets here (issue 13.9). docs/cluster.md, "Sessions".
 */
public final class Sessions implements AutoCloseable {
    public static final String COOKIE = "IKKUNA_SESSION";
    private static final Logger LOG = Logger.getLogger(Sessions.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final List<SignOutListener> listeners = new CopyOnWriteArrayList<>();
    private final Duration ttl;
    private final Duration recheck;
    private final Clock clock;
    private volatile Thread sweeper;

    public Sessions(Database db, Duration ttl, Duration recheck, Clock clock) {
        this.db = db;
        this.ttl = ttl;
        this.recheck = recheck;
        this.clock = clock;
    }

    /** One session: who, its CSRF token and when it expires. */
    public record Session(String id, Principal principal, String csrfToken, Instant expires) {
    }

    private record Known(Session session, Instant readAt) {
    }

    /** Told when a session ends so its WebSockets can be closed. */
    public interface SignOutListener {
        void signedOut(String sessionId);
    }

    public void onSignOut(SignOutListener l) {
        listeners.add(l);
    }

    public Session create(Principal principal) {
        Instant now = clock.instant();
        Session s = new Session(random(), principal, random(), now.plus(ttl));
        db.tx(em -> {
            em.persist(new SessionRow(hash(s.id()), principal.id(), s.csrfToken(), now, s.expires()));
            return null;
        });
        known.put(s.id(), new Known(s, now));
        return s;
    }

    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Known k = known.get(id);
        if (k != null && k.session().expires().isBefore(now)) {
            // No write: the row is refused on lookup and deleted by the sweep, even while the database is away.
            forget(id);
            return Optional.empty();
        }
        if (k != null && k.readAt().plus(recheck).isAfter(now)) {
            return Optional.of(k.session());
        }
        Optional<Session> stored;
        try {
            stored = load(id, now);
        } catch (RuntimeException e) {
            if (k == null) {
                throw e;
            }
            // The database is away for a moment: a session this node knows stays valid until it expires.
            return Optional.of(k.session());
        }
        if (stored.isEmpty()) {
            forget(id);
            return Optional.empty();
        }
        known.put(id, new Known(stored.get(), now));
        return stored;
    }

    private Optional<Session> load(String id, Instant now) {
        return db.read(em -> {
            SessionRow row = em.find(SessionRow.class, hash(id));
            if (row == null || row.expiresAt().isBefore(now)) {
                return Optional.<Session>empty();
            }
            Professional p = em.find(Professional.class, row.professionalId());
            return p == null || !p.active() ? Optional.<Session>empty()
                    : Optional.of(new Session(id, Principal.of(p), row.csrfToken(), row.expiresAt()));
        });
    }

    /** Signs out everywhere: the row goes, this node's sockets close now and other nodes' at their next sweep. */
    public void end(String id) {
        db.tx(em -> em.createQuery("delete from SessionRow s where s.idHash = :h").setParameter("h", hash(id)).executeUpdate());
        forget(id);
    }

    private void forget(String id) {
        if (known.remove(id) != null) {
            listeners.forEach(l -> l.signedOut(id));
        }
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
                try {
                    sweep();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "session sweep failed; the next one tries again: " + e.getClass().getSimpleName());
                }
            }
        });
    }

    /** Deletes expired rows, and ends here the sessions this node uses that expired or were ended on another node. */
    public void sweep() {
        Instant now = clock.instant();
        db.tx(em -> em.createQuery("delete from SessionRow s where s.expiresAt < :now").setParameter("now", now).executeUpdate());
        known.values().stream().filter(k -> k.session().expires().isBefore(now)).map(k -> k.session().id()).toList()
                .forEach(this::forget);
        Map<String, String> byHash = new java.util.HashMap<>();
        known.keySet().forEach(id -> byHash.put(hash(id), id));
        for (List<String> chunk : chunks(List.copyOf(byHash.keySet()))) {
            Set<String> alive = Set.copyOf(db.read(em -> em.createQuery("select s.idHash from SessionRow s where s.idHash in :h", String.class)
                    .setParameter("h", chunk).getResultList()));
            chunk.stream().filter(h -> !alive.contains(h)).map(byHash::get).forEach(this::forget);
        }
    }

    private static List<List<String>> chunks(List<String> all) {
        List<List<String>> out = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            out.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return out;
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

    static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
