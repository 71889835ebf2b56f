package fi.ikkuna.protocol;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Keeps idle connections alive and finds dead ones: every interval each connection gets a WebSocket ping;
 * one that has sent nothing (no frame, no pong) for the timeout is terminated with close code 4408. A connection
 * that has not completed its hello within the hello timeout is terminated with 4401: an open socket that never
 * says hello holds a thread and a slot of its address and does nothing a client needs.
 * Time comes from a monotonic ticker that connections share, so a test can drive sweeps on a clock it moves.
 */
public final class Heartbeats implements AutoCloseable {
    public static final int CLOSE_HEARTBEAT_TIMEOUT = 4408;
    public static final int CLOSE_HELLO_TIMEOUT = 4401;

    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final WsLimits limits;
    private final long helloTimeoutNanos;
    private final LongSupplier ticker;
    private final Thread loop;
    private volatile boolean running = true;
    private long nextPing;

    public Heartbeats(WsLimits limits, Duration helloTimeout) {
        this(limits, helloTimeout, System::nanoTime, true);
    }

    private Heartbeats(WsLimits limits, Duration helloTimeout, LongSupplier ticker, boolean loop) {
        this.limits = limits;
        this.helloTimeoutNanos = helloTimeout.toNanos();
        this.ticker = ticker;
        this.nextPing = ticker.getAsLong() + limits.heartbeatInterval().toNanos();
        this.loop = loop ? Thread.ofVirtual().name("heartbeats").start(this::run) : null;
    }

    /** No loop of its own: the caller runs {@link #sweep()} whenever it has moved the ticker. */
    static Heartbeats driven(WsLimits limits, Duration helloTimeout, LongSupplier ticker) {
        return new Heartbeats(limits, helloTimeout, ticker, false);
    }

    /** The time source every connection watched here measures its silence with. */
    public LongSupplier ticker() {
        return ticker;
    }

    public void register(Connection c) {
        connections.add(c);
    }

    public void unregister(Connection c) {
        connections.remove(c);
    }

    public int count() {
        return connections.size();
    }

    private void run() {
        long interval = limits.heartbeatInterval().toNanos();
        // Ticks often enough for the hello timeout; pings still go out once per heartbeat interval.
        long tick = Math.max(100_000_000L, Math.min(interval, helloTimeoutNanos / 4));
        while (running) {
            try {
                Thread.sleep(Duration.ofNanos(tick));
            } catch (InterruptedException e) {
                return;
            }
            sweep();
        }
    }

    /** One pass: drops closed connections, terminates the ungreeted and the silent, pings the rest when due. */
    synchronized void sweep() {
        long now = ticker.getAsLong();
        boolean ping = now - nextPing >= 0;
        if (ping) {
            nextPing += limits.heartbeatInterval().toNanos();
        }
        for (Connection c : connections) {
            if (!c.isOpen()) {
                connections.remove(c);
            } else if (c.ungreetedNanos() > helloTimeoutNanos) {
                connections.remove(c);
                c.terminate(CLOSE_HELLO_TIMEOUT, "hello timeout");
            } else if (c.silentNanos() > limits.heartbeatTimeout().toNanos()) {
                connections.remove(c);
                c.terminate(CLOSE_HEARTBEAT_TIMEOUT, "heartbeat timeout");
            } else if (ping) {
                c.ping();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
    }
}
