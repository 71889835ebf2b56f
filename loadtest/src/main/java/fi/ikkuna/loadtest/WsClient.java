package fi.ikkuna.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One JDK {@link WebSocket} with whole-frame delivery to a handler and serialised sends (the JDK client allows
 * one outstanding send per socket, so sends are chained).
 */
final class WsClient implements WebSocket.Listener {
    static final AtomicLong SEND_FAILURES = new AtomicLong();
    static final AtomicLong TRANSPORT_ERRORS = new AtomicLong();

    /** Receives whole text frames with the nanoTime they arrived. */
    interface Handler {
        void onFrame(String text, long nowNanos);

        default void onClose(int code, String reason) {
        }
    }

    private final Handler handler;
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket ws;
    private CompletableFuture<?> chain = CompletableFuture.completedFuture(null);
    volatile int closeCode = -1;
    volatile boolean closedByUs;

    private WsClient(Handler handler) {
        this.handler = handler;
    }

    static CompletableFuture<WsClient> connect(HttpClient http, URI uri, String cookie, Handler handler) {
        WsClient c = new WsClient(handler);
        WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b.buildAsync(uri, c).thenApply(w -> {
            c.ws = w;
            return c;
        });
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        this.ws = webSocket;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        try {
            if (last && partial.isEmpty()) {
                handler.onFrame(data.toString(), now);
            } else {
                partial.append(data);
                if (last) {
                    String whole = partial.toString();
                    partial.setLength(0);
                    handler.onFrame(whole, now);
                }
            }
        } catch (RuntimeException e) {
            TRANSPORT_ERRORS.incrementAndGet();
            System.err.println("handler failed: " + e);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode = statusCode;
        handler.onClose(statusCode, reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (!closedByUs) {
            TRANSPORT_ERRORS.incrementAndGet();
            closeCode = 1006;
            handler.onClose(1006, String.valueOf(error));
        }
    }

    /** Queues a text frame behind any earlier one on this socket. */
    void send(String text) {
        synchronized (this) {
            chain = chain.thenCompose(x -> ws.sendText(text, true)).exceptionally(t -> {
                if (!closedByUs) {
                    SEND_FAILURES.incrementAndGet();
                }
                return null;
            });
        }
    }

    boolean open() {
        WebSocket w = ws;
        return w != null && !w.isOutputClosed() && !w.isInputClosed();
    }

    /** Drops the connection without the closing handshake (the harness is done with it). */
    void abort() {
        closedByUs = true;
        WebSocket w = ws;
        if (w != null) {
            w.abort();
        }
    }
}
