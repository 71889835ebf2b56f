package fi.ikkuna.loadtest;

import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;

/** One simulated resident: asks, records acks and every sequence number it receives, hands its queued contact to its professional. */
final class ResidentClient implements WsClient.Handler {
    private final Traffic t;
    final int idx;
    final int pro;
    WsClient ws;
    volatile String conversationId;
    final CompletableFuture<String> welcome = new CompletableFuture<>();
    final AtomicBoolean claimAsked = new AtomicBoolean();
    volatile boolean assigned;
    final BitSet seqs = new BitSet();
    long maxSeq;
    int nextMsg;

    ResidentClient(Traffic t, int idx, int pro) {
        this.t = t;
        this.idx = idx;
        this.pro = pro;
    }

    void send(boolean measured) {
        String id = "r" + idx + "-" + nextMsg++;
        long now = System.nanoTime();
        t.sent.put(id, new Traffic.Msg(now, measured, idx, true));
        ws.send(Traffic.messageFrame(id, null));
    }

    @Override
    public void onFrame(String text, long now) {
        t.framesIn.incrementAndGet();
        JsonNode f = Traffic.parse(text);
        switch (f.path("type").asText()) {
            case "welcome" -> {
                conversationId = f.path("conversationId").asText();
                welcome.complete(conversationId);
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
                if (f.path("duplicate").asBoolean()) {
                    t.duplicateFlagged.incrementAndGet();
                }
                m.ackSeq = f.path("seq").asLong();
                if (m.measured) {
                    t.resAck.recordNanos(now - m.sentNanos);
                }
            }
            case "message" -> {
                long seq = f.path("seq").asLong();
                synchronized (seqs) {
                    if (seqs.get((int) seq)) {
                        t.dupSeqFrames.incrementAndGet();
                    }
                    seqs.set((int) seq);
                    maxSeq = Math.max(maxSeq, seq);
                }
                if ("professional".equals(f.path("author").asText())) {
                    Traffic.Msg m = t.sent.get(f.path("clientMsgId").asText());
                    if (m != null) {
                        m.deliveries.incrementAndGet();
                        if (m.measured) {
                            t.proToRes.recordNanos(now - m.sentNanos);
                        }
                    }
                }
            }
            case "state" -> {
                String state = f.path("state").asText();
                if ("queued".equals(state) && claimAsked.compareAndSet(false, true)) {
                    t.pros[pro].claim(conversationId, idx);
                } else if ("assigned".equals(state)) {
                    assigned = true;
                }
            }
            case "queue" -> t.queueFrames.incrementAndGet();
            case "error" -> t.h.count("resident error " + f.path("code").asText());
            default -> {
            }
        }
    }

    @Override
    public void onClose(int code, String reason) {
        t.h.closed(code);
    }
}
