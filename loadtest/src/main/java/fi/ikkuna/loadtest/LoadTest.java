package fi.ikkuna.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Load harness for issue 7. See docs/performance.md for the commands. Scenarios:
 * <ul>
 *   <li>{@code load}: N residents and M professionals over docs/protocol.md; residents send at a set total rate,
 *   professionals claim and answer; latencies, throughput, errors, service RSS, and a check of every sequence
 *   number against the database. The bare Helidon echo floor runs first in the same run.</li>
 *   <li>{@code idle}: N residents that only say hello, held open; service RSS against the echo floor's.</li>
 * </ul>
 * Loopback only; every phase is bounded and a watchdog ends the run after {@code --max-runtime}.
 */
public final class LoadTest {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAD = "Hei, minulla on kysymys ajanvarauksesta ja haluaisin puhua hoitajan kanssa. ";

    private final Options o;
    private final StringBuilder report = new StringBuilder();
    private final List<HttpClient> clients = new ArrayList<>();
    private final AtomicInteger clientPick = new AtomicInteger();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> closes = new ConcurrentHashMap<>();
    private final Path workDir;

    // load scenario state
    private Resident[] residents = new Resident[0];
    private Pro[] pros = new Pro[0];
    private final Map<String, Msg> sent = new ConcurrentHashMap<>();
    private final Stats resAck = new Stats("resident ack");
    private final Stats proAck = new Stats("professional ack");
    private final Stats resToPro = new Stats("resident → professional");
    private final Stats proToRes = new Stats("professional → resident");
    private final Stats claimLatency = new Stats("claim → claimed");
    private final AtomicLong claimed = new AtomicLong();
    private final AtomicLong dupSeqFrames = new AtomicLong();
    private final AtomicLong dupAcks = new AtomicLong();
    private final AtomicLong duplicateFlagged = new AtomicLong();
    private final AtomicLong snapshots = new AtomicLong();
    private final AtomicLong snapshotBytes = new AtomicLong();
    private final AtomicLong queueFrames = new AtomicLong();
    private final AtomicLong framesIn = new AtomicLong();
    private volatile long measureStart;
    private volatile long measureEnd = Long.MAX_VALUE;
    private volatile double replyRatio;
    /** Set by the watchdog at --max-runtime: every loop stops and the report is printed with what was measured. */
    volatile boolean stopping;

    private LoadTest(Options o) throws IOException {
        this.o = o;
        this.workDir = Files.createTempDirectory("ikkuna-load-");
    }

    // ------------------------------------------------------------------ main

