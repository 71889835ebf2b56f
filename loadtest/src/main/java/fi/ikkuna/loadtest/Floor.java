package fi.ikkuna.loadtest;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;

/** The floor: the bare Helidon echo endpoint with N connections, idle RSS, then RTT at the given rate for a while. */
final class Floor {
    record Result(Stats rtt, long sent, long echoed, double seconds, long rssIdleKb, long rssMaxKb, double cpuSec,
                  Duration connect, int failed) {
    }

    /** Runs once the floor's connections are open, before its traffic (the service boots meanwhile). */
    interface Step {
        void run() throws Exception;
    }

    private final Harness h;
    private final ServiceProcess processes;
    /** The echo's RSS with the idle connections open, once {@link #idle} ran; 0 before. */
    long idleKb;

    Floor(Harness h, ServiceProcess processes) {
        this.h = h;
        this.processes = processes;
    }

    Result run(int n, double rate, Duration duration, Step beforeTraffic) throws Exception {
        Harness.log("floor: starting echo server, " + n + " connections");
        try (Proc echo = processes.startEcho()) {
            URI uri = URI.create("ws://127.0.0.1:" + h.o.i("echo-port") + "/echo");
            Stats rtt = new Stats("echo RTT");
            Map<String, Long> pending = new ConcurrentHashMap<>();
            AtomicLong echoed = new AtomicLong();
            WsClient[] conns = new WsClient[n];
            long t0 = System.nanoTime();
            int failed = 0;
            for (int start = 0; start < n; start += h.o.i("batch")) {
                int end = Math.min(n, start + h.o.i("batch"));
                List<CompletableFuture<WsClient>> fs = new ArrayList<>();
                for (int k = start; k < end; k++) {
                    fs.add(WsClient.connect(h.client(), uri, null, (text, now) -> {
                        try {
                            JsonNode f = Harness.JSON.readTree(text);
                            Long s = pending.remove(f.get("clientMsgId").asText());
                            if (s != null) {
                                rtt.recordNanos(now - s);
                                echoed.incrementAndGet();
                            }
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }));
                }
                for (int k = start; k < end; k++) {
                    try {
                        conns[k] = fs.get(k - start).get(60, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        failed++;
                    }
                }
            }
            Duration connect = Duration.ofNanos(System.nanoTime() - t0);
            beforeTraffic.run();
            Thread.sleep(2000);
            long rssIdle = echo.rssKb();
            echo.resetMax();
            double cpu0 = Proc.cpuSeconds(echo.pid);
            Harness.log("floor: connected in " + connect.toMillis() + " ms, RSS " + rssIdle / 1024 + " MiB; sending " + rate + "/s for " + duration);
            long total = (long) (rate * duration.toMillis() / 1000.0);
            long interval = (long) (1e9 / rate);
            long begin = System.nanoTime();
            long sentCount = 0;
            for (long k = 0; k < total && !h.stopping; k++) {
                long due = begin + k * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                WsClient c = conns[(int) (k % n)];
                if (c == null) {
                    continue;
                }
                String id = "e" + (k % n) + "-" + k;
                String frame = Traffic.messageFrame(id, null);
                pending.put(id, System.nanoTime());
                c.send(frame);
                sentCount++;
            }
            long drainUntil = System.nanoTime() + h.o.dur("drain").toNanos();
            while (!pending.isEmpty() && System.nanoTime() < drainUntil && !h.stopping) {
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            double cpu = Proc.cpuSeconds(echo.pid) - cpu0;
            long rssMax = echo.maxRssKb();
            for (WsClient c : conns) {
                if (c != null) {
                    c.abort();
                }
            }
            return new Result(rtt, sentCount, echoed.get(), seconds, rssIdle, rssMax, cpu, connect, failed);
        }
    }

    /** Idle echo connections only (the idle scenario's floor): RSS with N open sockets and nothing sent. */
    void idle(int n, Duration hold) throws Exception {
        Harness.log("floor: " + n + " idle echo connections");
        try (Proc echo = processes.startEcho()) {
            URI uri = URI.create("ws://127.0.0.1:" + h.o.i("echo-port") + "/echo");
            List<WsClient> conns = connectAll(n, uri, (text, now) -> {
            });
            long t0 = System.nanoTime();
            while (System.nanoTime() - t0 < Math.min(hold.toNanos(), TimeUnit.SECONDS.toNanos(10))) {
                Thread.sleep(500);
            }
            idleKb = echo.rssKb();
            long max = echo.maxRssKb();
            h.line(String.format(Locale.ROOT, "- floor: bare Helidon echo with %d idle connections: RSS %d MiB (max %d MiB), %d threads",
                    conns.size(), idleKb / 1024, max / 1024, Proc.threads(echo.pid)));
            conns.forEach(WsClient::abort);
        }
    }

    private List<WsClient> connectAll(int n, URI uri, WsClient.Handler handler) throws InterruptedException {
        List<WsClient> out = new ArrayList<>();
        for (int start = 0; start < n; start += h.o.i("batch")) {
            int end = Math.min(n, start + h.o.i("batch"));
            List<CompletableFuture<WsClient>> fs = new ArrayList<>();
            for (int k = start; k < end; k++) {
                fs.add(WsClient.connect(h.client(), uri, null, handler));
            }
            for (CompletableFuture<WsClient> f : fs) {
                try {
                    out.add(f.get(60, TimeUnit.SECONDS));
                } catch (Exception e) {
                    h.count("floor connect failed");
                }
            }
        }
        return out;
    }
}
