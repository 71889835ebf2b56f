package fi.ikkuna.loadtest;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What every part of one run shares: the options, the report, the HTTP clients, the error counts, the stop flag. */
final class Harness {
    static final ObjectMapper JSON = new ObjectMapper();

    final Options o;
    final Report report;
    final Path workDir;
    final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    final Map<Integer, AtomicLong> closes = new ConcurrentHashMap<>();
    private final List<HttpClient> clients = new ArrayList<>();
    private final AtomicInteger clientPick = new AtomicInteger();
    /** Set by the watchdog at --max-runtime: every loop stops and the report is printed with what was measured. */
    volatile boolean stopping;

    Harness(Options o) throws IOException {
        this.o = o;
        this.report = new Report(o);
        this.workDir = Files.createTempDirectory("ikkuna-load-");
    }

    /** The JDK clients (each with its own selector thread) the connections are spread over. */
    void openClients() {
        for (int k = 0; k < o.i("clients"); k++) {
            clients.add(HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
                    .connectTimeout(Duration.ofSeconds(30)).build());
        }
    }

    HttpClient client() {
        return clients.get(Math.floorMod(clientPick.getAndIncrement(), clients.size()));
    }

    void line(String s) {
        report.line(s);
    }

    static void log(String s) {
        System.err.printf(Locale.ROOT, "[%s] %s%n", Instant.now().toString().substring(11, 23), s);
    }

    void count(String what) {
        errors.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    void closed(int code) {
        closes.computeIfAbsent(code, k -> new AtomicLong()).incrementAndGet();
    }
}
