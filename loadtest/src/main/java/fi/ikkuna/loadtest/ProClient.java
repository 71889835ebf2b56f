package fi.ikkuna.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

/** One simulated professional: claims the conversations handed to it, answers a share of resident messages. */
final class ProClient implements WsClient.Handler {
    private final Traffic t;
    final int idx;
    WsClient ws;
    final CompletableFuture<Void> welcome = new CompletableFuture<>();
    final Map<String, Long> claimSent = new ConcurrentHashMap<>();
    final Map<String, Integer> residentOf = new ConcurrentHashMap<>();
    int nextMsg;
    double replyCredit;

    ProClient(Traffic t, int idx) {
        this.t = t;
        this.idx = idx;
    }

    /**
     * Greets every conversation this professional holds (not measured): the reply path then runs as often
     * before the measured phase as the first-message path did, as it has by mid-morning in a real service.
     */
    List<Traffic.Msg> greetAll() {
        List<Traffic.Msg> greetings = new ArrayList<>();
        for (Map.Entry<String, Integer> e : residentOf.entrySet()) {
            String id = "p" + idx + "-" + nextMsg++;
            Traffic.Msg m = new Traffic.Msg(System.nanoTime(), false, e.getValue(), false);
            t.sent.put(id, m);
            greetings.add(m);
            ws.send(Traffic.messageFrame(id, e.getKey()));
        }
        return greetings;
    }

    void claim(String conversationId, int resident) {
        residentOf.put(conversationId, resident);
        claimSent.put(conversationId, System.nanoTime());
        ws.send("{\"type\":\"claim\",\"conversationId\":\"" + conversationId + "\"}");
    }

    @Override
    public void onFrame(String text, long now) {
        t.framesIn.incrementAndGet();
        if (text.startsWith("{\"type\":\"queue_snapshot\"")) {
            // The board: counted, not parsed (the harness hands each queued id to its professional directly).
            t.snapshots.incrementAndGet();
            t.snapshotBytes.addAndGet(text.length());
            return;
        }
        JsonNode f = Traffic.parse(text);
        switch (f.path("type").asText()) {
            case "welcome" -> welcome.complete(null);
            case "claimed" -> {
                String id = f.path("conversation").path("id").asText();
                Long s = claimSent.remove(id);
                if (s != null) {
                    t.claimLatency.recordNanos(now - s);
                }
                t.claimed.incrementAndGet();
            }
            case "message" -> {
                if (!"resident".equals(f.path("author").asText())) {
                    return;
                }
                Traffic.Msg m = t.sent.get(f.path("clientMsgId").asText());
                if (m == null) {
                    return;
                }
                m.deliveries.incrementAndGet();
                if (m.measured) {
                    t.resToPro.recordNanos(now - m.sentNanos);
                }
                replyCredit += t.replyRatio;
                if (replyCredit >= 1 && now < t.measureEnd) {
                    replyCredit -= 1;
                    String id = "p" + idx + "-" + nextMsg++;
                    t.sent.put(id, new Traffic.Msg(System.nanoTime(), m.measured, m.resident, false));
                    ws.send(Traffic.messageFrame(id, f.path("conversationId").asText()));
                }
            }
            case "ack" -> {
                Traffic.Msg m = t.sent.get(f.path("clientMsgId").asText());
                if (m == null) {
                    t.h.count("unknown_ack");
                    return;
                }
                if (m.acks.incrementAndGet() > 1) {
                    t.dupAcks.incrementAndGet();
                }
                m.ackSeq = f.path("seq").asLong();
                if (m.measured) {
                    t.proAck.recordNanos(now - m.sentNanos);
                }
            }
            case "error" -> t.h.count("professional error " + f.path("code").asText());
            default -> {
            }
        }
    }

    @Override
    public void onClose(int code, String reason) {
        t.h.closed(code);
    }
}
