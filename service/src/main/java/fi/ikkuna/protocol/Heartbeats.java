package fi.ikkuna.protocol;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps idle connections alive and finds dead ones: every interval each connection gets a WebSocket ping;
 * one that has sent nothing (no frame, no pong) for the timeout is terminated with close code 4408.
 */
public final class Heartbeats implements AutoCloseable {
    public static final int CLOSE_HEARTBEAT_TIMEOUT = 4408;

    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final WsLimits limits;
    private final Thread loop;
    private volatile boolean running = true;

    public Heartbeats(WsLimits limits) {
        this.limits = limits;
        this.loop = Thread.ofVirtual().name("heartbeats").start(this::run);
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
        long timeout = limits.heartbeatTimeout().toNanos();
        while (running) {
            try {
                Thread.sleep(limits.heartbeatInterval());
            } catch (InterruptedException e) {
                return;
            }
            for (Connection c : connections) {
                if (!c.isOpen()) {
                    connections.remove(c);
                } else if (c.silentNanos() > timeout) {
                    connections.remove(c);
                    c.terminate(CLOSE_HEARTBEAT_TIMEOUT, "heartbeat timeout");
                } else {
                    c.ping();
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        loop.interrupt();
    }
}
