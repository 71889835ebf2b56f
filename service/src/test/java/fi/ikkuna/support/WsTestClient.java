package fi.ikkuna.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.web.Json;

/** A protocol client over the JDK WebSocket: records every frame so tests can wait for the one they expect. */
public final class WsTestClient implements WebSocket.Listener, AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<ObjectNode> frames = new ArrayList<>();
    private final List<Boolean> taken = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final Object sendLock = new Object();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket ws;

    public static WsTestClient connect(URI uri, Map<String, String> headers) {
        WsTestClient c = new WsTestClient();
        WebSocket.Builder b = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(b::header);
        c.ws = b.buildAsync(uri, c).orTimeout(10, TimeUnit.SECONDS).join();
        return c;
    }

    public static WsTestClient connect(URI uri) {
        return connect(uri, Map.of());
    }

    public void send(ObjectNode frame) {
        sendRaw(Json.write(frame));
    }

    /** Sends under its own lock: holding the frame monitor here would block the JDK's reader and deadlock. */
    public void sendRaw(String text) {
        synchronized (sendLock) {
            ws.sendText(text, true).join();
        }
    }

    /** As {@link #sendRaw}, but false instead of an exception when the server has already closed the socket. */
    public boolean trySendRaw(String text) {
        try {
            sendRaw(text);
            return true;
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.io.IOException) {
                return false;
            }
            throw e;
        }
    }

    /** Waits for the first not-yet-taken frame matching {@code p}, takes it and returns it. */
    public synchronized ObjectNode await(Predicate<ObjectNode> p, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (int i = 0; i < frames.size(); i++) {
                if (!taken.get(i) && p.test(frames.get(i))) {
                    taken.set(i, true);
                    return frames.get(i);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("No matching frame within " + timeout + "; received: " + frames);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    public ObjectNode await(String type) {
        return await(f -> type.equals(f.path("type").asText()), WAIT);
    }

    public ObjectNode await(String type, Predicate<ObjectNode> p) {
        return await(f -> type.equals(f.path("type").asText()) && p.test(f), WAIT);
    }

    /** All frames of a type received so far (taken or not). */
    public synchronized List<ObjectNode> all(String type) {
        return frames.stream().filter(f -> type.equals(f.path("type").asText())).toList();
    }

    public int awaitClose() {
        return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** Closes with a normal close handshake and waits for the server's answer, as a browser tab closing does. */
    public void closeNormally() {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(10, TimeUnit.SECONDS).join();
        awaitClose();
    }

    /** Drops the TCP connection without a close handshake, as a crashed browser would. */
    public void abort() {
        ws.abort();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            ObjectNode frame = Json.parseObject(partial.toString());
            partial.setLength(0);
            synchronized (this) {
                frames.add(frame);
                taken.add(false);
                notifyAll();
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        synchronized (this) {
            notifyAll();
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            ws.abort();
        }
    }
}
