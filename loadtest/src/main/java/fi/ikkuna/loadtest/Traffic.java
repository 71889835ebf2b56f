package fi.ikkuna.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntUnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The simulated people and what they sent: residents and professionals over docs/protocol.md, every message
 * awaiting its ack and its live delivery, the latency figures and the counts the verifier checks.
 */
final class Traffic {
    private static final String PAD = "Hei, minulla on kysymys ajanvarauksesta ja haluaisin puhua hoitajan kanssa. ";

    final Harness h;
    ResidentClient[] residents = new ResidentClient[0];
    ProClient[] pros = new ProClient[0];
    final Map<String, Msg> sent = new ConcurrentHashMap<>();
    final Stats resAck = new Stats("resident ack");
    final Stats proAck = new Stats("professional ack");
    final Stats resToPro = new Stats("resident → professional");
    final Stats proToRes = new Stats("professional → resident");
    final Stats claimLatency = new Stats("claim → claimed");
    final AtomicLong claimed = new AtomicLong();
    final AtomicLong dupSeqFrames = new AtomicLong();
    final AtomicLong dupAcks = new AtomicLong();
    final AtomicLong duplicateFlagged = new AtomicLong();
    final AtomicLong snapshots = new AtomicLong();
    final AtomicLong snapshotBytes = new AtomicLong();
    final AtomicLong queueFrames = new AtomicLong();
    final AtomicLong framesIn = new AtomicLong();
    /** Professionals stop replying after the measured phase ends. */
    volatile long measureEnd = Long.MAX_VALUE;
    volatile double replyRatio;

    Traffic(Harness h) {
        this.h = h;
    }

    /** One message the harness sent, awaiting its ack (sender) and its live delivery (the other side). */
    static final class Msg {
        final long sentNanos;
        final boolean measured;
        final int resident;
        final boolean fromResident;
        volatile long ackSeq = -1;
        final AtomicInteger acks = new AtomicInteger();
        final AtomicInteger deliveries = new AtomicInteger();

        Msg(long sentNanos, boolean measured, int resident, boolean fromResident) {
            this.sentNanos = sentNanos;
            this.measured = measured;
            this.resident = resident;
            this.fromResident = fromResident;
        }
    }

    static String messageFrame(String clientMsgId, String conversationId) {
        ObjectNode f = Harness.JSON.createObjectNode().put("type", "message");
        if (conversationId != null) {
            f.put("conversationId", conversationId);
        }
        f.put("clientMsgId", clientMsgId).put("text", PAD + clientMsgId);
        return f.toString();
    }

    static JsonNode parse(String text) {
        try {
            return Harness.JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("bad frame from server: " + text, e);
        }
    }

    /** Messages not acked yet, or measured ones not yet delivered to the other side. */
    long outstanding() {
        return sent.values().stream().filter(x -> x.acks.get() == 0 || (x.measured && x.deliveries.get() == 0)).count();
    }

    /** A demo account's session cookie. */
    String login(String base, String user, String password) throws Exception {
        HttpResponse<String> r = h.client().send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login " + user + ": " + r.statusCode() + " " + r.body());
        }
        return r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("IKKUNA_SESSION="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no session cookie"));
    }

    /**
     * Opens residents in batches of {@code batch} handshakes, each followed by hello → welcome; with
     * {@code askAtWelcome} each asks its first question right after the greeting (the peak). Returns the failures.
     */
    int connectResidents(URI uri, int n, IntUnaryOperator professionalOf, boolean askAtWelcome) {
        residents = new ResidentClient[n];
        int failed = 0;
        for (int start = 0; start < n; start += h.o.i("batch")) {
            int end = Math.min(n, start + h.o.i("batch"));
            List<CompletableFuture<WsClient>> fs = new ArrayList<>();
            for (int k = start; k < end; k++) {
                residents[k] = new ResidentClient(this, k, professionalOf.applyAsInt(k));
                fs.add(WsClient.connect(h.client(), uri, null, residents[k]));
            }
            for (int k = start; k < end; k++) {
                try {
                    residents[k].ws = fs.get(k - start).get(60, TimeUnit.SECONDS);
                    residents[k].ws.send("{\"type\":\"hello\",\"v\":1,\"lang\":\"fi\"}");
                } catch (Exception e) {
                    failed++;
                }
            }
            for (int k = start; k < end; k++) {
                if (residents[k].ws != null) {
                    try {
                        residents[k].welcome.get(60, TimeUnit.SECONDS);
                        if (askAtWelcome) {
                            residents[k].send(false);
                        }
                    } catch (Exception e) {
                        failed++;
                        residents[k].ws = null;
                    }
                }
            }
        }
        return failed;
    }

    long openResidents() {
        return java.util.Arrays.stream(residents).filter(r -> r.ws != null).count();
    }

    /** Drops every harness connection at once (no close handshake): freezes the client view. */
    void abortAll() {
        for (ResidentClient r : residents) {
            if (r != null && r.ws != null) {
                r.ws.abort();
            }
        }
        for (ProClient p : pros) {
            if (p != null && p.ws != null) {
                p.ws.abort();
            }
        }
    }
}
