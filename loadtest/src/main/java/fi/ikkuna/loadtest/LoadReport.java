package fi.ikkuna.loadtest;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/** The load scenario's report: the figures the phases measured, the latency table against the floor, the targets. */
final class LoadReport {
    private final Harness h;
    private final Traffic t;

    // filled in by LoadScenario, phase by phase
    int residents;
    int professionals;
    double rate;
    Duration duration;
    long open;
    Duration connect;
    int failed;
    int sentWarm;
    Duration warm;
    int greeted;
    long greetMillis;
    double measuredSeconds;
    long maxLagNanos;
    String loadBefore;
    String loadAfter;
    double cpu;
    double harnessCpu;
    long rssStart;
    long rssConnected;
    long rssMax;
    long rssEnd;
    long threads;
    Floor.Result floor;

    LoadReport(Harness h, Traffic t) {
        this.h = h;
        this.t = t;
    }

    long residentsAcked() {
        return t.sent.values().stream().filter(x -> x.measured && x.fromResident && x.acks.get() > 0).count();
    }

    void result() {
        long resSent = t.sent.values().stream().filter(x -> x.measured && x.fromResident).count();
        long resAcked = residentsAcked();
        long proSent = t.sent.values().stream().filter(x -> x.measured && !x.fromResident).count();
        long proAcked = t.sent.values().stream().filter(x -> x.measured && !x.fromResident && x.acks.get() > 0).count();
        h.line("");
        h.line("## Result");
        h.line("");
        if (h.stopping) {
            h.line("- **cut short by --max-runtime " + h.o.get("max-runtime") + "**: the measured phase ran " + String.format(Locale.ROOT, "%.1f", measuredSeconds) + " s of " + duration);
        }
        h.line(String.format(Locale.ROOT, "- residents: %d open of %d (hello → welcome in %.1f s, %d failed); professionals: %d",
                open, residents, connect.toMillis() / 1000.0, failed, professionals));
        h.line(String.format(Locale.ROOT, "- warm-up: %d first messages (triage → queue), %d claimed in %.1f s; claim → claimed p50 %s ms, p99 %s ms",
                sentWarm, t.claimed.get(), warm.toMillis() / 1000.0, Stats.ms(t.claimLatency.p(50)), Stats.ms(t.claimLatency.p(99)))
                + (greeted > 0 ? String.format(Locale.ROOT, "; then %d greetings from professionals (not measured) acked in %.1f s", greeted, greetMillis / 1000.0) : "")
                + String.format(Locale.ROOT, "; then %d s of the measured traffic, not measured", h.o.dur("warmup-steady").toSeconds()));
        h.line(String.format(Locale.ROOT, "- measured phase: %.1f s, pacer max lag %.1f ms, load average %s → %s, service CPU %.1f s (%.0f%% of one core), harness CPU %.1f s (%.0f%%)",
                measuredSeconds, maxLagNanos / 1e6, loadBefore, loadAfter, cpu, 100 * cpu / measuredSeconds, harnessCpu, 100 * harnessCpu / measuredSeconds));
        h.line(String.format(Locale.ROOT, "- throughput: resident messages %d sent, %d acked = %.1f/s; professional replies %d sent, %d acked = %.1f/s; committed messages %.1f/s",
                resSent, resAcked, resAcked / measuredSeconds, proSent, proAcked, proAcked / measuredSeconds,
                (resAcked + proAcked) / measuredSeconds));
        h.line(String.format(Locale.ROOT, "- service RSS: %d MiB at start, %d MiB with %d residents connected, max %d MiB in the measured phase, %d MiB at end; %d threads",
                rssStart / 1024, rssConnected / 1024, open, rssMax / 1024, rssEnd / 1024, threads));
        h.line(String.format(Locale.ROOT, "- frames received by the harness: %d; queue_snapshot %d (%.1f MiB); queue positions %d",
                t.framesIn.get(), t.snapshots.get(), t.snapshotBytes.get() / 1048576.0, t.queueFrames.get()));
        h.line("");
        h.line("| figure (ms) | count | p50 | p90 | p99 | max | floor p50 | floor p99 | floor max | ratio p50 | ratio p99 | ratio max |");
        h.line("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Stats s : List.of(t.resAck, t.proAck, t.resToPro, t.proToRes)) {
            h.line(Report.row(s, floor == null ? null : floor.rtt()));
        }
        if (floor != null) {
            double floorRate = rate * (1 + t.replyRatio);
            h.line(Report.row(floor.rtt(), null));
            h.line("");
            h.line(String.format(Locale.ROOT, "Floor: bare Helidon echo, %d connections (connected in %.1f s, %d failed), %.0f frames/s for %.1f s: "
                            + "%d sent, %d echoed (%.1f/s); echo RSS %d MiB idle with %d connections, max %d MiB under load; echo CPU %.1f s. "
                            + "Ratios are figure / echo RTT at the same percentile.",
                    residents, floor.connect().toMillis() / 1000.0, floor.failed(), floorRate, floor.seconds(), floor.sent(), floor.echoed(),
                    floor.echoed() / floor.seconds(), floor.rssIdleKb() / 1024, residents, floor.rssMaxKb() / 1024, floor.cpuSec()));
            h.line(String.format(Locale.ROOT, "Service / floor: RSS with %d connections %.1f×; committed messages per second %.2f× of echoed frames per second.",
                    residents, rssConnected / (double) Math.max(1, floor.rssIdleKb()), (resAcked + proAcked) / measuredSeconds / (floor.echoed() / floor.seconds())));
        }
        h.line("");
    }

