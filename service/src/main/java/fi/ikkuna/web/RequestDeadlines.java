package fi.ikkuna.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Status;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;

/**
 * Deadlines Helidon 4.3 does not have: once a request line arrived, its headers must follow within
 * {@code header-timeout-seconds}, and the answer's status must be on its way within {@code request-timeout-seconds}
 * (a slow body counts). Helidon's read timeout does not apply once a request started, so a client that sends half a
 * header could hold a connection for ever. A sweeper closes the socket of a request past its deadline; closing
 * unblocks the reader thread, which ends the connection. A WebSocket upgrade answers 101 and is then the
 * heartbeat's business (ikkuna.ws.heartbeat-*).
 */
public final class RequestDeadlines implements Http1ConnectionListener, AutoCloseable {
    private final long headerNanos;
    private final long requestNanos;
    /** connection → {deadline (nanoTime), headers seen (0/1)} for requests still waiting for their answer */
    private final Map<ConnectionContext, long[]> pending = new ConcurrentHashMap<>();
    private final Thread sweeper;
    private volatile boolean running = true;

    RequestDeadlines(int headerTimeoutSeconds, int requestTimeoutSeconds) {
        this.headerNanos = headerTimeoutSeconds * 1_000_000_000L;
        this.requestNanos = requestTimeoutSeconds * 1_000_000_000L;
        this.sweeper = Thread.ofVirtual().name("request-deadlines").start(this::run);
    }

    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        pending.put(ctx, new long[] {System.nanoTime() + headerNanos, 0});
    }

    @Override
    public void headers(ConnectionContext ctx, Headers headers) {
        // Send listeners are told of response headers too; only the request's extend the deadline.
        pending.computeIfPresent(ctx, (k, d) -> d[1] == 0 ? new long[] {System.nanoTime() + requestNanos, 1} : d);
    }

    @Override
    public void status(ConnectionContext ctx, Status status) {
        pending.remove(ctx);
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            pending.forEach((ctx, deadline) -> {
                if (now - deadline[0] > 0 && pending.remove(ctx, deadline)) {
                    close(ctx);
                }
            });
            // a connection that ended between prologue and status leaves nothing behind for long
            pending.keySet().removeIf(ctx -> !ctx.serverSocket().isConnected());
        }
    }

    private static void close(ConnectionContext ctx) {
        try {
            ctx.serverSocket().close();
        } catch (RuntimeException e) {
            // already closed by the client
        }
    }

    @Override
    public void close() {
        running = false;
        sweeper.interrupt();
    }
}
