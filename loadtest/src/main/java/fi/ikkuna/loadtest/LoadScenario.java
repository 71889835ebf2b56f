package fi.ikkuna.loadtest;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code load}: N residents and M professionals over docs/protocol.md; the floor first (the service boots
 * meanwhile), then connect, warm up (first messages, claims, greetings, unmeasured steady traffic), the measured
 * open-loop phase at {@code --rate}, the drain, and the verification of every sequence number.
 */
final class LoadScenario {
    private final Harness h;
    private final Options o;
    private final RunDatabase db;
    private final ServiceProcess processes;
    private final Traffic t;
    private final LoadReport r;
    private Proc service;
    private long pid = -1;

    LoadScenario(Harness h) {
        this.h = h;
        this.o = h.o;
        this.db = new RunDatabase(h);
        this.processes = new ServiceProcess(h, db);
        this.t = new Traffic(h);
        this.r = new LoadReport(h, t);
    }

    int run() throws Exception {
        r.residents = o.i("residents");
        r.professionals = o.i("professionals");
        r.rate = o.d("rate");
        r.duration = o.dur("duration");
        t.replyRatio = o.d("reply-ratio");
        try {
            String base = startServiceAndFloor();
            String wsBase = base.replaceFirst("^http", "ws");
            r.rssStart = rss();
            connectProfessionals(base, wsBase);
            boolean firstAtWelcome = "welcome".equals(o.get("warmup-rate"));
            long t0 = System.nanoTime();
            r.failed = t.connectResidents(URI.create(wsBase + "/ws/resident"), r.residents, k -> k % r.professionals, firstAtWelcome);
            r.connect = Duration.ofNanos(System.nanoTime() - t0);
            r.open = t.openResidents();
            r.rssConnected = rss();
            Harness.log(r.open + " residents connected (hello → welcome) in " + r.connect.toMillis() + " ms, failed " + r.failed
                    + ", service RSS " + r.rssConnected / 1024 + " MiB");
            warmUp(firstAtWelcome);
            ResidentClient[] active = Arrays.stream(t.residents).filter(x -> x.ws != null).toArray(ResidentClient[]::new);
            steadyWarmUp(active);
            measure(active);
            drain();
            r.result();
            // Freeze the client view before reading the database: an ack is sent only after its commit, so every ack
            // received before this point refers to a row the query below must see.
            t.abortAll();
            Thread.sleep(200);
            int problems = new Verifier(h, t, db).verify();
            r.errors();
            boolean ok = problems == 0 && h.errors.isEmpty() && h.closes.isEmpty() && t.outstanding() == 0;
            r.targets(ok);
            h.report.flush();
            return problems == 0 ? 0 : 1;
        } finally {
            tearDown();
        }
    }

    /** The service (unless --target) boots while the floor's connections open; returns the service's base URL. */
    private String startServiceAndFloor() throws Exception {
        if (o.get("target").isBlank()) {
            service = processes.launch();
        }
        Proc booting = service;
        Floor.Step ready = () -> {
            if (booting != null) {
                processes.await(booting);
            }
        };
        if (Boolean.parseBoolean(o.get("floor"))) {
            // The service boots while the floor's connections open; the floor's traffic starts once it is idle.
            r.floor = new Floor(h, processes).run(r.residents, r.rate * (1 + t.replyRatio), o.dur("floor-duration"), ready);
            Harness.log("floor: RTT p50 " + Stats.ms(r.floor.rtt().p(50)) + " p99 " + Stats.ms(r.floor.rtt().p(99)) + " ms");
        } else {
            ready.run();
        }
        String base;
        if (service != null) {
            base = "http://127.0.0.1:" + o.i("port");
        } else {
            base = o.get("target");
            h.line("- target: running service at " + base + " (not started by the harness)");
        }
        pid = service != null ? service.pid : (o.get("service-pid").isBlank() ? -1 : Long.parseLong(o.get("service-pid")));
        return base;
    }

    /** Two demo accounts whose queues include "general"; several sockets share a session (the login limit). */
    private void connectProfessionals(String base, String wsBase) throws Exception {
        String[] cookies = {t.login(base, "hoitaja", "hoitaja-demo"), t.login(base, "pelastus", "pelastus-demo")};
        t.pros = new ProClient[r.professionals];
        for (int k = 0; k < r.professionals; k++) {
            ProClient p = new ProClient(t, k);
            t.pros[k] = p;
            p.ws = WsClient.connect(h.client(), URI.create(wsBase + "/ws/pro"), cookies[k % 2], p).get(30, TimeUnit.SECONDS);
            p.ws.send("{\"type\":\"hello\",\"v\":1}");
            p.welcome.get(30, TimeUnit.SECONDS);
        }
        Harness.log(r.professionals + " professionals connected");
    }

