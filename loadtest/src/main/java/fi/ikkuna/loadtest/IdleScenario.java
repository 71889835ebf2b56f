package fi.ikkuna.loadtest;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/** {@code idle}: N residents that only say hello, held open; service RSS against the echo floor's. */
final class IdleScenario {
    private final Harness h;
    private final Options o;
    private final RunDatabase db;
    private final ServiceProcess processes;
    private final Traffic t;

    IdleScenario(Harness h) {
        this.h = h;
        this.o = h.o;
        this.db = new RunDatabase(h);
        this.processes = new ServiceProcess(h, db);
        this.t = new Traffic(h);
    }

    int run() throws Exception {
        int n = o.i("residents");
        Duration hold = o.dur("hold");
        Floor floor = new Floor(h, processes);
        if (Boolean.parseBoolean(o.get("floor"))) {
            floor.idle(n, hold);
        }
        Proc service = null;
        try {
            String base;
            if (o.get("target").isBlank()) {
                service = processes.start();
                base = "http://127.0.0.1:" + o.i("port");
            } else {
                base = o.get("target");
            }
            long pid = service != null ? service.pid : (o.get("service-pid").isBlank() ? -1 : Long.parseLong(o.get("service-pid")));
            long rssStart = pid > 0 ? Proc.rssKb(pid) : 0;
            long t0 = System.nanoTime();
            URI uri = URI.create(base.replaceFirst("^http", "ws") + "/ws/resident");
            int failed = t.connectResidents(uri, n, k -> 0, false);
            Duration connect = Duration.ofNanos(System.nanoTime() - t0);
            long open = t.openResidents();
            long rssConnected = pid > 0 ? Proc.rssKb(pid) : 0;
            Harness.log(open + " idle residents (hello → welcome) in " + connect.toMillis() + " ms; RSS " + rssConnected / 1024 + " MiB; holding " + hold);
            if (service != null) {
                service.resetMax();
            }
            long holdEnd = System.nanoTime() + hold.toNanos();
            while (System.nanoTime() < holdEnd && !h.stopping) {
                Thread.sleep(1000);
            }
            long stillOpen = Arrays.stream(t.residents).filter(r -> r.ws != null && r.ws.open()).count();
            long rssEnd = pid > 0 ? Proc.rssKb(pid) : 0;
            long rssMax = service != null ? service.maxRssKb() : rssEnd;
            long threads = pid > 0 ? Proc.threads(pid) : 0;
            h.line("");
            h.line("## Result");
            h.line("");
            h.line(String.format(Locale.ROOT, "- %d of %d idle residents connected (hello → welcome, one new conversation each) in %.1f s, %d failed; %d still open after %s",
                    open, n, connect.toMillis() / 1000.0, failed, stillOpen, hold));
            h.line(String.format(Locale.ROOT, "- service RSS: %d MiB before, %d MiB once connected, max %d MiB while holding, %d MiB at end; %d threads",
                    rssStart / 1024, rssConnected / 1024, rssMax / 1024, rssEnd / 1024, threads));
            if (floor.idleKb > 0) {
                h.line(String.format(Locale.ROOT, "- service / floor RSS with %d idle connections: %.1f× (%d MiB / %d MiB)", n,
                        rssEnd / (double) floor.idleKb, rssEnd / 1024, floor.idleKb / 1024));
            }
            h.line("- errors: " + (h.errors.isEmpty() ? "none" : h.errors) + "; close codes: " + (h.closes.isEmpty() ? "none" : h.closes));
            h.line("");
            h.line(String.format(Locale.ROOT, "| target | required | measured | met |%n|---|---|---|---|%n| idle residents within 1 GiB RSS | %d, ≤ 1024 MiB | %d open, max %d MiB | %s |",
                    n, stillOpen, rssMax / 1024, stillOpen >= 10000 && rssMax <= 1024 * 1024 ? "yes" : "no"));
            h.report.flush();
            return stillOpen == n ? 0 : 1;
        } finally {
            t.abortAll();
            if (service != null) {
                service.kill();
            }
            db.drop();
        }
    }
}
