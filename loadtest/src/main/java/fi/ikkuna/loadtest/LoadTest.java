package fi.ikkuna.loadtest;

import java.time.Duration;
import java.time.Instant;

/**
 * Load harness for issue 7. See docs/performance.md for the commands. Scenarios:
 * <ul>
 *   <li>{@code load} ({@link LoadScenario}): N residents and M professionals over docs/protocol.md; residents send
 *   at a set total rate, professionals claim and answer; latencies, throughput, errors, service RSS, and a check of
 *   every sequence number against the database ({@link Verifier}). The bare Helidon echo floor ({@link Floor}) runs
 *   first in the same run.</li>
 *   <li>{@code idle} ({@link IdleScenario}): N residents that only say hello, held open; service RSS against the
 *   echo floor's.</li>
 * </ul>
 * The child processes are {@link ServiceProcess}'s, the run's database {@link RunDatabase}'s, the markdown
 * {@link Report}'s. Loopback only; every phase is bounded and a watchdog ends the run after {@code --max-runtime}.
 */
public final class LoadTest {
    private LoadTest() {
    }

    public static void main(String[] args) throws Exception {
        Harness h = new Harness(Options.parse(args));
        Duration max = h.o.dur("max-runtime");
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(max.toMillis());
                System.err.println("max-runtime " + max + " reached: cutting the run short and reporting what was measured");
                h.stopping = true;
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
            rc = run(h);
        } finally {
            watchdog.interrupt();
        }
        System.exit(rc);
    }

    private static int run(Harness h) throws Exception {
        h.openClients();
        h.line("# Ikkuna load harness — scenario `" + h.o.get("scenario") + "` at " + Instant.now());
        h.line("");
        h.report.machine();
        return switch (h.o.get("scenario")) {
            case "load" -> new LoadScenario(h).run();
            case "idle" -> new IdleScenario(h).run();
            default -> throw new IllegalArgumentException("--scenario load|idle");
        };
    }
}
