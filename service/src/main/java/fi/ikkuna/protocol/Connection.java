package fi.ikkuna.protocol;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import fi.ikkuna.web.Json;

import io.helidon.common.buffers.BufferData;
import io.helidon.websocket.WsCloseCodes;
import io.helidon.websocket.WsSession;

/**
 * One open WebSocket. Frames to it go through a bounded outbox drained by its own virtual thread, so a slow
 * client never blocks the thread that committed a message, and sends from many threads never interleave.
 */
public final class Connection {
    private static final Logger LOG = Logger.getLogger(Connection.class.getName());
    private static final Object CLOSE = new Object();

    private final WsSession session;
    private final BlockingQueue<Object> outbox;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final LongSupplier ticker;
    private final long openedNanos;
    private final String address;
    private volatile long lastSeenNanos;
    private volatile boolean greeted;
    private final java.util.List<Runnable> whenGone = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicBoolean gone = new AtomicBoolean();

    /** {@code ticker}: the monotonic time the heartbeats that watch this connection measure with. */
    public Connection(WsSession session, int queueLimit, LongSupplier ticker) {
        this.session = session;
        this.ticker = ticker;
        this.openedNanos = ticker.getAsLong();
        this.lastSeenNanos = openedNanos;
        this.address = session.socketContext().remotePeer().host();
        // Linked, not array-backed: an idle connection should not carry a preallocated slot array.
        this.outbox = new LinkedBlockingQueue<>(queueLimit);
        Thread.ofVirtual().name("ws-out").start(this::drain);
    }

    /** Queues a frame; a client that lets its outbox overflow is closed (it will resume from its last sequence). */
    public void send(Object frame) {
        sendText(Json.write(frame));
    }

    /** Queues an already serialised frame: fan-out serialises once for all receivers. */
    public void sendText(String frame) {
        if (!open.get()) {
            return;
        }
        if (!outbox.offer(frame)) {
            LOG.warning("Outbox full, closing slow connection");
            close(WsCloseCodes.TRY_AGAIN_LATER, "send queue full");
        }
    }

    public void ping() {
        if (open.get()) {
            outbox.offer(BufferData.empty());
        }
    }

    /** Closes after the frames already queued are written. */
    public void close(int code, String reason) {
        closeWith(new CloseFrame(code, reason, false));
    }

    /** Sends a close frame and drops the transport without waiting for the peer: for peers presumed dead. */
    public void terminate(int code, String reason) {
        closeWith(new CloseFrame(code, reason, true));
    }

    private void closeWith(CloseFrame frame) {
        if (open.compareAndSet(true, false) && !outbox.offer(frame)) {
            // Only a full outbox (a client not reading) loses its pending frames; it resumes by sequence number.
            outbox.clear();
            outbox.offer(frame);
        }
    }

    /** The client's address (TCP peer), for per-address limits. */
    public String address() {
        return address;
    }

    /** The endpoint accepted this connection's hello; until then the hello timeout applies. */
    public void greeted() {
        greeted = true;
    }

    /** Nanoseconds since the connection opened without a successful hello, or 0 once it said hello. */
    public long ungreetedNanos() {
        return greeted ? 0 : ticker.getAsLong() - openedNanos;
    }

    public void markSeen() {
        lastSeenNanos = ticker.getAsLong();
    }

    public long silentNanos() {
        return ticker.getAsLong() - lastSeenNanos;
    }

    public boolean isOpen() {
        return open.get();
    }

    /** Called when the peer or the transport closed it. */
    public void closed() {
        open.set(false);
        outbox.offer(CLOSE);
    }

    /**
     * Runs {@code r} once when this connection is gone, however it went: closed by the peer, or terminated here (a
     * heartbeat timeout, whose dead peer never sends a close). A live call needs to know at once (call package).
     */
    public void whenGone(Runnable r) {
        whenGone.add(r);
        if (gone.get() && whenGone.remove(r)) {
            r.run();
        }
    }

    private void gone() {
        if (gone.compareAndSet(false, true)) {
            for (Runnable r : whenGone) {
                if (whenGone.remove(r)) {
                    r.run();
                }
            }
        }
    }

    private void drain() {
        try {
            while (true) {
                Object next = outbox.take();
                if (next == CLOSE) {
                    gone();
                    return;
                }
                if (next instanceof CloseFrame cf) {
                    try {
                        session.close(cf.code, cf.reason);
                        if (cf.terminate) {
                            session.terminate();
                        }
                    } finally {
                        gone();
                    }
                    return;
                }
                if (next instanceof BufferData ping) {
                    session.ping(ping);
                } else {
                    session.send((String) next, true);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The socket died under us; the reader side sees the close and cleans up.
            LOG.log(Level.FINE, "WebSocket write failed", e);
            open.set(false);
            gone();
        }
    }

    private record CloseFrame(int code, String reason, boolean terminate) {
    }
}
