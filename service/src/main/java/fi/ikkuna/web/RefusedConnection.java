package fi.ikkuna.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.helidon.common.buffers.BufferData;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.spi.ServerConnection;

/** The answer to a connection over its address's cap: a 503 saying so, then the connection is closed. */
final class RefusedConnection implements ServerConnection {
    private static final String BODY = "{\"error\":{\"code\":\"rate_limited\",\"message\":\"Too many connections; try again\"}}";
    private static final byte[] RESPONSE = ("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 10\r\n"
            + "Content-Type: application/json\r\nContent-Length: " + BODY.length() + "\r\n\r\n" + BODY).getBytes(StandardCharsets.US_ASCII);
    private final ConnectionContext ctx;

    RefusedConnection(ConnectionContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void handle(io.helidon.common.concurrency.limits.Limit limit) {
        ctx.dataWriter().writeNow(BufferData.create(RESPONSE));
    }

    @SuppressWarnings({"deprecation", "removal"}) // Helidon 4.3's ServerConnection still declares it abstract
    @Override
    public void handle(java.util.concurrent.Semaphore requestSemaphore) {
        ctx.dataWriter().writeNow(BufferData.create(RESPONSE));
    }

    @Override
    public Duration idleTime() {
        return Duration.ZERO;
    }

    @Override
    public void close(boolean interrupt) {
        // handle() returns at once; the listener closes the socket after it
    }
}