    /** Every resident's first message is triaged into the queue and its professional claims it; then greetings. */
    private void warmUp(boolean firstAtWelcome) throws InterruptedException {
        long wt0 = System.nanoTime();
        double wrate = firstAtWelcome ? 1e9 : o.d("warmup-rate");
        long interval = (long) (1e9 / wrate);
        int sentWarm = firstAtWelcome ? (int) r.open : 0;
        for (ResidentClient res : t.residents) {
            if (res.ws == null || h.stopping || firstAtWelcome) {
                continue;
            }
            long due = wt0 + sentWarm * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            res.send(false);
            sentWarm++;
        }
        long claimDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (t.claimed.get() < r.open && System.nanoTime() < claimDeadline && !h.stopping) {
            Thread.sleep(100);
        }
        r.sentWarm = sentWarm;
        r.warm = Duration.ofNanos(System.nanoTime() - wt0);
        Harness.log("warm-up: " + sentWarm + " first messages, " + t.claimed.get() + " claimed in " + r.warm.toMillis() + " ms");
        if (Boolean.parseBoolean(o.get("greet"))) {
            long gt0 = System.nanoTime();
            List<Traffic.Msg> greetings = new ArrayList<>();
            for (ProClient p : t.pros) {
                greetings.addAll(p.greetAll());
            }
            long greetDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (greetings.stream().anyMatch(g -> g.acks.get() == 0) && System.nanoTime() < greetDeadline && !h.stopping) {
                Thread.sleep(100);
            }
            r.greeted = greetings.size();
            r.greetMillis = (System.nanoTime() - gt0) / 1_000_000;
            Harness.log("warm-up: " + r.greeted + " greetings from professionals acked in " + r.greetMillis + " ms");
        }
        Thread.sleep(1000);
    }

    /**
     * The measured traffic, unmeasured, so the measured phase starts in the steady state (JIT-compiled follow-up
     * path, database done flushing the burst of claims) as a morning's peak does.
     */
    private void steadyWarmUp(ResidentClient[] active) {
        long step = (long) (1e9 / r.rate);
        long steadyCount = (long) (r.rate * o.dur("warmup-steady").toMillis() / 1000.0);
        long s0 = System.nanoTime();
        for (long k = 0; k < steadyCount && !h.stopping; k++) {
            long wait = s0 + k * step - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            active[(int) (k % active.length)].send(false);
        }
        if (steadyCount > 0) {
            Harness.log("warm-up: " + steadyCount + " messages at the measured rate over " + o.dur("warmup-steady").toSeconds() + " s (not measured)");
        }
    }

    /** An open-loop pacer, residents round-robin, at {@code rate} messages per second in total. */
    private void measure(ResidentClient[] active) throws Exception {
        if (service != null) {
            service.resetMax();
        }
        long step = (long) (1e9 / r.rate);
        double cpu0 = pid > 0 ? Proc.cpuSeconds(pid) : 0;
        double harnessCpu0 = Proc.cpuSeconds(ProcessHandle.current().pid());
        r.loadBefore = Report.loadavg();
        long total = (long) (r.rate * r.duration.toMillis() / 1000.0);
        long maxLag = 0;
        long rssPeakDuring = 0;
        long measureStart = System.nanoTime();
        Harness.log("measured phase starts at " + Instant.now() + " (for JFR filtering)");
        long nextLog = measureStart + TimeUnit.SECONDS.toNanos(10);
        for (long k = 0; k < total && !h.stopping; k++) {
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
                long rss = rss();
                rssPeakDuring = Math.max(rssPeakDuring, rss);
                Harness.log(String.format(Locale.ROOT, "t+%ds sent %d, resident acks %d (p99 %s ms), e2e r→p p99 %s ms, RSS %d MiB, load %s",
                        (System.nanoTime() - measureStart) / 1_000_000_000L, k, t.resAck.count(), Stats.ms(t.resAck.p(99)),
                        Stats.ms(t.resToPro.p(99)), rss / 1024, Report.loadavg()));
            }
        }
        t.measureEnd = System.nanoTime();
        r.measuredSeconds = (t.measureEnd - measureStart) / 1e9;
        r.maxLagNanos = maxLag;
        r.cpu = pid > 0 ? Proc.cpuSeconds(pid) - cpu0 : 0;
        r.harnessCpu = Proc.cpuSeconds(ProcessHandle.current().pid()) - harnessCpu0;
        r.loadAfter = Report.loadavg();
        r.rssMax = rssPeakDuring; // the service's own peak replaces it in drain() when the harness started it
    }

    /** Waits for outstanding acks and deliveries (bounded; shorter once --max-runtime has struck). */
    private void drain() throws InterruptedException {
        long drainUntil = System.nanoTime() + o.dur("drain").toNanos();
        long drainStart = System.nanoTime();
        while (System.nanoTime() < drainUntil && t.outstanding() > 0 && !(h.stopping && System.nanoTime() - drainStart > 3_000_000_000L)) {
            Thread.sleep(100);
        }
        r.rssEnd = rss();
        r.rssMax = service != null ? service.maxRssKb() : Math.max(r.rssMax, r.rssEnd);
        r.threads = pid > 0 ? Proc.threads(pid) : 0;
    }

    private long rss() {
        return pid > 0 ? Proc.rssKb(pid) : 0;
    }

    /** Every harness connection dropped, the service killed, the run's database dropped (unless --keep-db). */
    private void tearDown() {
        t.abortAll();
        if (service != null) {
            service.kill();
        }
        db.drop();
    }
}
