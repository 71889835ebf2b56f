package fi.ikkuna.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.support.Backend;
import fi.ikkuna.support.ChildService;
import fi.ikkuna.support.CountyRules;
import fi.ikkuna.support.Frames;
import fi.ikkuna.support.TestServer;
import fi.ikkuna.support.WsTestClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * D6 of docs/delivery.md: an ack means durable. The service runs as a child process, a resident sends as
 * fast as acks come back (a bounded window in flight), the process is killed with SIGKILL mid-stream and
 * started again on the same database: every acknowledged message is there exactly once, and the next message
 * gets a sequence number above every one acknowledged before the crash (none reused).
 */
@Tag("slow")
abstract class CrashDurabilityContract {
    private static final int WINDOW = 16;

    protected abstract Backend backend();

    @Test
    void everyAckedMessageSurvivesKillMinus9() throws Exception {
        try (Backend backend = backend()) {
            Map<String, String> config = new HashMap<>(backend.config());
            config.putAll(TestServer.FAST_CLIENTS);
            config.put("ikkuna.rules.dir", CountyRules.coreOnly().toString());
            config.put("ikkuna.demo.seed", "never");
            try (ChildService service = new ChildService(config)) {
                service.start();
                Map<String, Long> acked = new ConcurrentHashMap<>();
                String token;
                try (WsTestClient ws = WsTestClient.connect(service.ws("/ws/resident"))) {
                    ws.send(Frames.hello("fi"));
                    token = ws.await("welcome").path("resumeToken").asText();
                    sendUntilKilled(ws, service, acked);
                }
                assertTrue(acked.size() >= 50, "too few acks before the kill to prove anything: " + acked.size());
                service.start();
                try (WsTestClient ws = WsTestClient.connect(service.ws("/ws/resident"))) {
                    ws.send(Frames.resume(token, 0));
                    long lastSeq = ws.await("welcome").path("lastSeq").asLong();
                    ws.await("message", f -> f.path("seq").asLong() == lastSeq);
                    Map<Long, String> stored = ws.all("message").stream()
                            .collect(Collectors.toMap(f -> f.path("seq").asLong(), f -> f.path("text").asText()));
                    List<String> lost = acked.entrySet().stream().filter(a -> !a.getKey().equals(stored.get(a.getValue())))
                            .map(a -> a.getKey() + "@" + a.getValue()).sorted().toList();
                    assertEquals(List.of(), lost, lost.size() + " of " + acked.size() + " acked messages lost (id@seq)");
                    long maxAcked = acked.values().stream().mapToLong(Long::longValue).max().orElseThrow();
                    ws.send(Frames.message("after-restart", "after-restart"));
                    long next = ws.await("ack", f -> f.path("clientMsgId").asText().equals("after-restart")).path("seq").asLong();
                    assertTrue(next > maxAcked, "seq " + next + " reused after the crash; highest acked before: " + maxAcked);
                    List<String> texts = ws.all("message").stream().filter(f -> "resident".equals(f.path("author").asText()))
                            .map(f -> f.path("text").asText()).toList();
                    Map<String, Long> counts = texts.stream().collect(Collectors.groupingBy(t -> t, Collectors.counting()));
                    acked.keySet().forEach(t -> assertEquals(1L, counts.get(t), "message '" + t + "' replayed " + counts.get(t) + " times"));
                }
            }
        }
    }

    /** Sends numbered messages with at most {@link #WINDOW} unacknowledged, and kills the service 1.5 s in. */
    private static void sendUntilKilled(WsTestClient ws, ChildService service, Map<String, Long> acked) throws Exception {
        Semaphore window = new Semaphore(WINDOW);
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    ObjectNode ack = ws.await(f -> "ack".equals(f.path("type").asText()), java.time.Duration.ofSeconds(3));
                    acked.put(ack.path("clientMsgId").asText(), ack.path("seq").asLong());
                    window.release();
                }
            } catch (AssertionError end) {
                // no ack for 3 s: the service is gone
            }
        });
        long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
        int n = 0;
        while (System.nanoTime() < killAt) {
            if (window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                String id = "crash-" + (++n);
                ws.send(Frames.message(id, id));
            }
        }
        service.kill();
        reader.join();
    }
}