    void errors() {
        h.line("");
        h.line("- errors: " + (h.errors.isEmpty() ? "none" : new TreeMap<>(h.errors)) + "; close codes seen: "
                + (h.closes.isEmpty() ? "none" : new TreeMap<>(h.closes)) + "; transport errors " + WsClient.TRANSPORT_ERRORS.get()
                + ", send failures " + WsClient.SEND_FAILURES.get());
    }

    void targets(boolean clean) {
        double ackedPerSecond = residentsAcked() / measuredSeconds;
        h.line("");
        h.line("### Targets");
        h.line("");
        h.line("| target | required | measured | met |");
        h.line("|---|---|---|---|");
        h.line(String.format(Locale.ROOT, "| concurrent residents | 5000 | %d | %s |", open, open >= 5000 ? "yes" : "no"));
        h.line(String.format(Locale.ROOT, "| resident messages/s sustained for 60 s | 500 | %.1f for %.1f s | %s |", ackedPerSecond, measuredSeconds,
                ackedPerSecond >= 0.99 * 500 && measuredSeconds >= 59.5 ? "yes" : "no"));
        h.line(String.format(Locale.ROOT, "| ack p99 (resident) | ≤ 50 ms | %s ms | %s |", Stats.ms(t.resAck.p(99)), t.resAck.p(99) <= 50 ? "yes" : "no"));
        h.line(String.format(Locale.ROOT, "| ack p99 (professional) | ≤ 50 ms | %s ms | %s |", Stats.ms(t.proAck.p(99)), t.proAck.p(99) <= 50 || t.proAck.count() == 0 ? "yes" : "no"));
        h.line(String.format(Locale.ROOT, "| end-to-end p99 resident → professional | ≤ 100 ms | %s ms | %s |", Stats.ms(t.resToPro.p(99)), t.resToPro.p(99) <= 100 ? "yes" : "no"));
        h.line(String.format(Locale.ROOT, "| end-to-end p99 professional → resident | ≤ 100 ms | %s ms | %s |", Stats.ms(t.proToRes.p(99)),
                t.proToRes.p(99) <= 100 || t.proToRes.count() == 0 ? "yes" : "no"));
        h.line(String.format(Locale.ROOT, "| lost / duplicated / seq gaps, errors | 0 | see verification | %s |", clean ? "yes" : "no"));
    }
}
