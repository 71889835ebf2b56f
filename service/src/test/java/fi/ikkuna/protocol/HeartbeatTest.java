package fi.ikkuna.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import fi.ikkuna.support.CountyRules;
import fi.ikkuna.support.RawWs;
import fi.ikkuna.support.ServiceTest;
import io.helidon.common.socket.PeerInfo;
import io.helidon.common.socket.SocketContext;
import io.helidon.websocket.WsSession;
import org.junit.jupiter.api.Test;

/**
 * H1: pings keep an idle but live client connected; a peer that never answers is cut off with 4408. The timing
 * rules run on a ticker the test moves (no sleeping through timeouts); one end-to-end case shows the service's own
 * loop, on the real clock, closing a real silent socket.
 */
class HeartbeatTest extends ServiceTest {
    private static final long SECOND = 1_000_000_000L;
    private static final WsLimits LIMITS = new WsLimits(List.of(), 4000, 65536, 5, 20, Duration.ofSeconds(1), Duration.ofSeconds(3), 100);

    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final Heartbeats heartbeats = Heartbeats.driven(LIMITS, Duration.ofSeconds(10), now::get);

    @Override
    protected Map<String, String> config() {
        // The end-to-end case waits on the real clock: the shortest settings keep that wait about a second.
        return Map.of("ikkuna.ws.heartbeat-interval-seconds", "1",
                "ikkuna.ws.heartbeat-timeout-seconds", "1", "ikkuna.rules.dir", CountyRules.coreOnly().toString());
    }

    @Test
    void silentPeerIsClosed() throws Exception {
        try (RawWs raw = new RawWs(server, "/ws/resident", null)) {
            assertTrue(raw.handshakeStatus().contains("101"));
            long started = System.nanoTime();
            int code = raw.awaitClose();
            long millis = (System.nanoTime() - started) / 1_000_000L;
            assertEquals(Heartbeats.CLOSE_HEARTBEAT_TIMEOUT, code);
            assertTrue(millis >= 900, "closed too early: " + millis + " ms");
        }
    }

    @Test
    void idleLiveClientStaysConnected() throws Exception {
        Peer peer = greetedPeer();
        for (int s = 1; s <= 60; s++) {
            advance(SECOND);
            assertEquals("ping", peer.next(), "one ping per interval, second " + s);
            peer.connection.markSeen(); // its pong, as FrameListener.onPong records it
        }
        assertTrue(peer.connection.isOpen(), "a client answering pings must not be dropped");
        assertEquals(1, heartbeats.count());
    }

    @Test
    void peerThatStopsAnsweringIsCutOffAfterTheTimeoutNotBefore() throws Exception {
        Peer peer = greetedPeer();
        advance(SECOND);
        assertEquals("ping", peer.next());
        peer.connection.markSeen();
        advance(SECOND);
        advance(SECOND);
        advance(SECOND); // exactly the timeout since it was last heard: not yet
        assertTrue(peer.connection.isOpen());
        assertEquals(List.of("ping", "ping", "ping"), List.of(peer.next(), peer.next(), peer.next()));
        advance(SECOND / 2);
        assertEquals("close " + Heartbeats.CLOSE_HEARTBEAT_TIMEOUT, peer.next());
        assertEquals("terminate", peer.next());
        assertEquals(0, heartbeats.count());
    }

    @Test
    void anyFrameCountsAsBeingHeard() throws Exception {
        Peer peer = greetedPeer();
        for (int s = 1; s <= 10; s++) {
            advance(SECOND * 2);
            peer.connection.markSeen(); // a message, not a pong: the peer is alive either way
        }
        assertTrue(peer.connection.isOpen());
    }

    @Test
    void socketWithoutHelloIsTerminatedAfterTheHelloTimeout() throws Exception {
        Peer peer = new Peer();
        for (int s = 1; s <= 10; s++) {
            advance(SECOND);
            peer.connection.markSeen(); // it answers pings, but never says hello
        }
        assertTrue(peer.connection.isOpen(), "ten seconds is the limit, not yet past it");
        advance(1);
        assertEquals("close " + Heartbeats.CLOSE_HELLO_TIMEOUT, peer.nextBesidesPings());
    }

    private void advance(long nanos) {
        now.addAndGet(nanos);
        heartbeats.sweep();
    }

    private Peer greetedPeer() {
        Peer p = new Peer();
        p.connection.greeted();
        return p;
    }

    /** A connection over a session that records what the connection's writer does to it, in order. */
    private final class Peer {
        final BlockingQueue<String> calls = new LinkedBlockingQueue<>();
        final Connection connection;

        Peer() {
            connection = new Connection(session(), 100, now::get);
            heartbeats.register(connection);
        }

        String next() throws InterruptedException {
            String call = calls.poll(5, TimeUnit.SECONDS);
            assertTrue(call != null, "the connection's writer did nothing");
            return call;
        }

        String nextBesidesPings() throws InterruptedException {
            String call;
            do {
                call = next();
            } while (call.equals("ping"));
            return call;
        }

        private WsSession session() {
            PeerInfo peer = proxy(PeerInfo.class, (name, args) -> name.equals("host") ? "127.0.0.1" : null);
            SocketContext socket = proxy(SocketContext.class, (name, args) -> name.equals("remotePeer") ? peer : null);
            return proxy(WsSession.class, (name, args) -> {
                switch (name) {
                    case "socketContext" -> {
                        return socket;
                    }
                    case "close" -> calls.add("close " + args[0]);
                    default -> calls.add(name);
                }
                return null;
            });
        }
    }

    private interface Call {
        Object on(String name, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Call call) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> m.getDeclaringClass() == Object.class ? (m.getName().equals("hashCode") ? System.identityHashCode(p)
                        : m.getName().equals("equals") ? p == args[0] : "session") : call.on(m.getName(), args)));
    }
}