    public static void main(String[] args) throws Exception {
        LoadTest t = new LoadTest(Options.parse(args));
        Duration max = t.o.dur("max-runtime");
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(max.toMillis());
                System.err.println("max-runtime " + max + " reached: cutting the run short and reporting what was measured");
                t.stopping = true;
                Thread.sleep(40_000);
                System.err.println("still running 40 s after max-runtime: exiting (child processes are killed)");
                System.exit(3);
            } catch (InterruptedException e) {
                // finished in time
            }
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        int rc;
        try {
            rc = t.run();
        } finally {
            watchdog.interrupt();
        }
        System.exit(rc);
    }

    private int run() throws Exception {
        for (int k = 0; k < o.i("clients"); k++) {
            clients.add(HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
                    .connectTimeout(Duration.ofSeconds(30)).build());
        }
        line("# Ikkuna load harness — scenario `" + o.get("scenario") + "` at " + Instant.now());
        line("");
        machine();
        return switch (o.get("scenario")) {
            case "load" -> load();
            case "idle" -> idle();
            default -> throw new IllegalArgumentException("--scenario load|idle");
        };
    }

    private HttpClient client() {
        return clients.get(Math.floorMod(clientPick.getAndIncrement(), clients.size()));
    }

    private void line(String s) {
        System.out.println(s);
        report.append(s).append('\n');
    }

    private void log(String s) {
        System.err.printf(Locale.ROOT, "[%s] %s%n", Instant.now().toString().substring(11, 23), s);
    }

    private void flushReport() throws IOException {
        if (!o.get("out").isBlank()) {
            Files.writeString(Path.of(o.get("out")), report.toString() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private void machine() {
        String cpu = "?";
        long memKb = 0;
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
            memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
        } catch (IOException e) {
            // leave unknown
        }
        line(String.format(Locale.ROOT, "- machine: %d cores (%s), %.1f GiB memory, load average at start %s",
                Runtime.getRuntime().availableProcessors(), cpu, memKb / 1048576.0, loadavg()));
        line("- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (harness and service)");
        line("- options: " + o);
    }

    static String loadavg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    // ------------------------------------------------------------------ service process

    private Path repoRoot() {
        Path jar = serviceJar();
        return jar.toAbsolutePath().getParent().getParent().getParent();
    }

    private Path serviceJar() {
        if (!o.get("service-jar").isBlank()) {
            return Path.of(o.get("service-jar"));
        }
        for (Path p : List.of(Path.of("service/target/ikkuna.jar"), Path.of("../service/target/ikkuna.jar"))) {
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IllegalStateException("service/target/ikkuna.jar not found: build it or pass --service-jar");
    }

    private String dbName;

    /** Creates the run's database and returns the JDBC URL; reports MariaDB version and durability settings. */
    private String createDatabase() throws SQLException {
        dbName = "ikkuna_load_" + System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(o.get("db-url"), o.get("db-user"), o.get("db-password"));
             Statement s = c.createStatement()) {
            String version = scalar(s, "SELECT VERSION()");
            String flush = variable(s, "innodb_flush_log_at_trx_commit");
            line("- MariaDB " + version + ": innodb_flush_log_at_trx_commit=" + flush
                    + ", sync_binlog=" + variable(s, "sync_binlog") + ", log_bin=" + variable(s, "log_bin")
                    + ", innodb_buffer_pool_size=" + variable(s, "innodb_buffer_pool_size")
                    + ", innodb_flush_method=" + variable(s, "innodb_flush_method")
                    + ", max_connections=" + variable(s, "max_connections"));
            if (!"1".equals(flush)) {
                line("- **WARNING: innodb_flush_log_at_trx_commit is " + flush + ", not 1: commits are not durable; the figures do not count for the target**");
            }
            s.execute("CREATE DATABASE " + dbName + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        // Also on a hard exit (watchdog, Ctrl-C): the run's database never outlives it unless --keep-db.
        Runtime.getRuntime().addShutdownHook(new Thread(this::dropDatabase));
        String base = o.get("db-url");
        return (base.endsWith("/") ? base : base + "/") + dbName;
    }

    private void dropDatabase() {
        if (dbName == null || Boolean.parseBoolean(o.get("keep-db"))) {
            if (dbName != null) {
                log("kept database " + dbName);
            }
            return;
        }
        try (Connection c = DriverManager.getConnection(o.get("db-url"), o.get("db-user"), o.get("db-password"));
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + dbName);
        } catch (SQLException e) {
            log("could not drop " + dbName + ": " + e.getMessage());
        }
    }

    private static String scalar(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String variable(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW VARIABLES LIKE '" + name + "'")) {
            return rs.next() ? rs.getString(2) : "?";
        }
    }

    private String jdbcUrl;

    private Proc startService() throws Exception {
        Proc p = launchService();
        awaitService(p);
        return p;
    }

    private void awaitService(Proc p) throws InterruptedException {
        p.awaitHttp200(client(), "http://127.0.0.1:" + o.i("port") + "/observe/health", Duration.ofSeconds(90));
        log("service ready");
    }

    /** Starts the service JVM without waiting for it (it boots while the floor's connections open). */
    private Proc launchService() throws Exception {
        Map<String, String> env = new HashMap<>();
        int port = o.i("port");
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SERVER_HOST", "127.0.0.1");
        env.put("IKKUNA_DEMO_SEED", "always");
        env.put("IKKUNA_DATA_DIR", workDir.resolve("data").toString());
        // Dashed keys go in as system properties: Helidon maps an environment variable's "_" to "." and only
        // "_dash_" to "-", so IKKUNA_WS_RATE_PER_SECOND would not reach ikkuna.ws.rate-per-second.
        List<String> props = new ArrayList<>();
        props.add("-Dikkuna.ws.rate-per-second=" + o.get("ws-rate"));
        props.add("-Dikkuna.ws.rate-burst=" + o.get("ws-burst"));
        // Every simulated resident comes from 127.0.0.1: lift the per-address caps (web/ConnectionGuard, ContactRates)
        // and the listener's total, which the load itself is meant to test.
        props.add("-Dikkuna.connections.per-address=1000000");
        props.add("-Dikkuna.connections.contacts-per-address-per-hour=1000000000");
        props.add("-Dikkuna.connections.contacts-per-address-burst=1000000000");
        props.add("-Dserver.max-tcp-connections=100000");
        if (!o.get("pool-size").isBlank()) {
            props.add("-Dikkuna.db.pool-size=" + o.get("pool-size"));
        }
        if ("mariadb".equals(o.get("db"))) {
            jdbcUrl = createDatabase();
            env.put("IKKUNA_DB_URL", jdbcUrl);
            env.put("IKKUNA_DB_USER", o.get("db-user"));
            env.put("IKKUNA_DB_PASSWORD", o.get("db-password"));
        } else {
            line("- database: embedded H2 under " + workDir.resolve("data"));
        }
        Path rules = repoRoot().resolve("triage-rules");
        if ("queue-only".equals(o.get("rules"))) {
            Path dir = Files.createDirectories(workDir.resolve("rules"));
            for (String f : List.of("queues.yaml", "settings.yaml", "deadlines.yaml", "console.yaml")) {
                Files.copy(rules.resolve(f), dir.resolve(f));
            }
            rules = dir;
        }
        env.put("IKKUNA_RULES_DIR", rules.toString());
        List<String> jvm = new ArrayList<>();
        jvm.add("--enable-native-access=ALL-UNNAMED");
        jvm.addAll(props);
        if (!o.get("service-opts").isBlank()) {
            jvm.addAll(Arrays.asList(o.get("service-opts").trim().split("\\s+")));
        }
        if (!o.get("jfr").isBlank()) {
            jvm.add("-XX:StartFlightRecording=filename=" + Path.of(o.get("jfr")).toAbsolutePath() + ",settings=profile,dumponexit=true");
        }
        line("- service: `" + serviceJar() + "` on port " + port + ", rules " + o.get("rules") + " (" + rules + "), JVM options "
                + jvm + (o.get("pool-size").isBlank() ? ", pool size default (16)" : ""));
        Path logFile = workDir.resolve("service.log");
        Proc p = Proc.start("service", Proc.java(jvm, "-jar", serviceJar().toAbsolutePath().toString()), env, logFile);
        log("service pid " + p.pid + ", log " + logFile);
        return p;
    }

    private Proc startEcho() throws Exception {
        Path jar = Path.of(LoadTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        int port = o.i("echo-port");
        Proc p = Proc.start("echo", Proc.java(List.of(), "-cp", jar.toString() + (Files.isDirectory(jar) ? "" : ""),
                EchoServer.class.getName(), Integer.toString(port)), Map.of(), workDir.resolve("echo.log"));
        p.awaitPort(port, Duration.ofSeconds(30));
        return p;
    }

    // ------------------------------------------------------------------ floor

    private record FloorResult(Stats rtt, long sent, long echoed, double seconds, long rssIdleKb, long rssMaxKb, double cpuSec,
                               Duration connect, int failed) {
    }

    /** The bare Helidon echo endpoint with N connections: idle RSS, then RTT at the given rate for a while. */
    interface Step {
        void run() throws Exception;
    }

    private FloorResult floor(int n, double rate, Duration duration, Step beforeTraffic) throws Exception {
        log("floor: starting echo server, " + n + " connections");
        try (Proc echo = startEcho()) {
            URI uri = URI.create("ws://127.0.0.1:" + o.i("echo-port") + "/echo");
            Stats rtt = new Stats("echo RTT");
            Map<String, Long> pending = new ConcurrentHashMap<>();
            AtomicLong echoed = new AtomicLong();
            WsClient[] conns = new WsClient[n];
            long t0 = System.nanoTime();
            int failed = 0;
            for (int start = 0; start < n; start += o.i("batch")) {
                int end = Math.min(n, start + o.i("batch"));
                List<CompletableFuture<WsClient>> fs = new ArrayList<>();
                for (int k = start; k < end; k++) {
                    fs.add(WsClient.connect(client(), uri, null, (text, now) -> {
                        try {
                            JsonNode f = JSON.readTree(text);
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
            log("floor: connected in " + connect.toMillis() + " ms, RSS " + rssIdle / 1024 + " MiB; sending " + rate + "/s for " + duration);
            long total = (long) (rate * duration.toMillis() / 1000.0);
            long interval = (long) (1e9 / rate);
            long begin = System.nanoTime();
            long sentCount = 0;
            for (long k = 0; k < total && !stopping; k++) {
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
                String frame = messageFrame(id, null);
                pending.put(id, System.nanoTime());
                c.send(frame);
                sentCount++;
            }
            long drainUntil = System.nanoTime() + o.dur("drain").toNanos();
            while (!pending.isEmpty() && System.nanoTime() < drainUntil && !stopping) {
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
            return new FloorResult(rtt, sentCount, echoed.get(), seconds, rssIdle, rssMax, cpu, connect, failed);
        }
    }

    private static String messageFrame(String clientMsgId, String conversationId) {
        ObjectNode f = JSON.createObjectNode().put("type", "message");
        if (conversationId != null) {
            f.put("conversationId", conversationId);
        }
        f.put("clientMsgId", clientMsgId).put("text", PAD + clientMsgId);
        return f.toString();
    }

    // ------------------------------------------------------------------ load scenario

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

    final class Resident implements WsClient.Handler {
        final int idx;
        final int pro;
        WsClient ws;
        volatile String conversationId;
        final CompletableFuture<String> welcome = new CompletableFuture<>();
        final java.util.concurrent.atomic.AtomicBoolean claimAsked = new java.util.concurrent.atomic.AtomicBoolean();
        volatile boolean assigned;
        final BitSet seqs = new BitSet();
        long maxSeq;
        int nextMsg;

        Resident(int idx, int pro) {
            this.idx = idx;
            this.pro = pro;
        }

        void send(boolean measured) {
            String id = "r" + idx + "-" + nextMsg++;
            long now = System.nanoTime();
            sent.put(id, new Msg(now, measured, idx, true));
            ws.send(messageFrame(id, null));
        }

        @Override
        public void onFrame(String text, long now) {
            framesIn.incrementAndGet();
            JsonNode f = parse(text);
            switch (f.path("type").asText()) {
                case "welcome" -> {
                    conversationId = f.path("conversationId").asText();
                    welcome.complete(conversationId);
                }
                case "ack" -> {
                    Msg m = sent.get(f.path("clientMsgId").asText());
                    if (m == null) {
                        count("unknown_ack");
                        return;
                    }
                    if (m.acks.incrementAndGet() > 1) {
                        dupAcks.incrementAndGet();
                    }
                    if (f.path("duplicate").asBoolean()) {
                        duplicateFlagged.incrementAndGet();
                    }
                    m.ackSeq = f.path("seq").asLong();
                    if (m.measured) {
                        resAck.recordNanos(now - m.sentNanos);
                    }
                }
                case "message" -> {
                    long seq = f.path("seq").asLong();
                    synchronized (seqs) {
                        if (seqs.get((int) seq)) {
                            dupSeqFrames.incrementAndGet();
                        }
                        seqs.set((int) seq);
                        maxSeq = Math.max(maxSeq, seq);
                    }
                    if ("professional".equals(f.path("author").asText())) {
                        Msg m = sent.get(f.path("clientMsgId").asText());
                        if (m != null) {
                            m.deliveries.incrementAndGet();
                            if (m.measured) {
                                proToRes.recordNanos(now - m.sentNanos);
                            }
                        }
                    }
                }
                case "state" -> {
                    String state = f.path("state").asText();
                    if ("queued".equals(state) && claimAsked.compareAndSet(false, true)) {
                        pros[pro].claim(conversationId, idx);
                    } else if ("assigned".equals(state)) {
                        assigned = true;
                    }
                }
                case "queue" -> queueFrames.incrementAndGet();
                case "error" -> count("resident error " + f.path("code").asText());
                default -> {
                }
            }
        }

        @Override
        public void onClose(int code, String reason) {
            closes.computeIfAbsent(code, k -> new AtomicLong()).incrementAndGet();
        }
    }

    final class Pro implements WsClient.Handler {
        final int idx;
        WsClient ws;
        final CompletableFuture<Void> welcome = new CompletableFuture<>();
        final Map<String, Long> claimSent = new ConcurrentHashMap<>();
        final Map<String, Integer> residentOf = new ConcurrentHashMap<>();
        int nextMsg;
        double replyCredit;

        Pro(int idx) {
            this.idx = idx;
        }

        /**
         * Greets every conversation this professional holds (not measured): the reply path then runs as often
         * before the measured phase as the first-message path did, as it has by mid-morning in a real service.
         */
        List<Msg> greetAll() {
            List<Msg> greetings = new ArrayList<>();
            for (Map.Entry<String, Integer> e : residentOf.entrySet()) {
                String id = "p" + idx + "-" + nextMsg++;
                Msg m = new Msg(System.nanoTime(), false, e.getValue(), false);
                sent.put(id, m);
                greetings.add(m);
                ws.send(messageFrame(id, e.getKey()));
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
            framesIn.incrementAndGet();
            if (text.startsWith("{\"type\":\"queue_snapshot\"")) {
                // The board: counted, not parsed (the harness hands each queued id to its professional directly).
                snapshots.incrementAndGet();
                snapshotBytes.addAndGet(text.length());
                return;
            }
            JsonNode f = parse(text);
            switch (f.path("type").asText()) {
                case "welcome" -> welcome.complete(null);
                case "claimed" -> {
                    String id = f.path("conversation").path("id").asText();
                    Long s = claimSent.remove(id);
                    if (s != null) {
                        claimLatency.recordNanos(now - s);
                    }
                    claimed.incrementAndGet();
                }
                case "message" -> {
                    if (!"resident".equals(f.path("author").asText())) {
                        return;
                    }
                    Msg m = sent.get(f.path("clientMsgId").asText());
                    if (m == null) {
                        return;
                    }
                    m.deliveries.incrementAndGet();
                    if (m.measured) {
                        resToPro.recordNanos(now - m.sentNanos);
                    }
                    replyCredit += replyRatio;
                    if (replyCredit >= 1 && now < measureEnd) {
                        replyCredit -= 1;
                        String id = "p" + idx + "-" + nextMsg++;
                        sent.put(id, new Msg(System.nanoTime(), m.measured, m.resident, false));
                        ws.send(messageFrame(id, f.path("conversationId").asText()));
                    }
                }
                case "ack" -> {
                    Msg m = sent.get(f.path("clientMsgId").asText());
                    if (m == null) {
                        count("unknown_ack");
                        return;
                    }
                    if (m.acks.incrementAndGet() > 1) {
                        dupAcks.incrementAndGet();
                    }
                    m.ackSeq = f.path("seq").asLong();
                    if (m.measured) {
                        proAck.recordNanos(now - m.sentNanos);
                    }
                }
                case "error" -> count("professional error " + f.path("code").asText());
                default -> {
                }
            }
        }

        @Override
        public void onClose(int code, String reason) {
            closes.computeIfAbsent(code, k -> new AtomicLong()).incrementAndGet();
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("bad frame from server: " + text, e);
        }
    }

    private void count(String what) {
        errors.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    private String login(String base, String user, String password) throws Exception {
        HttpResponse<String> r = client().send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
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

    private int load() throws Exception {
        int n = o.i("residents");
        int m = o.i("professionals");
        double rate = o.d("rate");
        replyRatio = o.d("reply-ratio");
        Duration duration = o.dur("duration");
        FloorResult floor = null;
        Proc service = null;
        try {
            if (o.get("target").isBlank()) {
                service = launchService();
            }
            Proc booting = service;
            Step ready = () -> {
                if (booting != null) {
                    awaitService(booting);
                }
            };
            if (Boolean.parseBoolean(o.get("floor"))) {
                // The service boots while the floor's connections open; the floor's traffic starts once it is idle.
                floor = floor(n, rate * (1 + replyRatio), o.dur("floor-duration"), ready);
                log("floor: RTT p50 " + Stats.ms(floor.rtt.p(50)) + " p99 " + Stats.ms(floor.rtt.p(99)) + " ms");
            } else {
                ready.run();
            }
            String base;
            if (service != null) {
                base = "http://127.0.0.1:" + o.i("port");
            } else {
                base = o.get("target");
                line("- target: running service at " + base + " (not started by the harness)");
            }
            long pid = service != null ? service.pid : (o.get("service-pid").isBlank() ? -1 : Long.parseLong(o.get("service-pid")));
            String wsBase = base.replaceFirst("^http", "ws");
            long rssStart = pid > 0 ? Proc.rssKb(pid) : 0;

            // professionals: two demo accounts whose queues include "general"; several sockets share a session
            String[] cookies = {login(base, "hoitaja", "hoitaja-demo"), login(base, "pelastus", "pelastus-demo")};
            pros = new Pro[m];
            for (int k = 0; k < m; k++) {
                Pro p = new Pro(k);
                pros[k] = p;
                p.ws = WsClient.connect(client(), URI.create(wsBase + "/ws/pro"), cookies[k % 2], p).get(30, TimeUnit.SECONDS);
                p.ws.send("{\"type\":\"hello\",\"v\":1}");
                p.welcome.get(30, TimeUnit.SECONDS);
            }
            log(m + " professionals connected");

            // residents: batches of handshakes, each followed by hello → welcome
            residents = new Resident[n];
            boolean firstAtWelcome = "welcome".equals(o.get("warmup-rate"));
            long t0 = System.nanoTime();
            int failed = connectResidents(URI.create(wsBase + "/ws/resident"), n, k -> k % m, firstAtWelcome);
            Duration connect = Duration.ofNanos(System.nanoTime() - t0);
            long open = Arrays.stream(residents).filter(r -> r.ws != null).count();
            long rssConnected = pid > 0 ? Proc.rssKb(pid) : 0;
            log(open + " residents connected (hello → welcome) in " + connect.toMillis() + " ms, failed " + failed
                    + ", service RSS " + rssConnected / 1024 + " MiB");

            // warm-up: every resident's first message is triaged into the queue; its professional claims it
            long wt0 = System.nanoTime();
            double wrate = firstAtWelcome ? 1e9 : o.d("warmup-rate");
            long interval = (long) (1e9 / wrate);
            int sentWarm = firstAtWelcome ? (int) open : 0;
            for (Resident r : residents) {
                if (r.ws == null || stopping || firstAtWelcome) {
                    continue;
                }
                long due = wt0 + sentWarm * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                r.send(false);
                sentWarm++;
            }
            long claimDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (claimed.get() < open && System.nanoTime() < claimDeadline && !stopping) {
                Thread.sleep(100);
            }
            Duration warm = Duration.ofNanos(System.nanoTime() - wt0);
            log("warm-up: " + sentWarm + " first messages, " + claimed.get() + " claimed in " + warm.toMillis() + " ms");
            int greeted = 0;
            long greetMillis = 0;
            if (Boolean.parseBoolean(o.get("greet"))) {
                long gt0 = System.nanoTime();
                List<Msg> greetings = new ArrayList<>();
                for (Pro p : pros) {
                    greetings.addAll(p.greetAll());
                }
                long greetDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (greetings.stream().anyMatch(g -> g.acks.get() == 0) && System.nanoTime() < greetDeadline && !stopping) {
                    Thread.sleep(100);
                }
                greeted = greetings.size();
                greetMillis = (System.nanoTime() - gt0) / 1_000_000;
                log("warm-up: " + greeted + " greetings from professionals acked in " + greetMillis + " ms");
            }
            Thread.sleep(1000);
            long step = (long) (1e9 / rate);
            Resident[] active = Arrays.stream(residents).filter(r -> r.ws != null).toArray(Resident[]::new);

            // steady warm-up: the measured traffic, unmeasured, so the measured phase starts in the steady state
            // (JIT-compiled follow-up path, database done flushing the burst of claims) as a morning's peak does
            long steadyCount = (long) (rate * o.dur("warmup-steady").toMillis() / 1000.0);
            long s0 = System.nanoTime();
            for (long k = 0; k < steadyCount && !stopping; k++) {
                long wait = s0 + k * step - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                active[(int) (k % active.length)].send(false);
            }
            if (steadyCount > 0) {
                log("warm-up: " + steadyCount + " messages at the measured rate over " + o.dur("warmup-steady").toSeconds() + " s (not measured)");
            }

            // measured phase: an open-loop pacer, residents round-robin, at `rate` messages per second in total
            if (service != null) {
                service.resetMax();
            }
            double cpu0 = pid > 0 ? Proc.cpuSeconds(pid) : 0;
            double harnessCpu0 = Proc.cpuSeconds(ProcessHandle.current().pid());
            String loadBefore = loadavg();
            long total = (long) (rate * duration.toMillis() / 1000.0);
            long maxLag = 0;
            long rssPeakDuring = 0;
            measureStart = System.nanoTime();
            log("measured phase starts at " + Instant.now() + " (for JFR filtering)");
            long nextLog = measureStart + TimeUnit.SECONDS.toNanos(10);
            for (long k = 0; k < total && !stopping; k++) {
                long due = measureStart + k * step;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else {
                    maxLag = Math.max(maxLag, -wait);
                }
                active[(int) (k % active.length)].send(true);
                if (System.nanoTime() > nextLog) {
                    nextLog += TimeUnit.SECONDS.toNanos(10);
                    long rss = pid > 0 ? Proc.rssKb(pid) : 0;
                    rssPeakDuring = Math.max(rssPeakDuring, rss);
                    log(String.format(Locale.ROOT, "t+%ds sent %d, resident acks %d (p99 %s ms), e2e r→p p99 %s ms, RSS %d MiB, load %s",
                            (System.nanoTime() - measureStart) / 1_000_000_000L, k, resAck.count(), Stats.ms(resAck.p(99)),
                            Stats.ms(resToPro.p(99)), rss / 1024, loadavg()));
                }
            }
            measureEnd = System.nanoTime();
            double measuredSeconds = (measureEnd - measureStart) / 1e9;
            double cpu = pid > 0 ? Proc.cpuSeconds(pid) - cpu0 : 0;
            double harnessCpu = Proc.cpuSeconds(ProcessHandle.current().pid()) - harnessCpu0;
            String loadAfter = loadavg();
            // drain: wait for outstanding acks and deliveries
            long drainUntil = System.nanoTime() + o.dur("drain").toNanos();
            long drainStart = System.nanoTime();
            while (System.nanoTime() < drainUntil && outstanding() > 0 && !(stopping && System.nanoTime() - drainStart > 3_000_000_000L)) {
                Thread.sleep(100);
            }
            long rssEnd = pid > 0 ? Proc.rssKb(pid) : 0;
            long rssMax = service != null ? service.maxRssKb() : Math.max(rssPeakDuring, rssEnd);
            long threads = pid > 0 ? Proc.threads(pid) : 0;

            // ---------------- figures
            long resSent = sent.values().stream().filter(x -> x.measured && x.fromResident).count();
            long resAcked = sent.values().stream().filter(x -> x.measured && x.fromResident && x.acks.get() > 0).count();
            long proSent = sent.values().stream().filter(x -> x.measured && !x.fromResident).count();
            long proAcked = sent.values().stream().filter(x -> x.measured && !x.fromResident && x.acks.get() > 0).count();
            line("");
            line("## Result");
            line("");
            if (stopping) {
                line("- **cut short by --max-runtime " + o.get("max-runtime") + "**: the measured phase ran " + String.format(Locale.ROOT, "%.1f", measuredSeconds) + " s of " + duration);
            }
            line(String.format(Locale.ROOT, "- residents: %d open of %d (hello → welcome in %.1f s, %d failed); professionals: %d",
                    open, n, connect.toMillis() / 1000.0, failed, m));
            line(String.format(Locale.ROOT, "- warm-up: %d first messages (triage → queue), %d claimed in %.1f s; claim → claimed p50 %s ms, p99 %s ms",
                    sentWarm, claimed.get(), warm.toMillis() / 1000.0, Stats.ms(claimLatency.p(50)), Stats.ms(claimLatency.p(99)))
                    + (greeted > 0 ? String.format(Locale.ROOT, "; then %d greetings from professionals (not measured) acked in %.1f s", greeted, greetMillis / 1000.0) : "")
                    + String.format(Locale.ROOT, "; then %d s of the measured traffic, not measured", o.dur("warmup-steady").toSeconds()));
            line(String.format(Locale.ROOT, "- measured phase: %.1f s, pacer max lag %.1f ms, load average %s → %s, service CPU %.1f s (%.0f%% of one core), harness CPU %.1f s (%.0f%%)",
                    measuredSeconds, maxLag / 1e6, loadBefore, loadAfter, cpu, 100 * cpu / measuredSeconds, harnessCpu, 100 * harnessCpu / measuredSeconds));
            line(String.format(Locale.ROOT, "- throughput: resident messages %d sent, %d acked = %.1f/s; professional replies %d sent, %d acked = %.1f/s; committed messages %.1f/s",
                    resSent, resAcked, resAcked / measuredSeconds, proSent, proAcked, proAcked / measuredSeconds,
                    (resAcked + proAcked) / measuredSeconds));
            line(String.format(Locale.ROOT, "- service RSS: %d MiB at start, %d MiB with %d residents connected, max %d MiB in the measured phase, %d MiB at end; %d threads",
                    rssStart / 1024, rssConnected / 1024, open, rssMax / 1024, rssEnd / 1024, threads));
            line(String.format(Locale.ROOT, "- frames received by the harness: %d; queue_snapshot %d (%.1f MiB); queue positions %d",
                    framesIn.get(), snapshots.get(), snapshotBytes.get() / 1048576.0, queueFrames.get()));
            line("");
            line("| figure (ms) | count | p50 | p90 | p99 | max | floor p50 | floor p99 | floor max | ratio p50 | ratio p99 | ratio max |");
            line("|---|---|---|---|---|---|---|---|---|---|---|---|");
            for (Stats s : List.of(resAck, proAck, resToPro, proToRes)) {
                line(row(s, floor == null ? null : floor.rtt));
            }
            if (floor != null) {
                line(row(floor.rtt, null));
                line("");
                line(String.format(Locale.ROOT, "Floor: bare Helidon echo, %d connections (connected in %.1f s, %d failed), %.0f frames/s for %.1f s: "
                                + "%d sent, %d echoed (%.1f/s); echo RSS %d MiB idle with %d connections, max %d MiB under load; echo CPU %.1f s. "
                                + "Ratios are figure / echo RTT at the same percentile.",
                        n, floor.connect.toMillis() / 1000.0, floor.failed, rate * (1 + replyRatio), floor.seconds, floor.sent, floor.echoed,
                        floor.echoed / floor.seconds, floor.rssIdleKb / 1024, n, floor.rssMaxKb / 1024, floor.cpuSec));
                line(String.format(Locale.ROOT, "Service / floor: RSS with %d connections %.1f×; committed messages per second %.2f× of echoed frames per second.",
                        n, rssConnected / (double) Math.max(1, floor.rssIdleKb), (resAcked + proAcked) / measuredSeconds / (floor.echoed / floor.seconds)));
            }
            line("");
            // Freeze the client view before reading the database: an ack is sent only after its commit, so every ack
            // received before this point refers to a row the query below must see.
            for (Resident r : residents) {
                if (r != null && r.ws != null) {
                    r.ws.abort();
                }
            }
            for (Pro p : pros) {
                if (p != null && p.ws != null) {
                    p.ws.abort();
                }
            }
            Thread.sleep(200);
            int problems = verify(open);
            line("");
            line("- errors: " + (errors.isEmpty() ? "none" : new java.util.TreeMap<>(errors)) + "; close codes seen: "
                    + (closes.isEmpty() ? "none" : new java.util.TreeMap<>(closes)) + "; transport errors " + WsClient.TRANSPORT_ERRORS.get()
                    + ", send failures " + WsClient.SEND_FAILURES.get());
            boolean ok = problems == 0 && errors.isEmpty() && closes.isEmpty() && outstanding() == 0;
            line("");
            line("### Targets");
            line("");
            targets(open, n, resAcked / measuredSeconds, measuredSeconds, ok);
            flushReport();
            return problems == 0 ? 0 : 1;
        } finally {
            tearDown(service);
        }
    }

    /** Every harness connection dropped, the service killed, the run's database dropped (unless --keep-db). */
    private void tearDown(Proc service) {
        for (Resident r : residents) {
            if (r != null && r.ws != null) {
                r.ws.abort();
            }
        }
        for (Pro p : pros) {
            if (p != null && p.ws != null) {
                p.ws.abort();
            }
        }
        if (service != null) {
            service.kill();
        }
        dropDatabase();
    }

    private void targets(long open, int n, double ackedPerSecond, double measuredSeconds, boolean clean) {
        line("| target | required | measured | met |");
        line("|---|---|---|---|");
        line(String.format(Locale.ROOT, "| concurrent residents | 5000 | %d | %s |", open, open >= 5000 ? "yes" : "no"));
        line(String.format(Locale.ROOT, "| resident messages/s sustained for 60 s | 500 | %.1f for %.1f s | %s |", ackedPerSecond, measuredSeconds,
                ackedPerSecond >= 0.99 * 500 && measuredSeconds >= 59.5 ? "yes" : "no"));
        line(String.format(Locale.ROOT, "| ack p99 (resident) | ≤ 50 ms | %s ms | %s |", Stats.ms(resAck.p(99)), resAck.p(99) <= 50 ? "yes" : "no"));
        line(String.format(Locale.ROOT, "| ack p99 (professional) | ≤ 50 ms | %s ms | %s |", Stats.ms(proAck.p(99)), proAck.p(99) <= 50 || proAck.count() == 0 ? "yes" : "no"));
        line(String.format(Locale.ROOT, "| end-to-end p99 resident → professional | ≤ 100 ms | %s ms | %s |", Stats.ms(resToPro.p(99)), resToPro.p(99) <= 100 ? "yes" : "no"));
        line(String.format(Locale.ROOT, "| end-to-end p99 professional → resident | ≤ 100 ms | %s ms | %s |", Stats.ms(proToRes.p(99)), proToRes.p(99) <= 100 || proToRes.count() == 0 ? "yes" : "no"));
        line(String.format(Locale.ROOT, "| lost / duplicated / seq gaps, errors | 0 | see verification | %s |", clean ? "yes" : "no"));
    }

    private long outstanding() {
        return sent.values().stream().filter(x -> x.acks.get() == 0 || (x.measured && x.deliveries.get() == 0)).count();
    }

    private String row(Stats s, Stats floor) {
        StringBuilder b = new StringBuilder("| ").append(s.name).append(" | ").append(s.count()).append(" | ")
                .append(Stats.ms(s.p(50))).append(" | ").append(Stats.ms(s.p(90))).append(" | ").append(Stats.ms(s.p(99)))
                .append(" | ").append(Stats.ms(s.max())).append(" | ");
        if (floor == null) {
            b.append("| | | | | |");
        } else {
            b.append(Stats.ms(floor.p(50))).append(" | ").append(Stats.ms(floor.p(99))).append(" | ").append(Stats.ms(floor.max()))
                    .append(" | ").append(ratio(s.p(50), floor.p(50))).append(" | ").append(ratio(s.p(99), floor.p(99)))
                    .append(" | ").append(ratio(s.max(), floor.max())).append(" |");
        }
        return b.toString();
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "–" : String.format(Locale.ROOT, "%.1f×", a / b);
    }

    /**
     * Zero lost, zero duplicated: every message the harness sent was acked once; every acked client id is in the
     * database exactly once with the acked seq; per conversation the seqs are 1..n without gaps (no internal
     * notes are sent), and the resident's connection received exactly that set, each once.
     */
    private int verify(long open) throws SQLException {
        long total = sent.size();
        long notAcked = sent.values().stream().filter(x -> x.acks.get() == 0).count();
        long measuredNotDelivered = sent.values().stream().filter(x -> x.measured && x.acks.get() > 0 && x.deliveries.get() == 0).count();
        long multiDelivered = sent.values().stream().filter(x -> x.deliveries.get() > 1).count();
        line("### Verification (every sequence number)");
        line("");
        line(String.format(Locale.ROOT, "- client side: %d messages sent; %d acked more than once, %d acks flagged duplicate, %d delivered live more than once, "
                        + "%d duplicate seq frames at residents; in flight when the run stopped (a real client resends these from its outbox): "
                        + "%d not acked yet, %d acked but not yet delivered live to the other side",
                total, dupAcks.get(), duplicateFlagged.get(), multiDelivered, dupSeqFrames.get(), notAcked, measuredNotDelivered));
        int problems = (int) (dupAcks.get() + duplicateFlagged.get() + multiDelivered + dupSeqFrames.get());
        if (jdbcUrl == null) {
            line("- database side: not checked (no MariaDB database of this run)");
            return problems;
        }
        Map<String, Resident> byConversation = new HashMap<>();
        for (Resident r : residents) {
            if (r != null && r.conversationId != null) {
                byConversation.put(r.conversationId, r);
            }
        }
        Map<String, Long> dbSeq = new HashMap<>();           // conversationId|clientMsgId -> seq
        Map<String, BitSet> seqsByConversation = new HashMap<>();
        long rows = 0;
        long dupIds = 0;
        try (Connection c = DriverManager.getConnection(jdbcUrl, o.get("db-user"), o.get("db-password"));
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT conversation_id, seq, client_msg_id, internal FROM message")) {
                while (rs.next()) {
                    rows++;
                    String conv = rs.getString(1);
                    long seq = rs.getLong(2);
                    String cid = rs.getString(3);
                    BitSet bs = seqsByConversation.computeIfAbsent(conv, k -> new BitSet());
                    bs.set((int) seq);
                    if (cid != null && dbSeq.put(conv + "|" + cid, seq) != null) {
                        dupIds++;
                    }
                }
            }
        }
        long ackedMissing = 0;
        long seqMismatch = 0;
        long unackedStored = 0;
        for (Map.Entry<String, Msg> e : sent.entrySet()) {
            Msg msg = e.getValue();
            Resident r = residents[msg.resident];
            Long seq = dbSeq.get(r.conversationId + "|" + e.getKey());
            if (msg.acks.get() == 0) {
                if (seq != null) {
                    unackedStored++;
                }
                continue;
            }
            if (seq == null) {
                ackedMissing++;
            } else if (seq != msg.ackSeq) {
                seqMismatch++;
            }
        }
        long gapConversations = 0;
        long residentGaps = 0;
        long residentExtra = 0;
        long notYetDelivered = 0;
        for (Map.Entry<String, BitSet> e : seqsByConversation.entrySet()) {
            BitSet bs = e.getValue();
            int count = bs.cardinality();
            if (bs.nextClearBit(1) != count + 1 || bs.get(0)) {
                gapConversations++;
            }
            Resident r = byConversation.get(e.getKey());
            if (r != null) {
                BitSet seen;
                synchronized (r.seqs) {
                    seen = (BitSet) r.seqs.clone();
                }
                int maxSeen = seen.length() - 1;
                // the resident's view must be exactly 1..maxSeen (no gap, nothing the database does not have)
                if (maxSeen > 0 && (seen.nextClearBit(1) != maxSeen + 1 || seen.get(0))) {
                    residentGaps++;
                }
                BitSet extra = (BitSet) seen.clone();
                extra.andNot(bs);
                if (!extra.isEmpty()) {
                    residentExtra++;
                }
                notYetDelivered += Math.max(0, count - Math.max(0, maxSeen));
            }
        }
        line(String.format(Locale.ROOT, "- database side: %d message rows in %d conversations; %d acked messages missing (lost), %d stored with another seq than acked, "
                        + "%d client ids stored twice, %d conversations with a seq gap; residents: %d with a gap in the seqs they received, "
                        + "%d received a seq the database does not have; %d stored messages not yet received by the resident at the stop, "
                        + "%d of the unacked messages were already committed",
                rows, seqsByConversation.size(), ackedMissing, seqMismatch, dupIds, gapConversations, residentGaps, residentExtra,
                notYetDelivered, unackedStored));
        problems += (int) (ackedMissing + seqMismatch + dupIds + gapConversations + residentGaps + residentExtra);
        line("- verdict: " + (problems == 0 ? "**zero lost, zero duplicated, no gaps**" : "**" + problems + " problems**")
                + (notAcked + measuredNotDelivered > 0 ? String.format(Locale.ROOT, " (%d messages still in flight at the stop: the service was behind)", notAcked + measuredNotDelivered) : ""));
        return problems;
    }

    // ------------------------------------------------------------------ idle scenario

    private int idle() throws Exception {
        int n = o.i("residents");
        Duration hold = o.dur("hold");
        long floorIdle = 0;
        long floorMax = 0;
        if (Boolean.parseBoolean(o.get("floor"))) {
            log("floor: " + n + " idle echo connections");
            try (Proc echo = startEcho()) {
                URI uri = URI.create("ws://127.0.0.1:" + o.i("echo-port") + "/echo");
                List<WsClient> conns = connectAll(n, uri, (text, now) -> {
                });
                long t0 = System.nanoTime();
                while (System.nanoTime() - t0 < Math.min(hold.toNanos(), TimeUnit.SECONDS.toNanos(10))) {
                    Thread.sleep(500);
                }
                floorIdle = echo.rssKb();
                floorMax = echo.maxRssKb();
                line(String.format(Locale.ROOT, "- floor: bare Helidon echo with %d idle connections: RSS %d MiB (max %d MiB), %d threads",
                        conns.size(), floorIdle / 1024, floorMax / 1024, Proc.threads(echo.pid)));
                conns.forEach(WsClient::abort);
            }
        }
        Proc service = null;
        try {
            String base;
            if (o.get("target").isBlank()) {
                service = startService();
                base = "http://127.0.0.1:" + o.i("port");
            } else {
                base = o.get("target");
            }
            long pid = service != null ? service.pid : (o.get("service-pid").isBlank() ? -1 : Long.parseLong(o.get("service-pid")));
            long rssStart = pid > 0 ? Proc.rssKb(pid) : 0;
            residents = new Resident[n];
            long t0 = System.nanoTime();
            URI uri = URI.create(base.replaceFirst("^http", "ws") + "/ws/resident");
            int failed = connectResidents(uri, n, k -> 0, false);
            Duration connect = Duration.ofNanos(System.nanoTime() - t0);
            long open = Arrays.stream(residents).filter(r -> r.ws != null).count();
            long rssConnected = pid > 0 ? Proc.rssKb(pid) : 0;
            log(open + " idle residents (hello → welcome) in " + connect.toMillis() + " ms; RSS " + rssConnected / 1024 + " MiB; holding " + hold);
            if (service != null) {
                service.resetMax();
            }
            long holdEnd = System.nanoTime() + hold.toNanos();
            while (System.nanoTime() < holdEnd && !stopping) {
                Thread.sleep(1000);
            }
            long stillOpen = Arrays.stream(residents).filter(r -> r.ws != null && r.ws.open()).count();
            long rssEnd = pid > 0 ? Proc.rssKb(pid) : 0;
            long rssMax = service != null ? service.maxRssKb() : rssEnd;
            long threads = pid > 0 ? Proc.threads(pid) : 0;
            line("");
            line("## Result");
            line("");
            line(String.format(Locale.ROOT, "- %d of %d idle residents connected (hello → welcome, one new conversation each) in %.1f s, %d failed; %d still open after %s",
                    open, n, connect.toMillis() / 1000.0, failed, stillOpen, hold));
            line(String.format(Locale.ROOT, "- service RSS: %d MiB before, %d MiB once connected, max %d MiB while holding, %d MiB at end; %d threads",
                    rssStart / 1024, rssConnected / 1024, rssMax / 1024, rssEnd / 1024, threads));
            if (floorIdle > 0) {
                line(String.format(Locale.ROOT, "- service / floor RSS with %d idle connections: %.1f× (%d MiB / %d MiB)", n,
                        rssEnd / (double) floorIdle, rssEnd / 1024, floorIdle / 1024));
            }
            line("- errors: " + (errors.isEmpty() ? "none" : errors) + "; close codes: " + (closes.isEmpty() ? "none" : closes));
            line("");
            line(String.format(Locale.ROOT, "| target | required | measured | met |%n|---|---|---|---|%n| idle residents within 1 GiB RSS | %d, ≤ 1024 MiB | %d open, max %d MiB | %s |",
                    n, stillOpen, rssMax / 1024, stillOpen >= 10000 && rssMax <= 1024 * 1024 ? "yes" : "no"));
            flushReport();
            return stillOpen == n ? 0 : 1;
        } finally {
            tearDown(service);
        }
    }

    private List<WsClient> connectAll(int n, URI uri, WsClient.Handler handler) throws InterruptedException {
        List<WsClient> out = new ArrayList<>();
        for (int start = 0; start < n; start += o.i("batch")) {
            int end = Math.min(n, start + o.i("batch"));
            List<CompletableFuture<WsClient>> fs = new ArrayList<>();
            for (int k = start; k < end; k++) {
                fs.add(WsClient.connect(client(), uri, null, handler));
            }
            for (CompletableFuture<WsClient> f : fs) {
                try {
                    out.add(f.get(60, TimeUnit.SECONDS));
                } catch (Exception e) {
                    count("floor connect failed");
                }
            }
        }
        return out;
    }

    /**
     * Opens residents in batches of {@code batch} handshakes, each followed by hello → welcome; with
     * {@code askAtWelcome} each asks its first question right after the greeting (the peak). Returns the failures.
     */
    private int connectResidents(URI uri, int n, java.util.function.IntUnaryOperator professionalOf, boolean askAtWelcome) {
        int failed = 0;
        for (int start = 0; start < n; start += o.i("batch")) {
            int end = Math.min(n, start + o.i("batch"));
            List<CompletableFuture<WsClient>> fs = new ArrayList<>();
            for (int k = start; k < end; k++) {
                residents[k] = new Resident(k, professionalOf.applyAsInt(k));
                fs.add(WsClient.connect(client(), uri, null, residents[k]));
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
}
